import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOB_OPTIONS, JobName, QueueName } from '@app/queue';
import { ReminderReconciler, RemindersService } from '@app/reminders';
import { JobHandlers } from './job-handlers';
import { ReminderProcessor } from './reminder.processor';

/** How often the reconciler runs; with its one-minute lookahead, rows are queued before they are due. */
export const RECONCILE_EVERY_MS = 15_000;

/**
 * Start-up order: check handlers, start processing, rebuild the queue from the database, schedule
 * the reconciler. Processing starts first so that, after an outage, the first rows queued are
 * being delivered while the rest are still being queued.
 */
@Injectable()
export class WorkerBootstrap {
  private readonly log = new Logger('Worker');

  constructor(
    private readonly handlers: JobHandlers,
    private readonly reminders: RemindersService,
    private readonly reconciler: ReminderReconciler,
    private readonly processor: ReminderProcessor,
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
  ) {}

  async start(options: { reconcileEveryMs?: number } = {}): Promise<void> {
    this.handlers.load();
    void this.processor.worker.run();
    const backfilled = await this.reminders.backfill();
    const result = await this.reconciler.reconcile({ requeueAll: true });
    this.log.log(`Start-up reconcile: ${result.queued} queued, ${result.released} released, ${backfilled} actions backfilled`);
    await this.queue.upsertJobScheduler(
      JobName.RemindersReconcile,
      { every: options.reconcileEveryMs ?? RECONCILE_EVERY_MS },
      {
        name: JobName.RemindersReconcile,
        data: {},
        opts: JOB_OPTIONS[JobName.RemindersReconcile],
      },
    );
  }
}
