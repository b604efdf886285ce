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
