import { DataSource } from 'typeorm';
import { benchAuthService } from './api-tokens';
import { BENCH_PASSWORD, DatasetFixtures, Person } from './generate-dataset';
import { inLanes } from '@app/database/batches';

/** userId -> browser session secret (the value of the session cookie). */
export type Sessions = Map<string, string>;

/**
 * The people whose web pages are measured: the chair and the first token owner of `councils`
 * councils spread evenly over the data set (councils are alike in size, so a sample will do:
 * each sign-in hashes a password, about 60 ms of CPU).
 */
export function pagePeople(fixtures: DatasetFixtures, councils: number): Person[] {
  const step = Math.max(1, Math.floor(fixtures.chairs.length / councils));
  const chosen = fixtures.chairs.filter((_, i) => i % step === 0).slice(0, councils);
  return chosen.flatMap((chair) => [chair, fixtures.tokenOwners.find((o) => o.authorityId === chair.authorityId)!]);
}

/** Signs each person in with their password, as the sign-in page does (AuthService.signIn), and keeps the session secret. */
export async function signIn(db: DataSource, people: Person[]): Promise<Sessions> {
  const auth = benchAuthService(db);
  const sessions: Sessions = new Map();
  // Password hashing runs on libuv's thread pool (four threads), so a few sign-ins at a time use both cores.
  await inLanes(people, 4, async (p) => {
    sessions.set(p.userId, (await auth.signIn(p.email, BENCH_PASSWORD, '127.0.0.1', p.authorityId)).secret);
  });
  return sessions;
}
