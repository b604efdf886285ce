import { EntityManager } from 'typeorm';
import { SessionRepository } from '@app/database/repositories/session.repository';
import { accountHooks } from './account-hooks';

/**
 * Ends what a person was trusted with: browser sessions, API tokens and calendar feeds, in one
 * authority or (authorityId null) everywhere. Called in the transaction of the change that withdrew
 * the trust: a password reset, a role change, stopped access, removal. `keepSessionId` spares the
 * session the person is using to make the change themselves.
 */
export async function endTrust(
  tx: EntityManager,
  sessions: SessionRepository,
  now: string,
  userId: string,
  authorityId: string | null,
  keepSessionId?: string,
): Promise<void> {
  await sessions.endAll(userId, authorityId, now, keepSessionId);
  await accountHooks(tx).trustEnded(tx, now, userId, authorityId);
}
