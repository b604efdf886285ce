import { DataSource } from 'typeorm';
import { loadConfig } from '../../libs/config/src';
import { AuditService, AuthService, Clock } from '../../libs/core/src';
import { DatasetFixtures } from './generate-dataset';

/** userId -> personal API token, made the way a user makes one (AuthService.createApiToken). */
export type Tokens = Map<string, string>;

export async function createApiTokens(db: DataSource, fixtures: DatasetFixtures): Promise<Tokens> {
  const clock = new Clock();
  const auth = new AuthService(db, new AuditService(db, clock), clock, loadConfig({}));
  const tokens: Tokens = new Map();
  const people = [
    ...fixtures.chairs.map((c) => ({ ...c, roles: ['board_chair' as const] })),
    ...fixtures.tokenOwners.map((o) => ({ ...o, roles: ['viewer' as const] })),
  ];
  for (const p of people) tokens.set(p.userId, (await auth.createApiToken(p, 'bench')).token);
  return tokens;
}
