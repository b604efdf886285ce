import { JobsOptions } from 'bullmq';
import { JobName } from './queue-names';

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Options per job. Completed reminder jobs are removed at once: the database row is the record,
 * and a retained job would block re-queueing the same id after a reschedule.
 */
const DELIVERY: JobsOptions = {
  attempts: 4,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * DAY_SECONDS, count: 10_000 },
};

export const JOB_OPTIONS: Record<JobName, JobsOptions> = {
  [JobName.ReminderDeliver]: DELIVERY,
  [JobName.ReminderDeliverBatch]: DELIVERY,
  [JobName.RemindersReconcile]: {
    attempts: 1,
    removeOnComplete: { count: 10 },
    removeOnFail: { age: DAY_SECONDS, count: 100 },
  },
};

/** True on the last attempt BullMQ will make for this job. */
export function isFinalAttempt(job: { attemptsMade: number; opts: JobsOptions }): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
