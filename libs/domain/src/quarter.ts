import { dayNumber } from './calendar-date';
import { DomainError } from './domain-error';

export type QuarterNumber = 1 | 2 | 3 | 4;

/** A quarter of the UK local-government financial year (April to March). */
export interface Quarter {
  /** The calendar year the financial year starts in: 2014 for 2014/15. */
  year: number;
  q: QuarterNumber;
  /** As written in reviews: '2014/15 Q3'. */
  label: string;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
}

const LABEL = /^(\d{4})\/(\d{2})\s*Q([1-4])$/i;

/** Each quarter's first and last day in its calendar year (MM-DD), Q1 to Q4. */
const QUARTER_DAYS = [
  ['04-01', '06-30'],
  ['07-01', '09-30'],
  ['10-01', '12-31'],
  ['01-01', '03-31'],
] as const;

function makeQuarter(year: number, q: QuarterNumber): Quarter {
  if (!Number.isSafeInteger(year) || year < 1 || year > 9998) {
    throw new DomainError('invalid_quarter', `The financial year must start in a year from 0001 to 9998, not ${String(year)}.`);
  }
  if (![1, 2, 3, 4].includes(q)) {
    throw new DomainError('invalid_quarter', `A quarter is numbered 1 to 4, not ${String(q)}.`);
  }
  // Plain arithmetic, no date library: every quarter's first and last days are the same each year
  // (Q4 falls in January to March of the next calendar year), and a review pack works out dozens.
  const [first, last] = QUARTER_DAYS[q - 1];
  const calendarYear = String(q === 4 ? year + 1 : year).padStart(4, '0');
  const label = `${String(year).padStart(4, '0')}/${String((year + 1) % 100).padStart(2, '0')} Q${q}`;
  return { year, q, label, start: `${calendarYear}-${first}`, end: `${calendarYear}-${last}` };
}

export function quarterOf(date: string): Quarter {
  dayNumber(date); // refuses anything but a real YYYY-MM-DD date
  const calendarYear = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const monthsIntoYear = (month + 8) % 12; // April = 0 … March = 11
  const year = month >= 4 ? calendarYear : calendarYear - 1;
  return makeQuarter(year, (Math.floor(monthsIntoYear / 3) + 1) as QuarterNumber);
}

/** Reads a quarter written as in reviews, e.g. '2014/15 Q3'. */
export function parseQuarter(label: string): Quarter {
  const match = typeof label === 'string' ? LABEL.exec(label.trim()) : null;
  const year = match ? Number(match[1]) : NaN;
  if (!match || Number(match[2]) !== (year + 1) % 100) {
    throw new DomainError('invalid_quarter', `"${String(label)}" is not a quarter: write the financial year and quarter, for example 2014/15 Q3.`);
  }
  return makeQuarter(year, Number(match[3]) as QuarterNumber);
}

export function previousQuarter(quarter: Pick<Quarter, 'year' | 'q'>): Quarter {
  return quarter.q === 1 ? makeQuarter(quarter.year - 1, 4) : makeQuarter(quarter.year, (quarter.q - 1) as QuarterNumber);
}
