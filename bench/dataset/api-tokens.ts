import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { AuditService, AuthService, Clock } from '@app/core';
import { SignInThrottle } from '@app/core/accounts/sign-in-throttle';
import { DatasetFixtures } from './generate-dataset';
import { inLanes } from '@app/database/batches';
import { AccountRepository, AuditRepositories, SessionRepository, SignInThrottleRepository } from '@app/database/repositories';
import { Transactions } from '@app/database/transactions';

/** userId -> personal API token, made the way a user makes one (AuthService.createApiToken). */
export type Tokens = Map<string, string>;

/** The app's AuthService over the bench's DataSource, with the default configuration. */
export function benchAuthService(db: DataSource): AuthService {
  const [clock, config] = [new Clock(), loadConfig({})];
  const transactions = new Transactions(db);
  const accounts = new AccountRepository(transactions);
  const audit = new AuditService(transactions, new AuditRepositories(transactions), clock);
  return new AuthService(
    transactions,
    accounts,
    new SessionRepository(transactions),
    audit,
    clock,
    new SignInThrottle(transactions, new SignInThrottleRepository(transactions), accounts, audit, clock, config),
    config,
  );
}

export async function createApiTokens(db: DataSource, fixtures: DatasetFixtures): Promise<Tokens> {
  const auth = benchAuthService(db);
  const tokens: Tokens = new Map();
  const people = [
    ...fixtures.chairs.map((c) => ({ ...c, roles: ['board_chair' as const] })),
    ...fixtures.tokenOwners.map((o) => ({ ...o, roles: ['viewer' as const] })),
  ];
  // A few at a time: PostgreSQL answers each insert in a round trip; SQLite runs them one by one anyway.
  await inLanes(people, 8, async (p) => {
    tokens.set(p.userId, (await auth.createApiToken(p, 'bench')).token);
  });
  return tokens;
}
