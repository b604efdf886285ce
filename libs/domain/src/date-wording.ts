import { isCalendarDate, isoWeekday } from './calendar-date';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Weekday names by ISO number (Monday is 1). */
export const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * A date in words, the GOV.UK style: '2026-03-31' → '31 March 2026'. A calendar date has no time zone, so an
 * instant's date is the one it is written with; what is not a date comes back as it was, and nothing as ''.
 */
export function dayMonthYear(date: string | null | undefined): string {
  if (!date) return '';
  const day = date.slice(0, 10);
  if (!isCalendarDate(day)) return date;
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

/** With its weekday: 'Tuesday 8 December 2026'. */
export function longDate(date: string): string {
  const words = dayMonthYear(date);
  return isCalendarDate(date.slice(0, 10)) ? `${WEEKDAYS[isoWeekday(date.slice(0, 10))]} ${words}` : words;
}
