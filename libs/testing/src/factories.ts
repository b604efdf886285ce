import { randomBytes } from 'node:crypto';
import { AuthorityService, AuthService, BoardService, PersonView, UserService } from '@app/core';
import { Role } from '@app/core/request-context';

/** Where the factories find the services: a test app, or a testing module. */
export interface Services {
  get<T>(token: new (...args: never[]) => T): T;
}

export const TEST_PASSWORD = 'a long test password';

export interface TestUser extends PersonView {
  token: string;
  authorityId: string;
}

const unique = () => randomBytes(4).toString('hex');

export async function newAuthority(t: Services, name = `Council ${unique()}`) {
  return t.get(AuthorityService).create(name);
}

/** A member of the authority with a personal API token to call the API with. */
export async function newUser(t: Services, authorityId: string, roles: Role[], extra: { managerId?: string; email?: string } = {}): Promise<TestUser> {
  const person = await t.get(UserService).create(authorityId, {
    email: extra.email ?? `${roles[0]}-${unique()}@example.test`,
    displayName: `${roles[0]} ${unique()}`,
    password: TEST_PASSWORD,
    roles,
    managerId: extra.managerId ?? null,
  });
  const { token } = await t.get(AuthService).createApiToken({ userId: person.id, authorityId, roles }, 'test');
  return { ...person, token, authorityId };
}

export async function newBoard(t: Services, chair: TestUser, members: TestUser[] = []) {
  // Boards are the council admin's to set up; the test acts as one.
  return t.get(BoardService).create(
    { userId: chair.id, authorityId: chair.authorityId, roles: ['admin'] },
    'Service Improvement Board',
    chair.id,
    members.map((m) => m.id),
  );
}

export const bearer = (user: { token: string }) => ({ Authorization: `Bearer ${user.token}` });
