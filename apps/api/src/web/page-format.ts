import { DateTime } from 'luxon';
import { dayNumber } from '../../../../libs/domain/src';

const ZONE = 'Europe/London';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-03-31' → '31 March 2026', the GOV.UK style. A calendar date has no time zone, so no conversion. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const day = date.slice(0, 10);
  if (!isCalendarDate(day)) return date;
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

function isCalendarDate(day: string): boolean {
  try {
    dayNumber(day);
    return true;
  } catch {
    return false;
  }
}

/** An instant as London time: '23 November 2026 at 9:05am'. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const value = DateTime.fromISO(instant, { zone: 'utc' }).setZone(ZONE);
  return value.isValid ? `${value.toFormat('d LLLL yyyy')} at ${value.toFormat('h:mma').toLowerCase()}` : instant;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
