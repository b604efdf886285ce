import { DateTime } from 'luxon';
import { addDays } from './calendar-date';
import { isWorkingDay } from './bank-holidays';
import { DomainError } from './domain-error';
import { parseQuarter, previousQuarter, Quarter, quarterOf } from './quarter';

export const MEASURE_UNITS = ['percent', 'count', 'days'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];
export const POLARITIES = ['higher', 'lower', 'band'] as const;
export type Polarity = (typeof POLARITIES)[number];
export const ROLLUPS = ['last', 'sum', 'average'] as const;
export type Rollup = (typeof ROLLUPS)[number];
export type MeasureRag = 'red' | 'amber' | 'green';
export type Direction = 'improving' | 'worsening' | 'unchanged';

export interface MeasureRule {
  polarity: Polarity;
  target: number | null;
  bandLow: number | null;
  bandHigh: number | null;
  /** How far on the wrong side of the target (or band edge) still counts as amber; none means 0. */
  tolerance: number | null;
}

const UNIT_NAMES: Record<MeasureUnit, string> = { percent: 'A percentage', count: 'A count', days: 'A number of days' };

/** Refuses a value the unit cannot take: a percentage outside 0 to 100, a negative or fractional count (an average may be fractional), negative days. */
export function checkMeasureValue(unit: MeasureUnit, value: number, average = false): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new DomainError('invalid_number', `The value must be a number, not ${String(value)}.`);
  if (value < 0) throw new DomainError('invalid_number', `${UNIT_NAMES[unit]} cannot be negative (${value}).`);
  if (unit === 'percent' && value > 100) throw new DomainError('invalid_number', `A percentage is between 0 and 100, not ${value}.`);
  // An average of counts (the national one, say) need not be whole.
  if (unit === 'count' && !average && !Number.isInteger(value)) throw new DomainError('invalid_number', `A count is a whole number, not ${value}.`);
}

/**
 * A measure's value for a period: a financial-year quarter ("2026/27 Q3") or, for a service that
 * reports monthly, a month ("2026-11"), which rolls up into its quarter.
 */
