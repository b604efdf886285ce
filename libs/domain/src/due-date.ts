import { DateTime } from 'luxon';
import { addCalendarMonths, addDays, toDateTime } from './calendar-date';
import { nextWorkingDay, previousWorkingDay } from './bank-holidays';
import { DomainError } from './domain-error';
import { assertPlanSettings, PlanSettings } from './plan-settings';
import { isTimescale, Timescale, TIMESCALES } from './timescale';

export { addCalendarMonths, addDays } from './calendar-date';

/**
 * The due date for a finding's timescale, counted from the plan's start date.
 * With `moveOffNonWorkingDays`, a weekend or bank-holiday result moves to the working day before,
 * unless that would fall before the start: a due date never precedes the plan.
 */
export function computeDueDate(start: string, timescale: Timescale, settings: PlanSettings): string {
  toDateTime(start, 'start date');
  assertPlanSettings(settings);
  if (!isTimescale(timescale)) {
    throw new DomainError('invalid_timescale', `"${String(timescale)}" is not a timescale: use one of ${TIMESCALES.join(', ')}.`);
  }
  const due = dueOnCalendar(start, timescale, settings);
  if (!settings.moveOffNonWorkingDays) return due;
  const moved = previousWorkingDay(due);
  return moved < start ? nextWorkingDay(due) : moved;
}

function dueOnCalendar(start: string, timescale: Timescale, settings: PlanSettings): string {
  switch (timescale) {
    case 'immediately':
      return addDays(start, settings.immediateWindowDays);
    case 'three_months':
      return addCalendarMonths(start, 3);
    case 'six_months':
      return addCalendarMonths(start, 6);
    case 'unspecified':
      return addCalendarMonths(start, settings.defaultHorizonMonths);
  }
}

/** The calendar date in Europe/London at an instant: deadlines are London dates, whatever the host zone. */
export function todayInLondon(now: Date): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new DomainError('invalid_date', 'The current time is not a valid instant: pass a valid Date.');
  }
  return DateTime.fromJSDate(now, { zone: 'Europe/London' }).toISODate() as string;
}
