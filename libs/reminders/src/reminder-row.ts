import { newId } from '@app/core/ids';
import { Reminder } from './entities/reminder.entity';

/** What makes a reminder this reminder: who, what, when, and the key that keeps it unique. */
export type ReminderFields = Pick<Reminder, 'authorityId' | 'actionId' | 'planId' | 'kind' | 'offsetDays' | 'forDate' | 'recipientId' | 'dueAt' | 'dedupeKey'> &
  Partial<Pick<Reminder, 'measureId'>>;

/** A new reminder row, waiting to be delivered at its due instant. */
export function newReminderRow(fields: ReminderFields, now: string): Reminder {
  return {
    id: newId(),
    measureId: null,
    ...fields,
    deliveredToId: null,
    runAt: fields.dueAt,
    state: 'pending',
    attempts: 0,
    lastError: null,
    outcome: null,
    queuedAt: null,
    claimedAt: null,
    claimToken: null,
    sentAt: null,
    createdAt: now,
    updatedAt: now,
  };
}
