import { TEST_PASSWORD } from '@app/testing';
import { TestApp } from './test-app';

/** Signs in through the API as a browser does (200 checked); answers the session cookie as "name=value", for a Cookie header. */
export async function sessionCookie(t: TestApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await t.http().post('/api/v1/auth/sign-in').send({ email, password }).expect(200);
  const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const session = set.map((c) => c.split(';')[0]).find((c) => c.startsWith('it_session='));
  if (!session) throw new Error(`Signing in as ${email} set no session cookie (set-cookie: ${set.join(' | ')})`);
  return session;
}
