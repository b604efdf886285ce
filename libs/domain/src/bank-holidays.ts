import { DateTime } from 'luxon';
import { addDays, fromDateTime, isWeekend, toDateTime } from './calendar-date';
import { DomainError } from './domain-error';

/*
 * England and Wales bank holidays, by the rules in force since 1978 (the first year with an
 * early May bank holiday) plus the proclaimed one-off changes. Earlier years are computed with
 * the same rules, which is not what was observed then.
 */

interface OneOffChanges {
  /** Regular holiday date -> the date it was moved to. */
  moved?: Record<string, string>;
  added?: string[];
}

const ONE_OFF_CHANGES: Record<number, OneOffChanges> = {
  1981: { added: ['1981-07-29'] }, // wedding of the Prince of Wales
  1995: { moved: { '1995-05-01': '1995-05-08' } }, // VE Day, 50th anniversary
  1999: { added: ['1999-12-31'] }, // millennium
  2002: { moved: { '2002-05-27': '2002-06-04' }, added: ['2002-06-03'] }, // Golden Jubilee
  2011: { added: ['2011-04-29'] }, // royal wedding
  2012: { moved: { '2012-05-28': '2012-06-04' }, added: ['2012-06-05'] }, // Diamond Jubilee
  2020: { moved: { '2020-05-04': '2020-05-08' } }, // VE Day, 75th anniversary
  2022: {
    moved: { '2022-05-30': '2022-06-02' }, // Platinum Jubilee
    added: ['2022-06-03', '2022-09-19'], // Platinum Jubilee; state funeral of Queen Elizabeth II
  },
  2023: { added: ['2023-05-08'] }, // coronation of King Charles III
};

function assertYear(year: number): void {
  if (!Number.isSafeInteger(year) || year < 1 || year > 9999) {
    throw new DomainError('invalid_date', `The year must be a whole number from 1 to 9999, not ${String(year)}.`);
  }
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus). */
export function easterSunday(year: number): string {
  assertYear(year);
  const golden = year % 19;
  const century = Math.floor(year / 100);
  const yearOfCentury = year % 100;
  const leapCenturies = Math.floor(century / 4);
  const centuryRest = century % 4;
  const moonCorrection = Math.floor((century + 8) / 25);
  const solarCorrection = Math.floor((century - moonCorrection + 1) / 3);
  const epact = (19 * golden + century - leapCenturies - solarCorrection + 15) % 30;
  const leapYears = Math.floor(yearOfCentury / 4);
  const yearRest = yearOfCentury % 4;
  const toSunday = (32 + 2 * centuryRest + 2 * leapYears - epact - yearRest) % 7;
  const lateCorrection = Math.floor((golden + 11 * epact + 22 * toSunday) / 451);
  const daysFromMarch22 = epact + toSunday - 7 * lateCorrection;
  return fromDateTime(DateTime.utc(year, 3, 22).plus({ days: daysFromMarch22 }));
}

function firstMonday(year: number, month: number): string {
  const first = DateTime.utc(year, month, 1);
  return fromDateTime(first.plus({ days: (8 - first.weekday) % 7 }));
}

function lastMonday(year: number, month: number): string {
  const last = DateTime.utc(year, month, 1).endOf('month').startOf('day');
  return fromDateTime(last.minus({ days: (last.weekday + 6) % 7 }));
}

/** A fixed holiday on a weekend, or on a day another holiday already took, moves to the next free weekday. */
function observed(date: string, taken: Set<string>): string {
  let day = date;
  while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
  taken.add(day);
  return day;
}

function regularHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const taken = new Set<string>();
  return [
    observed(`${pad(year)}-01-01`, taken),
    addDays(easter, -2),
    addDays(easter, 1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    observed(`${pad(year)}-12-25`, taken),
    observed(`${pad(year)}-12-26`, taken),
  ];
}

function pad(year: number): string {
  return String(year).padStart(4, '0');
}

const cache = new Map<number, { list: readonly string[]; set: ReadonlySet<string> }>();

function holidaysOf(year: number): { list: readonly string[]; set: ReadonlySet<string> } {
  let entry = cache.get(year);
  if (!entry) {
    const changes = ONE_OFF_CHANGES[year] ?? {};
    const moved = changes.moved ?? {};
    const list = regularHolidays(year)
      .map((date) => moved[date] ?? date)
      .concat(changes.added ?? [])
      .sort();
    entry = { list, set: new Set(list) };
    cache.set(year, entry);
  }
  return entry;
}

/** The year's England and Wales bank holidays, sorted. */
export function bankHolidays(year: number): string[] {
  assertYear(year);
  return [...holidaysOf(year).list];
}

export function isBankHoliday(date: string): boolean {
  return holidaysOf(toDateTime(date).year).set.has(date);
}

export function isWorkingDay(date: string): boolean {
  return !isWeekend(date) && !isBankHoliday(date);
}

/** The date itself if it is a working day, else the nearest earlier working day. */
export function previousWorkingDay(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** The date itself if it is a working day, else the nearest later working day. */
export function nextWorkingDay(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
