import { NUMBER, toNumber, unitOf } from './figure-units';

const UNIT = String.raw`%|per\s?cent\b|per\s+(?:1,?000|10,?000|100,?000)\b|(?:working\s+)?days?\b`;
const RANGE = new RegExp(
  String.raw`\b(?:between\s+(${NUMBER})\s*(?:%|per\s?cent)?\s*(?:-|\u2013|and|to)\s*(${NUMBER})|(${NUMBER})\s*(?:-|\u2013)\s*(${NUMBER}))\s*(${UNIT})?`,
  'gi',
);
const FIGURE = new RegExp(String.raw`(?<![\w.,/£$-])(${NUMBER})(?![\d/])\s*(${UNIT})?`, 'gi');

/** Words that make a number a duration or part of a date rather than a figure. */
const NOT_A_FIGURE_AFTER =
  /^\s*(?:months?|years?|weeks?|hours?|minutes?|plus\b|st\b|nd\b|rd\b|th\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i;
const MONTH_BEFORE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$/i;
const DURATION_BEFORE = /\b(?:within|in|over|for|after|by|under|than)\s+(?:the\s+)?$/i;

/** A number in a sentence that may be a figure: its value, unit if given, where it is, and the band it opens ("between 120-130"). */
export interface Figure {
  value: number;
  unit: string | null;
  start: number;
  end: number;
  band?: { low: number; high: number };
}

/** The numbers in a sentence that may be figures, in order: not years, dates, durations or a timescale's days. */
export function figuresIn(text: string): Figure[] {
  const figures: Figure[] = [];
  const taken: [number, number][] = [];
  for (const match of text.matchAll(RANGE)) {
    const low = toNumber(match[1] ?? match[3]);
    const high = toNumber(match[2] ?? match[4]);
    const end = match.index + match[0].length;
    if (!(low < high) || isYearSpan(low, high) || NOT_A_FIGURE_AFTER.test(text.slice(end))) continue;
    figures.push({ value: low, unit: unitOf(match[5]), start: match.index, end, band: { low, high } });
    taken.push([match.index, end]);
  }
  for (const match of text.matchAll(FIGURE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some(([a, b]) => start >= a && start < b)) continue;
    const unit = unitOf(match[2]);
    const before = text.slice(0, start);
    const after = text.slice(end);
    if (NOT_A_FIGURE_AFTER.test(after) || MONTH_BEFORE.test(before) || /\bQ$|\bquarter\s*$/i.test(before)) continue;
    const value = toNumber(match[1]);
    if (!unit && value >= 1900 && value <= 2100 && Number.isInteger(value)) continue; // a year
    // "within the 45 day timescale" defines the measure; it is no value of it.
    if ((unit === 'days' || /^\s*(?:and|or|to)\s+\d+\s*(?:working\s+)?days?\b/i.test(after)) && DURATION_BEFORE.test(before)) continue;
    figures.push({ value, unit, start, end });
  }
  return figures.sort((a, b) => a.start - b.start);
}

function isYearSpan(low: number, high: number): boolean {
  return low >= 1900 && low <= 2100 && Number.isInteger(low) && Number.isInteger(high);
}
