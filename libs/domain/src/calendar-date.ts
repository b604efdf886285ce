import { DateTime } from 'luxon';
import { DomainError } from './domain-error';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date as midnight UTC. UTC has no clock changes, so adding days or months
 * gives the exact calendar result whatever the host zone or the British Summer Time dates.
 */
export function toDateTime(date: string, what = 'date'): DateTime {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  const parsed = match ? DateTime.utc(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (!parsed || !parsed.isValid || parsed.year < 1) {
    throw new DomainError(
      'invalid_date',
      `The ${what} "${String(date)}" is not a real calendar date: write it as YYYY-MM-DD, for example 2026-03-31.`,
    );
  }
  return parsed;
}

export function fromDateTime(value: DateTime): string {
  if (!value.isValid || value.year < 1 || value.year > 9999) {
    throw new DomainError('invalid_date', 'The resulting date falls outside the years 0001 to 9999: use a nearer date.');
  }
  return value.toISODate() as string;
}

export function assertWholeNumber(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError('invalid_number', `The ${what} must be a whole number, not ${String(value)}.`);
  }
}

export function addDays(date: string, days: number): string {
  assertWholeNumber(days, 'number of days');
  return fromDateTime(toDateTime(date).plus({ days }));
}

/** Adds calendar months; a day that does not exist in the target month clamps to its last day. */
export function addCalendarMonths(date: string, months: number): string {
  assertWholeNumber(months, 'number of months');
  return fromDateTime(toDateTime(date).plus({ months }));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round(toDateTime(to).diff(toDateTime(from), 'days').days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return toDateTime(date).weekday;
}

export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}
