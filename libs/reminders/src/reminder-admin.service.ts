import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { forbidden, notFound } from '../../core/src/app-error';
import { Clock } from '../../core/src/clock';
import { Actor, hasRole } from '../../core/src/request-context';
import { OutboxEmail } from './entities';
import { Reminder, ReminderState } from './entities/reminder.entity';

/** What admins see of the engine: the stored emails and the reminders, failures included. */
@Injectable()
export class ReminderAdminService {
  constructor(private readonly db: DataSource, private readonly clock: Clock) {}

  async outbox(actor: Actor, options: { page?: number; pageSize?: number } = {}) {
    this.assertAdmin(actor);
    const { page, pageSize } = paging(options);
    const [items, total] = await this.db.manager.findAndCount(OutboxEmail, { where: { authorityId: actor.authorityId }, order: { createdAt: 'DESC', id: 'ASC' }, skip: (page - 1) * pageSize, take: pageSize });
    return { items, page, pageSize, total };
  }

  async reminders(actor: Actor, options: { states?: ReminderState[]; actionId?: string; page?: number; pageSize?: number } = {}) {
    this.assertAdmin(actor);
    const { page, pageSize } = paging(options);
    const where = { authorityId: actor.authorityId, ...(options.states?.length ? { state: In(options.states) } : {}), ...(options.actionId ? { actionId: options.actionId } : {}) };
    const [items, total] = await this.db.manager.findAndCount(Reminder, { where, order: { dueAt: 'DESC', id: 'ASC' }, skip: (page - 1) * pageSize, take: pageSize });
    return { items, page, pageSize, total };
  }

  /** Tries a failed reminder again at the next reconcile. */
  async retry(actor: Actor, reminderId: string): Promise<Reminder> {
    this.assertAdmin(actor);
    return this.db.transaction(async (tx) => {
      const now = this.clock.nowIso();
      const result = await tx.update(Reminder, { id: reminderId, authorityId: actor.authorityId, state: 'failed' }, { state: 'pending', runAt: now, attempts: 0, updatedAt: now });
      if (!result.affected) throw notFound('Failed reminder');
      return tx.findOneByOrFail(Reminder, { id: reminderId });
    });
  }

  private assertAdmin(actor: Actor) {
    if (!hasRole(actor, ['admin'])) throw forbidden('Only an admin can see the reminder outbox and queue');
  }
}

const paging = (o: { page?: number; pageSize?: number }) => ({ page: Math.max(1, o.page ?? 1), pageSize: Math.min(100, Math.max(1, o.pageSize ?? 20)) });
