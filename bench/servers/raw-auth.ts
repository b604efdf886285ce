import { createHash } from 'node:crypto';
import { RawDb } from './raw-db';

export interface Caller {
  userId: string;
  authorityId: string;
  roles: string[];
}

export class HttpFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
  }
}

/** AuthService.authenticate as SQL: the token's session, its user and membership, and the once-a-minute touch. */
export async function authenticate(db: RawDb, header: string | undefined): Promise<Caller> {
  const secret = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const session = secret ? await db.one(`SELECT * FROM "user_session" WHERE "tokenHash" = :hash AND "revokedAt" IS NULL LIMIT 1`, { hash: createHash('sha256').update(secret).digest('hex') }) : undefined;
  if (!session) throw new HttpFailure(401, 'unauthenticated', 'Sign in first');
  const [user, membership] = await Promise.all([
    db.one(`SELECT * FROM "app_user" WHERE "id" = :id LIMIT 1`, { id: session.userId }),
    db.one(`SELECT * FROM "membership" WHERE "userId" = :userId AND "authorityId" = :authorityId LIMIT 1`, { userId: session.userId, authorityId: session.authorityId }),
  ]);
  if (!user || !(user.active === true || user.active === 1) || !membership) throw new HttpFailure(401, 'unauthenticated', 'Sign in first');
  const now = Date.now();
  if (now - Date.parse(session.lastSeenAt as string) >= 60_000) {
    await db.run(`UPDATE "user_session" SET "lastSeenAt" = :now WHERE "id" = :id`, { now: new Date(now).toISOString(), id: session.id });
  }
  return { userId: session.userId as string, authorityId: session.authorityId as string, roles: JSON.parse(membership.roles as string) };
}
