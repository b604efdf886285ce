import { DateTime } from 'luxon';
import { DomainError } from './domain-error';

const spoken = (date: string) => DateTime.fromISO(date, { zone: 'utc' }).toFormat('d LLLL yyyy');

/**
 * A due date or milestone date a person sets is today or later: a date already gone cannot be
 * worked towards. A milestone recorded as already done may be dated in the past. Dates worked out
 * from a plan's start (an imported report's timescales, a carried-over action) are not set by a
 * person and may be past: those actions are overdue, and their reminders catch up.
 */
export function assertNotPast(date: string, today: string, what: 'due date' | 'milestone'): void {
  if (date >= today) return;
  const fix =
    what === 'milestone'
      ? 'Enter today or a later date, or record the milestone as already done.'
      : 'Enter today or a later date; an action whose date has passed stays overdue until the board sets a new one.';
  throw new DomainError(
    'date_in_past',
    `The ${what === 'milestone' ? 'milestone date' : 'due date'} ${spoken(date)} is before today (${spoken(today)}). ${fix}`,
  );
}
