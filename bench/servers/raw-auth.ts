import { createHash } from 'node:crypto';
import { RawDb } from './raw-db';

export interface Caller {
  userId: string;
  authorityId: string;
  roles: string[];
}

export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** AuthService.authenticate as SQL: one joined query for the session, its user and membership, and the once-a-minute touch. */
export async function authenticate(db: RawDb, header: string | undefined): Promise<Caller> {
  const secret = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const row = secret
    ? await db.one(
        `SELECT s."id", s."userId", s."authorityId", s."lastSeenAt", m."roles" FROM "user_session" s
         JOIN "app_user" u ON u."id" = s."userId" AND u."active" = :active
         JOIN "membership" m ON m."userId" = s."userId" AND m."authorityId" = s."authorityId"
         WHERE s."tokenHash" = :hash AND s."revokedAt" IS NULL LIMIT 1`,
        { hash: createHash('sha256').update(secret).digest('hex'), active: db.kind === 'postgres' ? true : 1 },
      )
    : undefined;
  if (!row) throw new HttpFailure(401, 'unauthenticated', 'Sign in first');
  const now = Date.now();
  if (now - Date.parse(row.lastSeenAt as string) >= 60_000) {
    await db.run(`UPDATE "user_session" SET "lastSeenAt" = :now WHERE "id" = :id`, { now: new Date(now).toISOString(), id: row.id });
  }
  return { userId: row.userId as string, authorityId: row.authorityId as string, roles: JSON.parse(row.roles as string) };
}
