import { Injectable } from '@nestjs/common';
import { Session } from '../entities';
import { insertMany, runSql, selectEntities, updateRows } from '../sql';
import { Transactions } from '../transactions';

/** A live session or token as a request sees it, with the roles of its membership. */
export interface SessionRow {
  id: string;
  userId: string;
  authorityId: string;
  kind: 'browser' | 'api';
  lastSeenAt: string;
  expiresAt: string | null;
  roles: string;
}

const AUTHENTICATE_SQL = `SELECT s."id", s."userId", s."authorityId", s."kind", s."lastSeenAt", s."expiresAt", m."roles"
  FROM "user_session" s
  JOIN "app_user" u ON u."id" = s."userId" AND u."active" = :active
  JOIN "membership" m ON m."userId" = s."userId" AND m."authorityId" = s."authorityId" AND m."active" = :active
  WHERE s."tokenHash" = :hash AND s."revokedAt" IS NULL`;

const COUNCILS_SQL = `SELECT a."id", a."name" FROM "membership" m JOIN "authority" a ON a."id" = m."authorityId"
  WHERE m."userId" = :userId AND m."active" = :active ORDER BY a."name" ASC`;

/**
 * Browser sessions and API tokens (fixed SQL: authenticating runs on every request). A session is a
 * person's, found by its secret's hash before any authority is known, so this is not bound to a tenant.
 */
@Injectable()
export class SessionRepository {
  constructor(private readonly transactions: Transactions) {}

  private get manager() {
    return this.transactions.manager;
  }

  async authenticate(tokenHash: string): Promise<SessionRow | null> {
    const [row] = await runSql(this.manager, AUTHENTICATE_SQL, { hash: tokenHash, active: true });
    return (row as unknown as SessionRow | undefined) ?? null;
  }

  /** The councils where this person may work: their active memberships. */
  async councilsOf(userId: string): Promise<{ id: string; name: string }[]> {
    const rows = await runSql(this.manager, COUNCILS_SQL, { userId, active: true });
    return rows.map((r) => ({ id: r.id as string, name: r.name as string }));
  }

  async insert(session: Session): Promise<void> {
    await insertMany(this.manager, Session, [session]);
  }

  async touch(id: string, lastSeenAt: string): Promise<void> {
    await updateRows(this.manager, 'user_session', { lastSeenAt }, '"id" = :id', { id });
  }

  /** Ends one session (signing out, switching council); false when it had ended already. */
  async end(id: string, now: string): Promise<boolean> {
    return (await updateRows(this.manager, 'user_session', { revokedAt: now }, '"id" = :id AND "revokedAt" IS NULL', { id })) > 0;
  }

  apiTokens(userId: string, authorityId: string): Promise<Session[]> {
    const text = `SELECT * FROM "user_session" WHERE "userId" = :userId AND "authorityId" = :authorityId AND "kind" = 'api' AND "revokedAt" IS NULL ORDER BY "createdAt" ASC`;
    return selectEntities(this.manager, Session, text, { userId, authorityId });
  }

  /** Revokes one of the person's own API tokens in this authority; false when there is none such. */
  async revokeApiToken(id: string, userId: string, authorityId: string, now: string): Promise<boolean> {
    const where = `"id" = :id AND "userId" = :userId AND "authorityId" = :authorityId AND "kind" = 'api' AND "revokedAt" IS NULL`;
    return (await updateRows(this.manager, 'user_session', { revokedAt: now }, where, { id, userId, authorityId })) > 0;
  }

  /** Ends every session and token of the person (in one authority, or everywhere), but `keepId`. */
  async endAll(userId: string, authorityId: string | null, now: string, keepId?: string): Promise<void> {
    const where = [
      '"userId" = :userId',
      '"revokedAt" IS NULL',
      ...(authorityId ? ['"authorityId" = :authorityId'] : []),
      ...(keepId ? ['"id" <> :keepId'] : []),
    ];
    await updateRows(this.manager, 'user_session', { revokedAt: now }, where.join(' AND '), { userId, authorityId, keepId });
  }
}
