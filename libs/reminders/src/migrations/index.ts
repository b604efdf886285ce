import { MigrationInterface } from 'typeorm';
import { Reminders1795392100000 } from './1795392100000-reminders';
import { ReminderClaimToken1795392200000 } from './1795392200000-reminder-claim-token';
import { ReminderForeignKeys1795392800000 } from './1795392800000-reminder-foreign-keys';
import { ReminderMeasure1795394200000 } from './1795394200000-reminder-measure';

/** Reminders' migrations, oldest first (released ones are never edited, nor their names changed). */
export const REMINDER_MIGRATIONS: (new () => MigrationInterface)[] = [
  Reminders1795392100000,
  ReminderClaimToken1795392200000,
  ReminderForeignKeys1795392800000,
  ReminderMeasure1795394200000,
];
