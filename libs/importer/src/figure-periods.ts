import { previousQuarter, quarterOf } from '@app/domain';
import { isoDate, MONTH, monthNumber } from './dates';

const QUARTER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

interface Found {
  at: number;
  period: string;
}

/** Every period written in the text, where it is: quarters, dates, months, financial years. */
function periodsIn(text: string, paperDate: string | null): Found[] {
  const found: Found[] = [];
  const taken: [number, number][] = [];
  const add = (regex: RegExp, label: (m: RegExpMatchArray) => string | null) => {
    for (const match of text.matchAll(regex)) {
      const at = match.index!;
      if (taken.some(([a, b]) => at < b && at + match[0].length > a)) continue;
      const period = label(match);
      if (!period) continue;
      found.push({ at, period });
      taken.push([at, at + match[0].length]);
    }
  };
  const fy = (start: string, end: string) => (Number(end) === (Number(start) + 1) % 100 ? `${start}/${end}` : null);
  add(/\b(\d{4})[/-](\d{2})\s*(?:Q|quarter\s*)([1-4])\b/gi, (m) => (fy(m[1], m[2]) ? `${fy(m[1], m[2])} Q${m[3]}` : null));
  add(/\b(?:Q|quarter\s+)([1-4]|one|two|three|four)\s*(?:of\s+)?(\d{4})[/-](\d{2})\b/gi, (m) =>
    fy(m[2], m[3]) ? `${fy(m[2], m[3])} Q${QUARTER_WORDS[m[1].toLowerCase()]}` : null,
  );
  add(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'gi'), (m) =>
    dated(isoDate(Number(m[3]), monthNumber(m[2]), Number(m[1]))),
  );
  add(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (m) => dated(isoDate(Number(m[3]), Number(m[2]), Number(m[1]))));
  add(new RegExp(`\\b${MONTH}[\\s-]+(\\d{4}|\\d{2})\\b`, 'gi'), (m) => {
    const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    return dated(isoDate(year, monthNumber(m[1]), 1));
  });
  add(/\b(\d{4})[/-](\d{2})\b/g, (m) => fy(m[1], m[2]));
  add(/\b(first|second|third|fourth)\s+quarter\b/gi, (m) => (paperDate ? latestQuarter(ORDINALS.indexOf(m[1].toLowerCase()) + 1, paperDate) : null));
  add(/\b(?:in|during)\s+((?:19|20)\d{2})\b(?![/-]\d)/gi, (m) => m[1]);
  return found;
}

const ORDINALS = ['first', 'second', 'third', 'fourth'];

/** "The fourth quarter" in a paper: the last such quarter to have ended by the paper's date. */
function latestQuarter(q: number, paperDate: string): string {
  let quarter = quarterOf(paperDate);
  for (let i = 0; i < 5 && (quarter.q !== q || quarter.end > paperDate); i++) quarter = previousQuarter(quarter);
  return quarter.label;
}

function dated(date: string | null): string | null {
  return date ? quarterOf(date).label : null;
}

/**
 * The period of the figure at `position` in a sentence: the nearest period written there, as a
 * quarter when it is a date or a month. A figure given as current, or with no period written, is
 * the paper's own (its date's quarter); null when the paper has no date either.
 */
export function figurePeriod(sentence: string, position: number, paperDate: string | null): string | null {
  const atPaperDate = paperDate ? quarterOf(paperDate).label : null;
  if (/\b(?:current(?:ly)?|now)\b[^.\d]{0,12}$/i.test(sentence.slice(0, position)) && atPaperDate) return atPaperDate;
  const periods = periodsIn(sentence, paperDate);
  if (!periods.length) return atPaperDate;
  return periods.reduce((best, p) => (Math.abs(p.at - position) < Math.abs(best.at - position) ? p : best)).period;
}

/** A table header cell that names a period ("Q1 2014/15", "Mar-15", "2013/14", "Latest"), or null. */
export function periodCell(cell: string, paperDate: string | null): string | null {
  const text = cell.trim();
  if (/^(?:latest|current|now|this\s+quarter|actual)$/i.test(text)) return paperDate ? quarterOf(paperDate).label : text.toLowerCase();
  if (/^Q[1-4]$/i.test(text)) return text.toUpperCase();
  const periods = periodsIn(text, paperDate);
  return periods.length === 1 && periods[0].at <= 1 ? periods[0].period : null;
}
