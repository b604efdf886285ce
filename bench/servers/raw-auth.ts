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

/** SessionRepository's statement (libs/database/src/repositories/session.repository.ts), as text. */
const AUTHENTICATE_SQL = `SELECT s."id", s."userId", s."authorityId", s."kind", s."lastSeenAt", s."expiresAt", m."roles"
  FROM "user_session" s
  JOIN "app_user" u ON u."id" = s."userId" AND u."active" = :active
  JOIN "membership" m ON m."userId" = s."userId" AND m."authorityId" = s."authorityId" AND m."active" = :active
  WHERE s."tokenHash" = :hash AND s."revokedAt" IS NULL`;

/**
 * AuthService.authenticate for an API token, as SQL: one joined query for the session, its user and
 * membership, the expiry checked, and the once-a-minute touch.
 */
export async function authenticate(db: RawDb, header: string | undefined): Promise<Caller> {
  const secret = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const row = secret ? await db.one(AUTHENTICATE_SQL, { hash: createHash('sha256').update(secret).digest('hex'), active: true }) : undefined;
  const now = Date.now();
  if (!row || (row.expiresAt && (row.expiresAt as string) <= new Date(now).toISOString())) throw new HttpFailure(401, 'unauthenticated', 'Sign in first');
  if (now - Date.parse(row.lastSeenAt as string) >= 60_000) {
    await db.run(`UPDATE "user_session" SET "lastSeenAt" = :set_lastSeenAt WHERE "id" = :id`, { set_lastSeenAt: new Date(now).toISOString(), id: row.id });
  }
  return { userId: row.userId as string, authorityId: row.authorityId as string, roles: JSON.parse(row.roles as string) };
}
