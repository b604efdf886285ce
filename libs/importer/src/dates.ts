/** Dates as reports write them: "24 February 2012", "9 - 20 January 2012", "24th November 2014". */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** A month's name or abbreviation, as one capture group. */
export const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
/** Extractors leave junk between a day and its month where a superscript "th" was. */
const JUNK = '[^\\w\\n]{0,6}?';

const DATE = new RegExp(`\\b${DAY}${JUNK}\\s*(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i');
const NUMERIC_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;
const RANGE = new RegExp(
  `\\b${DAY}(?:\\s+${MONTH})?(?:\\s+(\\d{4}))?\\s*(?:-|\\u2013|\\u2014|to|and|until)\\s*${DAY}${JUNK}\\s*${MONTH},?\\s+(\\d{4})\\b`,
  'i',
);
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'gi');

export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** The first date written in the text, as YYYY-MM-DD. */
export function findDate(text: string): string | null {
  const match = DATE.exec(text);
  if (match) return isoDate(Number(match[3]), monthNumber(match[2]), Number(match[1]));
  const numeric = NUMERIC_DATE.exec(text);
  return numeric ? isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1])) : null;
}

/** A line that is nothing but a date, as at the head of a letter. */
export function dateLine(text: string): string | null {
  const match = new RegExp(`^${DATE.source}\\s*$`, 'i').exec(text.trim());
  return match ? isoDate(Number(match[3]), monthNumber(match[2]), Number(match[1])) : null;
}

/** "9 - 20 January 2012", "28 February to 11 March 2013", or a single date. */
export function findDateRange(text: string): { start: string | null; end: string | null } {
  const range = RANGE.exec(text);
  if (range) {
    const endYear = Number(range[6]);
    const endMonth = monthNumber(range[5]);
    const end = isoDate(endYear, endMonth, Number(range[4]));
    const startMonth = range[2] ? monthNumber(range[2]) : endMonth;
    const startYear = range[3] ? Number(range[3]) : startMonth > endMonth ? endYear - 1 : endYear;
    return { start: isoDate(startYear, startMonth, Number(range[1])), end };
  }
  const single = findDate(text);
  return { start: single, end: single };
}

/** Every "March 2013" in the text, written with the month in full. */
export function monthYears(text: string): string[] {
  return [...text.matchAll(MONTH_YEAR)].map((match) => `${fullMonth(match[1])} ${match[2]}`);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function fullMonth(name: string): string {
  return MONTH_NAMES[monthNumber(name) - 1];
}
