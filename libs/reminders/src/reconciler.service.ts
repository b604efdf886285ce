import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource, In } from 'typeorm';
import { Clock } from '../../core/src/clock';
import { JOB_OPTIONS, jobId, JobName, JobStatus, OnJob, QueueName } from '../../queue/src';
import { DigestPlanner } from './digest-planner.service';
import { DELIVERABLE_STATES, Reminder } from './entities/reminder.entity';
import { RemindersService } from './reminders.service';

/** Rows due within this window are queued (with a delay to their exact instant). */
export const LOOKAHEAD_MS = 60_000;
/** A row queued this long ago and still not delivered may have lost its job (Redis wiped): queue it again. */
export const REQUEUE_AFTER_MS = 10 * 60_000;

export interface ReconcileResult {
  queued: number;
  released: number;
  digests: number;
}

/**
 * Rebuilds the queue from the database: queues every row that is due or soon due and not queued.
 * Job ids derive from row ids, so queueing a row that already has a job does nothing.
 */
@Injectable()
export class ReminderReconciler {
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
    for (let i = 0; i < rows.length; i += 1000) await this.enqueue(rows.slice(i, i + 1000), now);
    return { queued: rows.length, released, digests };
  }

  private rowsToQueue(now: Date, requeueAll: boolean) {
    const horizon = new Date(now.getTime() + LOOKAHEAD_MS).toISOString();
    const stale = new Date(now.getTime() - REQUEUE_AFTER_MS).toISOString();
    const qb = this.db.manager.createQueryBuilder(Reminder, 'r').select(['r.id', 'r.runAt'])
      .where('r.state IN (:...states) AND r.runAt <= :horizon', { states: DELIVERABLE_STATES, horizon });
    if (!requeueAll) qb.andWhere('(r.state = :pending OR r.queuedAt IS NULL OR r.queuedAt < :stale)', { pending: 'pending', stale });
    return qb.orderBy('r.runAt', 'ASC').getMany();
  }

  /** Queue first, then mark: a crash in between leaves rows pending, to be queued again harmlessly. */
  private async enqueue(rows: Pick<Reminder, 'id' | 'runAt'>[], now: Date): Promise<void> {
    await this.queue.addBulk(rows.map((r) => {
      const data = { reminderId: r.id };
      const delay = Math.max(0, Date.parse(r.runAt) - now.getTime());
      return { name: JobName.ReminderDeliver, data, opts: { ...JOB_OPTIONS[JobName.ReminderDeliver], jobId: jobId(JobName.ReminderDeliver, data), delay } };
    }));
    const at = this.clock.nowIso();
    await this.db.transaction((tx) => tx.update(Reminder, { id: In(rows.map((r) => r.id)), state: In(DELIVERABLE_STATES) }, { state: 'queued', queuedAt: at, updatedAt: at }));
  }
}
