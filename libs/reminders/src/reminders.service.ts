import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThan, LessThanOrEqual } from 'typeorm';
import { Clock } from '@app/core/clock';
import { Action, Plan } from '@app/database/entities';
import { chunks, inLanes } from '@app/database/batches';
import { refreshStatistics } from '@app/database/sql';
import { OPEN_STATUSES } from '@app/domain';
import { DELIVERABLE_STATES, Reminder, REMINDER_STATES } from './entities/reminder.entity';
import { DigestPlanner } from './digest-planner.service';
import { DeliveryResult, ReminderDeliveryService } from './reminder-delivery.service';
import { ReminderScheduler } from './reminder-schedule.service';
import { MeasureReminderScheduler } from './measure-reminder-schedule.service';

/** A claim older than this belongs to a worker that died mid-send: the row is released for another attempt. */
export const SENDING_LEASE_MS = 5 * 60_000;

/** Actions scheduled per transaction. */
export const SCHEDULE_BATCH_SIZE = 1000;
/** Having added this many rows (and again at twice as many, and so on), scheduling refreshes the reminder table's planner statistics. */
export const STATISTICS_AFTER_ROWS = 10_000;

export type RunDueSummary = Partial<Record<DeliveryResult, number>> & { total: number };

/** Operations on the reminder engine as a whole: catch-up delivery, backfill, health counts. */
@Injectable()
export class RemindersService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly scheduler: ReminderScheduler,
    private readonly digests: DigestPlanner,
    private readonly delivery: ReminderDeliveryService,
    private readonly measures: MeasureReminderScheduler,
  ) {}

  /** Delivers everything due up to `at`, here and now, without the queue. Running it twice sends nothing more. */
  async runDue(at: Date): Promise<RunDueSummary> {
    await this.backfill();
    await this.catchUpOverdue();
    await this.digests.planDigests(at, { force: true });
    await this.releaseStaleClaims();
    const due = await this.db.manager.find(Reminder, {
      where: { state: In(DELIVERABLE_STATES), runAt: LessThanOrEqual(at.toISOString()) },
      select: { id: true },
      order: { runAt: 'ASC', id: 'ASC' },
    });
    const summary: RunDueSummary = { total: due.length };
    // The worker's path, in batches; on this final attempt a passing failure is left for later.
    const { results } = await this.delivery.deliverMany(
      due.map((r) => r.id),
      { at, finalAttempt: true },
    );
    for (const result of results.values()) summary[result] = (summary[result] ?? 0) + 1;
    return summary;
  }

  /** Reminder rows by state, for the health endpoint. */
  async reminderCounts(): Promise<Record<string, number>> {
    const rows: { state: string; count: string | number }[] = await this.db.manager
      .createQueryBuilder(Reminder, 'r')
      .select('r.state', 'state')
      .addSelect('COUNT(*)', 'count')
      .groupBy('r.state')
      .getRawMany();
    const counts: Record<string, number> = Object.fromEntries(REMINDER_STATES.map((s) => [s, 0]));
    for (const r of rows) counts[r.state] = Number(r.count);
    return counts;
  }

  /** Rows held by a worker that stopped mid-send go back to pending; the reminder is then sent once. */
  async releaseStaleClaims(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - SENDING_LEASE_MS).toISOString();
    const result = await this.db.transaction((tx) =>
      tx.update(
        Reminder,
        { state: 'sending', claimedAt: LessThan(before) },
        {
          state: 'pending',
          lastError: 'The worker stopped while sending; sending again',
          updatedAt: this.clock.nowIso(),
        },
      ),
    );
    return result.affected ?? 0;
  }

  /** Schedules open actions of active plans that have no reminder rows (made before reminders existed, or by bulk import). */
  async backfill(): Promise<number> {
    const actions = await this.db.manager
      .createQueryBuilder(Action, 'a')
      .innerJoin(Plan, 'p', 'p.id = a.planId')
      .where('p.status = :active AND a.status IN (:...open) AND a.dueDate IS NOT NULL', { active: 'active', open: [...OPEN_STATUSES] })
      .andWhere('NOT EXISTS (SELECT 1 FROM reminder r WHERE r."actionId" = a.id)')
      .getMany();
    return this.scheduleActions(actions);
  }

  /**
   * Schedules every overdue open action of an active plan again: after downtime its passed steps are
   * caught up (catchUps), and each day its owner's next overdue repeat is made. Measures' owners
   * are scheduled for the quarter just ended (a new quarter's reminders start on its first day).
   * Scheduling is idempotent, so running this twice adds nothing. Returns the rows added.
   */
  async catchUpOverdue(): Promise<number> {
    return (await this.catchUpActions()) + (await this.measures.scheduleAll());
  }

  private async catchUpActions(): Promise<number> {
    const actions = await this.db.manager
      .createQueryBuilder(Action, 'a')
      .innerJoin(Plan, 'p', 'p.id = a.planId')
      .where('p.status = :active AND a.status IN (:...open) AND a.dueDate < :today', { active: 'active', open: [...OPEN_STATUSES], today: this.clock.today() })
      .getMany();
    return (await this.schedule(actions)).added;
  }

  /** Re-computes the reminder rows of the given actions (by default every open action of every active plan). */
  async scheduleActions(actions: Action[]): Promise<number> {
    return (await this.schedule(actions)).actions;
  }

  private async schedule(actions: Action[]): Promise<{ actions: number; added: number }> {
    const planIds = [...new Set(actions.map((a) => a.planId))];
    const plans = new Map<string, Plan>();
    for (const part of chunks(planIds, 500)) for (const p of await this.db.manager.findBy(Plan, { id: In(part) })) plans.set(p.id, p);
    const missing = planIds.find((id) => !plans.has(id));
    if (missing) throw new Error(`Plan ${missing} not found`);
    // In id order, each transaction's rows sit together in the indexes keyed by action, so it writes far fewer pages.
    const ordered = [...actions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let added = 0;
    let refreshAt = STATISTICS_AFTER_ROWS;
    // Two at a time, so one batch's rows are worked out while the database writes another's (SQLite still takes them in turn).
    await inLanes(chunks(ordered, SCHEDULE_BATCH_SIZE), 2, async (batch) => {
      const rows = await this.db.transaction((tx) => this.scheduler.scheduleActions(tx, batch, plans));
      added += rows; // after the await: `added += await …` would add to the value read before it, losing the other lane's rows
      if (added < refreshAt) return;
      // Again each time the rows added have doubled, so the statistics keep up with a table growing from empty.
      refreshAt = added * 2;
      await this.db.transaction((tx) => refreshStatistics(tx, 'reminder'));
    });
    return { actions: actions.length, added };
  }
}
