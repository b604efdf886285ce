import { createHash } from 'node:crypto';
import { JobData, JobName } from './queue-names';

/**
 * The one place job ids are built. An id derives from the data, so queueing the same row twice
 * is a no-op in BullMQ. No ':' (BullMQ uses it as its key separator).
 */
export function jobId<N extends JobName>(name: N, data: JobData[N]): string {
  switch (name) {
    case JobName.ReminderDeliver:
      return `reminder-${(data as JobData[JobName.ReminderDeliver]).reminderId}`;
    case JobName.RemindersReconcile:
      return 'reminders-reconcile';
    case JobName.ReminderDeliverBatch:
      return `reminder-batch-${digest((data as JobData[JobName.ReminderDeliverBatch]).reminderIds)}`;
    default:
      return assertNever(name);
  }
}

function assertNever(value: never): never {
  throw new Error(`No job id rule for job ${String(value)}`);
}

/** The same set of rows, in any order, gives the same id. */
function digest(ids: string[]): string {
  return createHash('sha256')
    .update([...ids].sort().join(','))
    .digest('hex')
    .slice(0, 32);
}
