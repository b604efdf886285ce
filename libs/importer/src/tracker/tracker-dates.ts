import { isoDate, monthNumber } from '../dates';

export interface DateReading {
  date: string | null;
  problem?: string | null;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const NUMERIC = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const WRITTEN = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]+${MONTH}[\\s,-]+(\\d{4}|\\d{2})\\b`, 'i');
const MONTH_YEAR = new RegExp(`^(?:(?:by|end(?: of)?|during|in)\\s+)*${MONTH}[\\s,/-]+(\\d{4}|\\d{2})$`, 'i');
// Words councils put where a date would go: not a date, but not a mistake either.
const NO_DATE = /^(ongoing|on-going|tbc|tba|tbd|n\/?a|none|various|continuous|monthly|quarterly|annually|as required|complete[d]?|-+|\?)$/i;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * What becomes of a row whose date cannot be read: it is due as an undated action is (its timescale,
 * or the plan's default horizon), never left with no due date.
 */
const KEPT_UNDATED =
  "The row is kept, due by its timescale if it has one, or else at the plan's default horizon (12 months from its start unless the plan sets another); change it after the import.";

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checked(year: number, month: number, day: number, written: string): DateReading {
  if (month < 1 || month > 12) return { date: null, problem: `"${written}" is not a date: write dates day first, as 31/03/2015 or 31 March 2015.` };
  const date = isoDate(year, month, day);
  if (date) return { date };
  return {
    date: null,
    problem: `"${written}" is not a date: ${MONTH_NAMES[month - 1]} ${year} has ${lastDay(year, month)} days. ${KEPT_UNDATED}`,
  };
}

/** An Excel date serial (days since 30 December 1899) in the range of plausible due dates. */
function fromSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 25000 || serial > 80000) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000);
  return date.toISOString().slice(0, 10);
}

/**
 * A due date as councils write it: an Excel date cell, 31/03/2015, 31.3.15, 31-03-2015, 2015-03-31,
 * "31 March 2015", "31st Mar 15", or a month alone ("March 2015", "Mar-15": its last day).
 * A date that does not exist (31/02/2015) or text that is no date is a problem; "Ongoing" or "TBC"
 * is simply no date.
 */
export function readDueDate(value: string | number | boolean | Date | null): DateReading {
  if (value === null || value === '') return { date: null, problem: null };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { date: null, problem: 'The date cell holds no valid date.' };
    return { date: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'number') {
    const date = fromSerial(value);
    return date ? { date } : { date: null, problem: `${value} is not a date: enter the due date as 31/03/2015.` };
  }
  const text = String(value).replace(/\s+/g, ' ').trim();
  if (!text || NO_DATE.test(text)) return { date: null, problem: null };
  let m = ISO.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), m[0]);
  m = NUMERIC.exec(text);
  if (m) return checked(fullYear(m[3]), Number(m[2]), Number(m[1]), m[0]);
  m = WRITTEN.exec(text);
  if (m) return checked(fullYear(m[3]), monthNumber(m[2]), Number(m[1]), m[0]);
  m = MONTH_YEAR.exec(text);
  if (m) {
    const [year, month] = [fullYear(m[2]), monthNumber(m[1])];
    return { date: isoDate(year, month, lastDay(year, month))! };
  }
  if (/^\d+(\.\d+)?$/.test(text)) {
    const date = fromSerial(Number(text));
    if (date) return { date };
  }
  return { date: null, problem: `"${text}" is not a date (write it as 31/03/2015). ${KEPT_UNDATED}` };
}
