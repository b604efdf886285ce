import { DateTime } from 'luxon';

const ZONE = 'Europe/London';

/** '2026-03-31' → '31 March 2026', the GOV.UK style. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const value = DateTime.fromISO(date.slice(0, 10), { zone: ZONE });
  return value.isValid ? value.toFormat('d LLLL yyyy') : date;
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
