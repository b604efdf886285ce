import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Transactions } from '@app/database/transactions';
import { badRequest, notFound } from '@app/core/app-error';
import { AuditService } from '@app/core/audit/audit.service';
import { Clock } from '@app/core/clock';
import { newId } from '@app/core/ids';
import { Actor } from '@app/core/request-context';
import { Membership } from '@app/database/entities';
import { NotificationSettings } from './entities';
import { prefsOf } from './delivery-lookups';
import { NotificationPrefs } from './recipient';
import { EMAIL_GROUPS, EmailGroup } from './reminder-rules';

export interface NotificationSettingsChanges {
  email?: Partial<Record<EmailGroup, boolean>>;
  digestOnly?: boolean;
  onLeave?: boolean;
  leaveUntil?: string | null;
  delegateId?: string | null;
}

/** Each user's own choices about reminders. */
@Injectable()
export class NotificationSettingsService {
  constructor(
    private readonly db: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<NotificationPrefs> {
    return prefsOf(await this.db.manager.findOneBy(NotificationSettings, { authorityId: actor.authorityId, userId: actor.userId }));
  }

  async update(actor: Actor, changes: NotificationSettingsChanges): Promise<NotificationPrefs> {
    const unknown = Object.keys(changes.email ?? {}).filter((k) => !(EMAIL_GROUPS as readonly string[]).includes(k));
    if (unknown.length) throw badRequest('unknown_reminder_kind', `Unknown reminder kinds: ${unknown.join(', ')}; use ${EMAIL_GROUPS.join(', ')}`);
    if (changes.delegateId === actor.userId) throw badRequest('invalid_delegate', 'Choose someone else as your delegate while you are on leave');
    return this.transactions.run(async (tx) => {
      if (changes.delegateId && !(await tx.existsBy(Membership, { authorityId: actor.authorityId, userId: changes.delegateId }))) throw notFound('Delegate');
      const existing = await tx.findOneBy(NotificationSettings, { authorityId: actor.authorityId, userId: actor.userId });
      const before = prefsOf(existing);
      const after: NotificationPrefs = {
        email: { ...before.email, ...changes.email },
        digestOnly: changes.digestOnly ?? before.digestOnly,
        onLeave: changes.onLeave ?? before.onLeave,
        leaveUntil: changes.leaveUntil !== undefined ? changes.leaveUntil : before.leaveUntil,
        delegateId: changes.delegateId !== undefined ? changes.delegateId : before.delegateId,
      };
      const row = { ...after, id: existing?.id ?? newId(), authorityId: actor.authorityId, userId: actor.userId, updatedAt: this.clock.nowIso() };
      await (existing ? tx.update(NotificationSettings, { id: row.id }, row) : tx.insert(NotificationSettings, row));
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'user',
        entityId: actor.userId,
        event: 'notification_settings_changed',
        actorId: actor.userId,
        before,
        after,
      });
      return after;
    });
  }
}
