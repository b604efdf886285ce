// "Medium" tests: a lib's services on a real, migrated database, with small factories and a fixed clock (no HTTP app).
import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@app/config';
import { Actor, Clock, CoreModule } from '@app/core';
import { DatabaseModule } from '@app/database';
import { APP_SCHEMA } from '@app/reminders/schema';
import { Authority, Board, Membership, User } from '@app/database/entities';
import { Role } from '@app/domain';
import { createTestDatabase, DbKind, TestDatabase } from './test-database';

export interface Medium {
  readonly moduleRef: TestingModule;
  readonly ds: DataSource;
  get<T>(type: new (...args: never[]) => T): T;
}

/** CoreModule on a fresh database of the kind for the enclosing suite, the clock fixed at `now`. */
export function useMedium(kind: DbKind, now = '2026-03-02T09:00:00.000Z'): Medium {
  let db: TestDatabase | null = null;
  let moduleRef: TestingModule | null = null;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const config = { ...loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://tracker.test' }), database: db.config };
    moduleRef = await (
      await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), CoreModule.forRoot(DatabaseModule.forRoot(APP_SCHEMA))] }).compile()
    ).init();
    moduleRef.get(Clock).set(now);
  });
  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });
  return {
    get moduleRef() {
      return moduleRef!;
    },
    get ds() {
      return moduleRef!.get(DataSource);
    },
    get: (type) => moduleRef!.get(type),
  };
}

export interface Council {
  authorityId: string;
  admin: Actor;
  chair: Actor;
  owner: User;
  boardId: string;
}

/** A council with an admin, a board chair (and their board) and an action owner. */
export async function newCouncil(ds: DataSource): Promise<Council> {
  const authorityId = randomUUID();
  const now = new Date().toISOString();
  await ds.manager.insert(Authority, { id: authorityId, name: 'Test Council', slug: `test-${authorityId.slice(0, 8)}`, createdAt: now });
  const person = async (name: string, roles: Role[]): Promise<User> => {
    const user: User = {
      id: randomUUID(),
      email: `${name}.${authorityId.slice(0, 8)}@council.test`,
      displayName: name,
      passwordHash: 'x',
      active: true,
      createdAt: now,
    };
    await ds.manager.insert(User, user);
    await ds.manager.insert(Membership, { id: randomUUID(), authorityId, userId: user.id, roles, managerId: null, organisationId: null, createdAt: now });
    return user;
  };
  const admin = await person('admin', ['admin']);
  const chair = await person('chair', ['board_chair']);
  const owner = await person('owner', []);
  const boardId = randomUUID();
  await ds.manager.insert(Board, { id: boardId, authorityId, name: 'Improvement Board', chairId: chair.id, createdAt: now });
  return {
    authorityId,
    admin: { userId: admin.id, authorityId, roles: ['admin'] },
    chair: { userId: chair.id, authorityId, roles: ['board_chair'] },
    owner,
    boardId,
  };
}
