import { timescaleHeading } from './timescale';
import { headingKey } from './text';

/** How a judgement section of the current framework opens ("The experiences and progress of …: good"). */
export const JUDGEMENT_SECTION_START = /^(?:the experiences and progress of|the impact of leaders on)\b/;

/**
 * Headings that open or close a findings list in any of the frameworks. A line is only one of
 * these when it is the whole line: "areas for improvement identified last year" in prose is not.
 */
const STRUCTURAL: RegExp[] = [
  /^(?:key )?areas for (?:improvement|development)$/,
  /^(?:key )?strengths(?: and areas for (?:improvement|development))?$/,
  /^satisfactory practice$/,
  /^priorities for (?:further )?improvement$/,
  /^recommendations$/,
  /^priority and immediate action$/,
  /^areas for priority action$/,
  /^what does .{2,80} need to improve\??$/,
  /^what needs to improve\b.*$/,
  /^(?:aspects for focus|areas for (?:further )?exploration)\b.*$/,
  /^next steps$/,
  // The current framework's judgement sections, which end its list of what needs to improve.
  new RegExp(`${JUDGEMENT_SECTION_START.source}[^.]{3,140}$`),
];

const GRADE = /\bgrade\s*[1-4]\s*(?:\(\s*[a-z ]+\s*\))?$/i;
const TERMINAL = /[.;,!]["'\u2019\u201D)]?$/;

export function isStructuralHeading(key: string): boolean {
  return timescaleHeading(key) !== null || STRUCTURAL.some((pattern) => pattern.test(key));
}

/** "Grade 3 (adequate)", alone or at the end of a heading line. */
export function hasGrade(text: string): boolean {
  return GRADE.test(text.replace(/\*+/g, '').trim());
}

/**
 * A short line that names something rather than says something: no sentence ending, not too
 * many words. Lines in tables (tabs, pipes) are never headings.
 */
export function looksLikeHeading(trimmed: string): boolean {
  if (trimmed.length === 0 || trimmed.length > 110 || /[\t|]/.test(trimmed)) return false;
  if (TERMINAL.test(trimmed)) return false;
  if (!/^[A-Z0-9\u00C0-\u00DE'"\u2018\u201C(*<]/.test(trimmed)) return false;
  return trimmed.split(/\s+/).length <= 16;
}

/** A list heading as a finding's section: no trailing colon, nor a footnote marker glued on ("What needs to improve?1"). */
export function sectionName(text: string): string {
  return text.replace(/[\s:]+$/, '').replace(/\?\d{1,2}$/, '?');
}

export { headingKey };
