import { addCalendarMonths } from '@app/domain/calendar-date';
import { previousQuarter, Quarter, quarterOf } from '@app/domain';

const DAY_MS = 86_400_000;
const cache = new Map<number, string>();

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date. */
export const dayNumber = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** 'YYYY-MM-DD' for a day number; cached, since a data set uses a few thousand distinct days. */
export function isoDate(day: number): string {
  let text = cache.get(day);
  if (!text) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    cache.set(day, text);
  }
  return text;
}

/** An ISO instant on the given day, at a time of day in seconds. */
export const isoInstant = (day: number, secondOfDay: number): string => new Date(day * DAY_MS + secondOfDay * 1000).toISOString();

/** The financial-year quarters from the one holding `from` to the one holding `to` (dates), oldest first. */
export function quartersBetween(from: string, to: string): Quarter[] {
  const first = quarterOf(from).label;
  const quarters = [quarterOf(to)];
  while (quarters[0].label > first) quarters.unshift(previousQuarter(quarters[0]));
  return quarters;
}

/** A quarter's three months: each as a measure's period ('2026-11') and the day number of its last day. */
export const monthsOf = (quarter: Quarter): { period: string; endDay: number }[] =>
  [0, 1, 2].map((k) => {
    const start = addCalendarMonths(quarter.start, k);
    return { period: start.slice(0, 7), endDay: dayNumber(addCalendarMonths(start, 1)) - 1 };
  });
