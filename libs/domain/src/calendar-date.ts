import { DateTime } from 'luxon';
import { DomainError } from './domain-error';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date as midnight UTC. UTC has no clock changes, so adding days or months
 * gives the exact calendar result whatever the host zone or the British Summer Time dates.
 */
export function toDateTime(date: string, what = 'date'): DateTime {
  return DateTime.fromMillis(dayNumber(date, what) * DAY_MS, { zone: 'utc' });
}

const notADate = (date: unknown, what: string) =>
  new DomainError('invalid_date', `The ${what} "${String(date)}" is not a real calendar date: write it as YYYY-MM-DD, for example 2026-03-31.`);

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

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01. Day arithmetic on these whole numbers is exact and needs no time-zone
 * library, and it is on the hot path (every RAG rating works out days between dates).
 */
export function dayNumber(date: string, what = 'date'): number {
  const days = daysOf(date);
  if (days === null) throw notADate(date, what);
  return days;
}

/** Whether the value is a real calendar date written YYYY-MM-DD: the one rule every form, query and DTO checks by. */
export function isCalendarDate(value: unknown): value is string {
  return daysOf(value) !== null;
}

/** Day numbers of the dates read lately: delivery reads the same few due dates for thousands of rows. */
const knownDays = new Map<string, number | null>();
const KNOWN_DAYS_LIMIT = 4096;

function daysOf(date: unknown): number | null {
  // Only YYYY-MM-DD's ten characters are kept: a long string from a request is refused before the cache.
  if (typeof date !== 'string' || date.length !== 10) return null;
  let days = knownDays.get(date);
  if (days === undefined) {
    if (knownDays.size >= KNOWN_DAYS_LIMIT) knownDays.clear();
    knownDays.set(date, (days = readDays(date)));
  }
  return days;
}

function readDays(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return year >= 1 && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day ? Math.round(utc.getTime() / DAY_MS) : null;
}

export function fromDayNumber(days: number): string {
  const utc = new Date(days * DAY_MS);
  const year = utc.getUTCFullYear();
  if (!Number.isFinite(year) || year < 1 || year > 9999) {
    throw new DomainError('invalid_date', 'The resulting date falls outside the years 0001 to 9999: use a nearer date.');
  }
  return `${String(year).padStart(4, '0')}-${String(utc.getUTCMonth() + 1).padStart(2, '0')}-${String(utc.getUTCDate()).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  assertWholeNumber(days, 'number of days');
  return fromDayNumber(dayNumber(date) + days);
}

/** Adds calendar months; a day that does not exist in the target month clamps to its last day. */
export function addCalendarMonths(date: string, months: number): string {
  assertWholeNumber(months, 'number of months');
  return fromDateTime(toDateTime(date).plus({ months }));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}
