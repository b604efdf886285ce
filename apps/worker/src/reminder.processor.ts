import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobStatus, QueueName } from '@app/queue';
import { JobHandlers } from './job-handlers';

/** Jobs run in parallel; on SQLite, database writes still take turns (see libs/database data-source.ts). */
export const REMINDER_CONCURRENCY = 16;

/** Hands each job of the reminders queue to its handler. Started by WorkerBootstrap once the checks pass. */
@Processor(QueueName.Reminders, { concurrency: REMINDER_CONCURRENCY, autorun: false })
export class ReminderProcessor extends WorkerHost {
  constructor(private readonly handlers: JobHandlers) {
    super();
  }

  process(job: Job): Promise<JobStatus> {
    return this.handlers.handle(job);
  }
}
