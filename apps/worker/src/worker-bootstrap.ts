import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOB_OPTIONS, JobName, QueueName } from '@app/queue';
import { ReminderReconciler, RemindersService } from '@app/reminders';
import { AuditRetention } from './audit-retention';
import { JobHandlers } from './job-handlers';
import { ReminderProcessor } from './reminder.processor';

/** How often the reconciler runs; with its one-minute lookahead, rows are queued before they are due. */
export const RECONCILE_EVERY_MS = 15_000;

/**
 * Start-up order: check handlers, start processing, rebuild the queue from the database, schedule
 * the reconciler. Processing starts first so that, after an outage, the first rows queued are
 * being delivered while the rest are still being queued.
 *
 * The reconciler's schedule lives in Redis, so a wiped Redis loses it along with every queued job.
 * A timer of the worker's own (it needs no Redis key) checks for the schedule on the same cadence
 * and, when it has gone, rebuilds the whole queue from the database and schedules it again.
 */
@Injectable()
export class WorkerBootstrap implements OnApplicationShutdown {
  private readonly log = new Logger('Worker');
  private watchdog: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly reminders: RemindersService,
    private readonly reconciler: ReminderReconciler,
    private readonly processor: ReminderProcessor,
    private readonly retention: AuditRetention,
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
  ) {}

  async start(options: { reconcileEveryMs?: number } = {}): Promise<void> {
    const every = options.reconcileEveryMs ?? RECONCILE_EVERY_MS;
    this.handlers.load();
    void this.processor.worker.run();
    const backfilled = await this.reminders.backfill();
    const result = await this.reconciler.reconcile({ requeueAll: true });
    this.log.log(`Start-up reconcile: ${result.queued} queued, ${result.released} released, ${backfilled} actions backfilled`);
    await this.schedule(every);
    this.watchdog = setInterval(() => void this.restoreIfWiped(every), every);
    this.watchdog.unref();
    this.retention.start();
  }

  onApplicationShutdown() {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
  }

  private schedule(every: number) {
    return this.queue.upsertJobScheduler(
      JobName.RemindersReconcile,
      { every },
      { name: JobName.RemindersReconcile, data: {}, opts: JOB_OPTIONS[JobName.RemindersReconcile] },
    );
  }

  private async restoreIfWiped(every: number) {
    if (this.checking) return;
    this.checking = true;
    try {
      if (await this.queue.getJobScheduler(JobName.RemindersReconcile)) return;
      this.log.warn('The reconcile schedule has gone from Redis (wiped or replaced?): rebuilding the queue from the database');
      const result = await this.reconciler.reconcile({ requeueAll: true });
      await this.schedule(every);
      this.log.log(`Rebuilt the queue: ${result.queued} queued`);
    } catch (error) {
      // Redis or the database is down: the next tick tries again.
      this.log.warn(`Could not check the reconcile schedule: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.checking = false;
    }
  }
}
