import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource, In } from 'typeorm';
import { Clock } from '../../core/src/clock';
import { JOB_OPTIONS, jobId, JobName, JobStatus, OnJob, QueueName } from '../../queue/src';
import { DigestPlanner } from './digest-planner.service';
import { DELIVERABLE_STATES, Reminder } from './entities/reminder.entity';
import { DELIVERY_BATCH_SIZE } from './reminder-delivery.service';
import { RemindersService } from './reminders.service';
import { stateIn } from './state-in';

/** Rows due within this window are queued (with a delay to their exact instant). */
export const LOOKAHEAD_MS = 60_000;
/** A row queued this long ago and still not delivered may have lost its job (Redis wiped): queue it again. */
export const REQUEUE_AFTER_MS = 10 * 60_000;

/** Rows queued, then marked queued, at a time: a few whole jobs. */
const ENQUEUE_CHUNK = 4 * DELIVERY_BATCH_SIZE;

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
    for (let i = 0; i < rows.length; i += ENQUEUE_CHUNK) await this.enqueue(rows.slice(i, i + ENQUEUE_CHUNK), now);
    return { queued: rows.length, released, digests };
  }

  private async rowsToQueue(now: Date, requeueAll: boolean): Promise<Pick<Reminder, 'id' | 'runAt'>[]> {
    const horizon = new Date(now.getTime() + LOOKAHEAD_MS).toISOString();
    const stale = new Date(now.getTime() - REQUEUE_AFTER_MS).toISOString();
    const select = () => this.db.manager.createQueryBuilder(Reminder, 'r').select(['r.id', 'r.runAt']);
    if (requeueAll) {
      return select().where('r.state IN (:...states) AND r.runAt <= :horizon', { states: DELIVERABLE_STATES, horizon }).orderBy('r.runAt', 'ASC').getMany();
    }
    // Two indexed reads rather than one OR that would visit every queued row on each run.
    const pending = await select().where('r.state = :pending AND r.runAt <= :horizon', { pending: 'pending', horizon }).getMany();
    const lost = await select().where('r.state = :queued AND (r.queuedAt IS NULL OR r.queuedAt < :stale) AND r.runAt <= :horizon', { queued: 'queued', stale, horizon }).getMany();
    return [...pending, ...lost].sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : 0));
  }

  /**
   * Queue first, then mark: a crash in between leaves rows pending, to be queued again harmlessly.
   * Rows due at the same instant (or already due) go together in batch jobs, delayed to that instant.
   */
  private async enqueue(rows: Pick<Reminder, 'id' | 'runAt'>[], now: Date): Promise<void> {
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
        return { name: JobName.ReminderDeliverBatch, data, opts: { ...JOB_OPTIONS[JobName.ReminderDeliverBatch], jobId: jobId(JobName.ReminderDeliverBatch, data), delay } };
      });
    });
    await this.queue.addBulk(jobs);
    const at = this.clock.nowIso();
    await this.db.transaction((tx) => tx.update(Reminder, { id: In(rows.map((r) => r.id)), state: stateIn(tx, DELIVERABLE_STATES) }, { state: 'queued', queuedAt: at, updatedAt: at }));
  }
}
