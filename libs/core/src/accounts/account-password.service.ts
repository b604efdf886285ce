import { Injectable } from '@nestjs/common';
import { AccountRepository } from '@app/database/repositories/account.repository';
import { SessionRepository } from '@app/database/repositories/session.repository';
import { Transactions } from '@app/database/transactions';
import { badRequest, notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { hashPassword, verifyPassword } from './password';
import { refuseWeakPassword } from './password-policy';
import { ActingSession, normaliseEmail } from './person';
import { SignInThrottle } from './sign-in-throttle';
import { endTrust } from './trust';

/** Account passwords: the person changing their own, and the operator resetting one. Either ends the account's trust. */
@Injectable()
export class AccountPasswordService {
  constructor(
    private readonly transactions: Transactions,
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly throttle: SignInThrottle,
  ) {}

  /**
   * The person changes their own password; every other session, token and feed of theirs ends.
   * The current password is checked under the sign-in throttle: whoever holds a stolen session guesses no faster than at sign-in.
   */
  async changeOwnPassword(actor: ActingSession, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.accounts.byId(actor.userId);
    if (!user) throw notFound('User');
    const claim = await this.throttle.claim(user.email, actor.ip ?? 'unknown');
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      await this.audit.recordAlone({
        authorityId: actor.authorityId,
        entityType: 'user',
        entityId: user.id,
        event: 'password_change_failed',
        actorId: user.id,
        ip: claim.ip,
      });
      await this.throttle.failed(claim, user.id);
      throw badRequest('wrong_password', 'Your current password is not right: enter the one you signed in with');
    }
    await this.throttle.succeeded(claim);
    refuseWeakPassword(newPassword, user.email);
    await this.transactions.run(async () => {
      await this.accounts.update(user.id, { passwordHash: await hashPassword(newPassword) });
      await endTrust(this.transactions.manager, this.sessions, this.clock.nowIso(), user.id, null, actor.sessionId);
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'user',
        entityId: user.id,
        event: 'password_changed',
        actorId: user.id,
        ip: actor.ip ?? null,
      });
    });
  }

  /** The operator resets an account's password (CLI); every session, token and feed ends, everywhere. */
  async setPasswordAsOperator(email: string, password: string): Promise<{ id: string; email: string }> {
    const address = normaliseEmail(email);
    refuseWeakPassword(password, address);
    return this.transactions.run(async () => {
      const user = await this.accounts.byEmail(address);
      if (!user) throw notFound(`Account ${address}`);
      await this.accounts.update(user.id, { passwordHash: await hashPassword(password) });
      await endTrust(this.transactions.manager, this.sessions, this.clock.nowIso(), user.id, null);
      await this.audit.record({ authorityId: null, entityType: 'user', entityId: user.id, event: 'password_reset_by_operator', actorId: null });
      return { id: user.id, email: user.email };
    });
  }
}
