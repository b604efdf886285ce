import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import { ActionNotice, ActionNotificationsReader } from '@app/core/meetings/action-notifications';
import { Transactions } from '@app/database/transactions';
import { Reminder } from './entities';

/** Core's ActionNotificationsReader (read in the caller's transaction, if any): the reminders actually sent about actions, to whom they went (after leave and leavers), and when. */
@Injectable()
export class ReminderNotificationsReader implements ActionNotificationsReader {
  constructor(private readonly transactions: Transactions) {}

  async sentAbout(authorityId: string, actionIds: string[]): Promise<ActionNotice[]> {
    if (!actionIds.length) return [];
    const rows = await this.transactions.manager.find(Reminder, {
      where: { authorityId, actionId: In(actionIds), state: 'sent', sentAt: Not(IsNull()) },
      select: { actionId: true, kind: true, recipientId: true, deliveredToId: true, sentAt: true },
      order: { sentAt: 'ASC', id: 'ASC' },
    });
    // Digests name no action, so none is read here.
    return rows.map((r) => ({ actionId: r.actionId!, personId: r.deliveredToId ?? r.recipientId, kind: r.kind, at: r.sentAt! }));
  }
}
