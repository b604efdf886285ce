import { isCalendarDate } from '@app/domain';

const ZONE = 'Europe/London';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-03-31' → '31 March 2026', the GOV.UK style. A calendar date has no time zone, so no conversion. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const day = date.slice(0, 10);
  if (!isCalendarDate(day)) return date;
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

/** Built once: creating a formatter is the costly part, formatting with it is cheap. */
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

/** An instant as London time: '23 November 2026 at 9:05am'. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const at = Date.parse(instant);
  if (Number.isNaN(at)) return instant;
  const part = Object.fromEntries(LONDON_TIME.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.day} ${part.month} ${part.year} at ${part.hour}:${part.minute}${part.dayPeriod.toLowerCase()}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * An action's whole text. A plan made from a report titles each action with its finding's first words, cut
 * with "…"; the full text is then its description, as the finding was written (capitalised, spaces folded).
 */
export function fullActionText(action: { title: string; description: string }): string {
  const description = action.description.replace(/\s+/g, ' ').trim();
  const whole = description.charAt(0).toUpperCase() + description.slice(1);
  return action.title.endsWith('…') && whole.startsWith(action.title.slice(0, -1)) ? whole : action.title;
}

/** A finding's place in its document: "line 316", or "lines 316–320". */
export function lineSpan(start: number | null, end: number | null): string {
  if (!start) return '';
  return !end || end === start ? `line ${start}` : `lines ${start}–${end}`;
}
