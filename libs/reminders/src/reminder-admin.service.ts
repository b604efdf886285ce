import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan, LessThanOrEqual, Not } from 'typeorm';
import { notFound } from '@app/core/app-error';
import { Clock } from '@app/core/clock';
import { Actor, authorize } from '@app/core/request-context';
import { OutboxEmail } from './entities';
import { DELIVERABLE_STATES, Reminder, REMINDER_STATES, ReminderState } from './entities/reminder.entity';
import { REMINDER_KINDS } from './reminder-rules';
import { SENDING_LEASE_MS } from './reminders.service';

/** What the admin queue dashboard shows: read-only, from the database (the source of truth, not Redis). */
export interface ReminderQueueSummary {
  generatedAt: string;
  byState: Record<ReminderState, number>;
  /** Counts by kind, then state (only states with rows). */
  byKind: Record<string, Partial<Record<ReminderState, number>>>;
  /** The deliverable row that has waited longest past its moment, if any is overdue. */
  oldestDue: { id: string; kind: string; actionId: string | null; runAt: string; dueAt: string; waitingMs: number } | null;
  /** Rows to be tried again after a passing failure (SMTP down): still deliverable, with an error. */
  retrying: number;
  /** Rows held by a worker for longer than the lease: it probably died; they are released at the next reconcile. */
  stuckSending: number;
  /** The latest permanent failures, with the error an admin can act on; `retry` puts one back. */
  failures: { total: number; items: Pick<Reminder, 'id' | 'kind' | 'actionId' | 'recipientId' | 'attempts' | 'lastError' | 'dueAt' | 'updatedAt'>[] };
}

/** What admins see of the engine: the stored emails and the reminders, failures included. */
@Injectable()
export class ReminderAdminService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async outbox(actor: Actor, options: { page?: number; pageSize?: number } = {}) {
    this.assertAdmin(actor);
    const { page, pageSize } = paging(options);
    const [items, total] = await this.db.manager.findAndCount(OutboxEmail, {
      where: { authorityId: actor.authorityId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, page, pageSize, total };
  }

  async reminders(actor: Actor, options: { states?: ReminderState[]; actionId?: string; page?: number; pageSize?: number } = {}) {
    this.assertAdmin(actor);
    const { page, pageSize } = paging(options);
    const where = {
      authorityId: actor.authorityId,
      ...(options.states?.length ? { state: In(options.states) } : {}),
      ...(options.actionId ? { actionId: options.actionId } : {}),
    };
    const [items, total] = await this.db.manager.findAndCount(Reminder, {
      where,
      order: { dueAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, page, pageSize, total };
  }

  /** The queue dashboard: counts by state and kind, the oldest overdue row, retries, stuck claims and failures. */
  async queueSummary(actor: Actor, options: { failures?: number } = {}): Promise<ReminderQueueSummary> {
    this.assertAdmin(actor);
    const authorityId = actor.authorityId;
    const now = this.clock.now();
    const grouped: { state: ReminderState; kind: string; count: string | number }[] = await this.db.manager
      .createQueryBuilder(Reminder, 'r')
      .select('r.state', 'state')
      .addSelect('r.kind', 'kind')
      .addSelect('COUNT(*)', 'count')
      .where('r.authorityId = :authorityId', { authorityId })
      .groupBy('r.state')
      .addGroupBy('r.kind')
      .getRawMany();
    const byState = Object.fromEntries(REMINDER_STATES.map((st) => [st, 0])) as Record<ReminderState, number>;
    const byKind: ReminderQueueSummary['byKind'] = Object.fromEntries(REMINDER_KINDS.map((k) => [k, {}]));
    for (const g of grouped) {
      byState[g.state] = (byState[g.state] ?? 0) + Number(g.count);
      (byKind[g.kind] ??= {})[g.state] = Number(g.count);
    }
    const oldest = await this.db.manager.findOne(Reminder, {
      where: { authorityId, state: In(DELIVERABLE_STATES), runAt: LessThanOrEqual(now.toISOString()) },
      select: { id: true, kind: true, actionId: true, runAt: true, dueAt: true },
      order: { runAt: 'ASC', id: 'ASC' },
    });
    const take = Math.min(100, Math.max(1, options.failures ?? 20));
    const [items, total] = await this.db.manager.findAndCount(Reminder, {
      where: { authorityId, state: 'failed' },
      order: { updatedAt: 'DESC', id: 'ASC' },
      take,
      select: { id: true, kind: true, actionId: true, recipientId: true, attempts: true, lastError: true, dueAt: true, updatedAt: true },
    });
    return {
      generatedAt: now.toISOString(),
      byState,
      byKind,
      oldestDue: oldest ? { ...oldest, waitingMs: now.getTime() - Date.parse(oldest.runAt) } : null,
      retrying: await this.db.manager.countBy(Reminder, { authorityId, state: In(DELIVERABLE_STATES), lastError: Not(IsNull()) }),
      stuckSending: await this.db.manager.countBy(Reminder, {
        authorityId,
        state: 'sending',
        claimedAt: LessThan(new Date(now.getTime() - SENDING_LEASE_MS).toISOString()),
      }),
      failures: { total, items },
    };
  }

  /** Tries a failed reminder again at the next reconcile. */
  async retry(actor: Actor, reminderId: string): Promise<Reminder> {
    this.assertAdmin(actor);
    return this.db.transaction(async (tx) => {
      const now = this.clock.nowIso();
      const result = await tx.update(
        Reminder,
        { id: reminderId, authorityId: actor.authorityId, state: 'failed' },
        { state: 'pending', runAt: now, attempts: 0, updatedAt: now },
      );
      if (!result.affected) throw notFound('Failed reminder');
      return tx.findOneByOrFail(Reminder, { id: reminderId });
    });
  }

  private assertAdmin(actor: Actor) {
    authorize(actor, 'reminders.delivery');
  }
}

const paging = (o: { page?: number; pageSize?: number }) => ({ page: Math.max(1, o.page ?? 1), pageSize: Math.min(100, Math.max(1, o.pageSize ?? 20)) });
