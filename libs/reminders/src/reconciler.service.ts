import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/core/clock';
import { JOB_OPTIONS, jobId, JobName, JobStatus, OnJob, QueueName } from '@app/queue';
import { DigestPlanner } from './digest-planner.service';
import { isPostgres, runSql, SqlParams, updateRows } from '@app/database/sql';
import { DELIVERABLE_STATES } from './entities/reminder.entity';
import { DELIVERY_BATCH_SIZE } from './reminder-delivery.service';
import { RemindersService } from './reminders.service';
import { stateInSql } from './state-in';

/** Rows due within this window are queued (with a delay to their exact instant). */
export const LOOKAHEAD_MS = 60_000;
/** A row queued this long ago and still not delivered may have lost its job (Redis wiped): queue it again. */
export const REQUEUE_AFTER_MS = 10 * 60_000;

/** Rows queued, then marked queued, at a time: a few whole jobs. */
const ENQUEUE_CHUNK = 4 * DELIVERY_BATCH_SIZE;

type QueueRow = { id: string; runAt: string };

export interface ReconcileResult {
  queued: number;
  released: number;
  digests: number;
  /** Rows the overdue catch-up added (it runs at a process's first reconcile, then once a London day). */
  overdue: number;
}

/**
 * Rebuilds the queue from the database: queues every row that is due or soon due and not queued.
 * Job ids derive from row ids, so queueing a row that already has a job does nothing.
 */
@Injectable()
export class ReminderReconciler {
  /** The London day whose overdue catch-up this process has done. */
  private overdueDay: string | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly digests: DigestPlanner,
    private readonly reminders: RemindersService,
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
  ) {}

  @OnJob(JobName.RemindersReconcile)
  async onReconcileJob(): Promise<JobStatus> {
    await this.reconcile();
    return 'done';
  }

  /** `requeueAll` (at worker start-up) also re-queues every queued row, in case Redis lost them. */
  async reconcile(options: { requeueAll?: boolean } = {}): Promise<ReconcileResult> {
    const now = this.clock.now();
    const digests = await this.digests.planDigests(now);
    const released = await this.reminders.releaseStaleClaims();
    const rows = await this.rowsToQueue(now, options.requeueAll ?? false);
    await this.enqueueAll(rows, now);
    // After the queue is rebuilt, so that delivery is under way while overdue actions are looked over.
    const overdue = await this.catchUpOverdue();
    const caughtUp = overdue ? await this.rowsToQueue(now, false) : [];
    await this.enqueueAll(caughtUp, now);
    return { queued: rows.length + caughtUp.length, released, digests, overdue };
  }

  private async enqueueAll(rows: QueueRow[], now: Date): Promise<void> {
    for (let i = 0; i < rows.length; i += ENQUEUE_CHUNK) await this.enqueue(rows.slice(i, i + ENQUEUE_CHUNK), now);
  }

  /** At start-up (after downtime) and on each new day: catch-ups and the day's overdue repeats. */
  private async catchUpOverdue(): Promise<number> {
    const today = this.clock.today();
    if (this.overdueDay === today) return 0;
    const count = await this.reminders.catchUpOverdue();
    this.overdueDay = today;
    return count;
  }

  private async rowsToQueue(now: Date, requeueAll: boolean): Promise<QueueRow[]> {
    const horizon = new Date(now.getTime() + LOOKAHEAD_MS).toISOString();
    const stale = new Date(now.getTime() - REQUEUE_AFTER_MS).toISOString();
    const select = (where: string, params: SqlParams) =>
      runSql(this.db.manager, `SELECT "id", "runAt" FROM "reminder" WHERE ${where} AND "runAt" <= :horizon ORDER BY "runAt"`, {
        ...params,
        horizon,
      }) as Promise<QueueRow[]>;
    if (requeueAll) return select('"state" IN (:...states)', { states: DELIVERABLE_STATES });
    // Two indexed reads rather than one OR that would visit every queued row on each run.
    const pending = await select('"state" = \'pending\'', {});
    const lost = await select('"state" = \'queued\' AND ("queuedAt" IS NULL OR "queuedAt" < :stale)', { stale });
    // A stable sort: rows due together stay in the order the database keeps them, so each batch job's rows sit close together.
    return [...pending, ...lost].sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : 0));
  }

  /**
   * Queue first, then mark: a crash in between leaves rows pending, to be queued again harmlessly.
   * Rows due at the same instant (or already due) go together in batch jobs, delayed to that instant.
   */
  private async enqueue(rows: QueueRow[], now: Date): Promise<void> {
    const groups = new Map<string, string[]>();
    for (const r of rows) {
      const key = Date.parse(r.runAt) > now.getTime() ? r.runAt : 'due';
      const group = groups.get(key);
      if (group) group.push(r.id);
      else groups.set(key, [r.id]);
    }
    const jobs = [...groups].flatMap(([key, ids]) => {
      const delay = key === 'due' ? 0 : Date.parse(key) - now.getTime();
      const batches: string[][] = [];
      for (let i = 0; i < ids.length; i += DELIVERY_BATCH_SIZE) batches.push(ids.slice(i, i + DELIVERY_BATCH_SIZE));
      return batches.map((reminderIds) => {
        const data = { reminderIds };
        return {
          name: JobName.ReminderDeliverBatch,
          data,
          opts: { ...JOB_OPTIONS[JobName.ReminderDeliverBatch], jobId: jobId(JobName.ReminderDeliverBatch, data), delay },
        };
      });
    });
    await this.queue.addBulk(jobs);
    const at = this.clock.nowIso();
    await this.db.transaction((tx) =>
      updateRows(tx, 'reminder', { state: 'queued', queuedAt: at, updatedAt: at }, `"id" IN (${this.notBeingDelivered(tx)})`, {
        ids: rows.map((r) => r.id),
        reminderStates: DELIVERABLE_STATES,
      }),
    );
  }

  /**
   * The rows of `:...ids` still deliverable. On PostgreSQL rows a delivery holds are left out rather
   * than waited for (it is delivering them anyway): waiting could deadlock with its locks.
   */
  private notBeingDelivered(tx: EntityManager): string {
    const skipLocked = isPostgres(tx) ? ' FOR UPDATE SKIP LOCKED' : '';
    return `SELECT "id" FROM "reminder" WHERE "id" IN (:...ids) AND ${stateInSql(tx)}${skipLocked}`;
  }
}
