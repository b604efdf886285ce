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
  return spreadOver(fixtures.chairs, councils).flatMap((chair) => [chair, fixtures.tokenOwners.find((o) => o.authorityId === chair.authorityId)!]);
}

/** `count` of the items, spread evenly over the list (councils are alike in size, so a sample will do). */
export function spreadOver<T>(items: T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, i) => i % step === 0).slice(0, count);
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
