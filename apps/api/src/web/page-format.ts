import { dayMonthYear } from '@app/domain';

const ZONE = 'Europe/London';

/** '2026-03-31' → '31 March 2026': the domain's wording of a date, which the minutes and the pack use too. */
export const formatDate = dayMonthYear;

/** Built once: creating a formatter is the costly part. Numeric fields, to find London's offset from UTC. */
const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

const HOUR = 3_600_000;
const offsets = new Map<number, number>();

/**
 * London's offset from UTC (ms) at an instant. The clocks change on the hour (01:00 UTC), so the
 * offset is the same through each UTC hour: one conversion an hour instead of one an instant (an
 * action page formats a few dozen, and the conversion was 3 to 5 % of its CPU).
 */
function londonOffset(at: number): number {
  const hour = Math.floor(at / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const part = Object.fromEntries(LONDON_CLOCK.formatToParts(hour * HOUR).map((p) => [p.type, Number(p.value)]));
    offset = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute) - hour * HOUR;
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** An instant as London time: '23 November 2026 at 9:05am'. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const at = Date.parse(instant);
  if (Number.isNaN(at)) return instant;
  const local = new Date(at + londonOffset(at));
  const hours = local.getUTCHours();
  const minutes = String(local.getUTCMinutes()).padStart(2, '0');
  return `${dayMonthYear(local.toISOString())} at ${hours % 12 || 12}:${minutes}${hours < 12 ? 'am' : 'pm'}`;
}

/**
 * A message shown as a sentence of its own: its first letter a capital (the rest as written, so names and
 * periods such as "2026/27 Q3" keep their case) and one full stop at the end, whether or not it had one.
 */
export function asSentence(text: string | null | undefined): string {
  const t = (text ?? '').trim();
  if (!t) return '';
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital.replace(/\.{2,}$/, '.') : `${capital}.`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A finding's place in its document: "line 316", or "lines 316–320". */
export function lineSpan(start: number | null, end: number | null): string {
  if (!start) return '';
  return !end || end === start ? `line ${start}` : `lines ${start}–${end}`;
}