export interface Period {
  label: string;
  kind: 'quarter' | 'month';
  quarter: Quarter;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parsePeriod(label: string): Period {
  const text = typeof label === 'string' ? label.trim() : '';
  const month = MONTH.exec(text);
  if (month) return { label: text, kind: 'month', quarter: quarterOf(`${text}-01`) };
  try {
    const quarter = parseQuarter(text);
    return { label: quarter.label, kind: 'quarter', quarter };
  } catch {
    throw new DomainError('invalid_quarter', `"${String(label)}" is not a period: write a quarter such as 2026/27 Q3, or a month such as 2026-11.`);
  }
}

/**
 * A quarter's value from the values entered for it: a quarterly value wins; otherwise the months'
 * values by the measure's rule (the last month's, their sum or their average). Null when there are none.
 */
export function rollUp(rule: Rollup, values: { period: string; value: number }[]): number | null {
  const quarterly = values.find((v) => parsePeriod(v.period).kind === 'quarter');
  if (quarterly) return quarterly.value;
  const months = [...values].sort((a, b) => a.period.localeCompare(b.period));
  if (!months.length) return null;
  if (rule === 'last') return months[months.length - 1].value;
  const sum = months.reduce((total, v) => total + v.value, 0);
  return rule === 'sum' ? sum : Math.round((sum / months.length) * 100) / 100;
}

/** How far the value is on the wrong side of its target or band (0 when it meets it); null with no target. */
function shortfall(rule: MeasureRule, value: number): number | null {
  switch (rule.polarity) {
    case 'higher':
      return rule.target === null ? null : Math.max(0, rule.target - value);
    case 'lower':
      return rule.target === null ? null : Math.max(0, value - rule.target);
    case 'band':
      if (rule.bandLow === null || rule.bandHigh === null) return null;
      return Math.max(0, rule.bandLow - value, value - rule.bandHigh);
  }
}

/**
 * A value's RAG against its target by polarity: green when it meets the target (or is within the
 * band, edges included), amber when it misses by no more than the tolerance, red beyond. Null when
 * the measure has no target.
 */
export function measureRag(rule: MeasureRule, value: number | null): MeasureRag | null {
  if (value === null) return null;
  const miss = shortfall(rule, value);
  if (miss === null) return null;
  if (miss === 0) return 'green';
  // Rounded so that 22.1 against 22 with tolerance 0.1 is amber, not lost to floating point.
  return Math.round(miss * 1e9) <= Math.round((rule.tolerance ?? 0) * 1e9) ? 'amber' : 'red';
}

/**
 * Direction of travel against the previous quarter: for a band, nearer the band (or staying within
 * it) is improving; otherwise the polarity says which way is better.
 */
export function directionOfTravel(rule: MeasureRule, value: number | null, previous: number | null): Direction | null {
  if (value === null || previous === null) return null;
  if (rule.polarity === 'band') {
    const now = shortfall(rule, value);
    const before = shortfall(rule, previous);
    if (now === null || before === null || now === before) return 'unchanged';
    return now < before ? 'improving' : 'worsening';
  }
  if (value === previous) return 'unchanged';
  return value > previous === (rule.polarity === 'higher') ? 'improving' : 'worsening';
}

/** The day a quarter's values are due: ten working days (England and Wales) after the quarter ends, by default. */
export function valuesDueDate(quarter: Pick<Quarter, 'end'>, workingDays = 10): string {
  let day = quarter.end;
  for (let counted = 0; counted < workingDays;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted++;
  }
  return day;
}

/** The last quarter to have ended by `today`: the one whose values are being chased. */
export const lastEndedQuarter = (today: string): Quarter => previousQuarter(quarterOf(today));

/** Where a measure's next value stands: the quarter just ended, due by its deadline or overdue after it; else the quarter under way. */
export type ValueDueStatus = 'due' | 'overdue' | 'upcoming' | 'entered';
export interface ValueDue {
  period: string;
  dueDate: string;
  status: ValueDueStatus;
}

/**
 * The value a measure's owner is to enter next, as of `today` (London): the last quarter to end,
 * until its value is entered ('due' up to its deadline, 'overdue' after it); then the quarter under
 * way ('upcoming', or 'entered' if it already has one). `entered` holds the quarters with a value
 * (quarterly, or any month of them). Older quarters left empty are not chased.
 */
export function nextValueDue(today: string, entered: ReadonlySet<string>): ValueDue {
  const current = quarterOf(today);
  const ended = lastEndedQuarter(today);
  if (!entered.has(ended.label)) {
    const dueDate = valuesDueDate(ended);
    return { period: ended.label, dueDate, status: today > dueDate ? 'overdue' : 'due' };
  }
  return { period: current.label, dueDate: valuesDueDate(current), status: entered.has(current.label) ? 'entered' : 'upcoming' };
}

/** Whether a review may be built for the quarter: it must have begun by today (London). */
export function assertQuarterBegun(quarter: Quarter, today: string): void {
  if (quarter.start > today) throw new DomainError('invalid_quarter', `${quarter.label} has not begun yet (it starts on ${quarter.start}).`);
}

/** The instants a quarter runs between in the UK time zone: from its first midnight in London to the next quarter's. */
export function quarterInstants(quarter: Pick<Quarter, 'start' | 'end'>): { from: string; to: string } {
  return { from: londonMidnight(quarter.start), to: londonMidnight(addDays(quarter.end, 1)) };
}

// Luxon's time-zone conversion took a third of a millisecond a call: 5 % of a draft review page's CPU.
const midnights = new Map<string, string>();
function londonMidnight(date: string): string {
  let instant = midnights.get(date);
  if (instant === undefined) {
    instant = DateTime.fromISO(date, { zone: 'Europe/London' }).toUTC().toISO({ suppressMilliseconds: false })!;
    if (midnights.size >= 1000) midnights.clear();
    midnights.set(date, instant);
  }
  return instant;
}
