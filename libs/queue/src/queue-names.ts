/**
 * Every queue and job the system knows. These strings are stored in Redis: once released they
 * never change (rename the enum member, never the value).
 */
export enum QueueName {
  Reminders = 'reminders',
}

export enum JobName {
  /** Deliver one reminder row (data: { reminderId }). */
  ReminderDeliver = 'reminder-deliver',
  /** Re-queue reminder rows that are due or soon due and not queued (data: {}). */
  RemindersReconcile = 'reminders-reconcile',
  /** Deliver many reminder rows due at the same instant, in batches (data: { reminderIds }). */
  ReminderDeliverBatch = 'reminder-deliver-batch',
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ReminderDeliver]: QueueName.Reminders,
  [JobName.RemindersReconcile]: QueueName.Reminders,
  [JobName.ReminderDeliverBatch]: QueueName.Reminders,
};

export interface JobData {
  [JobName.ReminderDeliver]: { reminderId: string };
  [JobName.RemindersReconcile]: Record<string, never>;
  [JobName.ReminderDeliverBatch]: { reminderIds: string[] };
}

/** What a handler reports; a repeated or stale job reports a no-op status rather than failing. */
export type JobStatus = 'done' | 'skipped' | 'deferred' | 'failed';
