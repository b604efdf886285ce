import { hasGrade, headingKey, isStructuralHeading } from './headings';

/** One line of the source, numbered as the user sees it in the file (1-based). */
export interface SourceLine {
  no: number;
  /** The line with form feeds removed. */
  text: string;
  trimmed: string;
  indent: number;
  blank: boolean;
  /** A form feed started a new page on this line. */
  pageBreak: boolean;
  /** A page number, or a running header or footer: not part of the document's text. */
  furniture: boolean;
}

const PAGE_NUMBER = /^(?:[-\u2013\u2014]+\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-\u2013\u2014]+)?$/i;
const EDGE_LINES = 2;
/** How far from a page break a running line can be, blank lines included. */
const EDGE_SCAN = 8;

export function splitLines(text: string): SourceLine[] {
  return text.split(/\r\n|\n|\r/).map((raw, index) => {
    const pageBreak = raw.includes('\f');
    const line = pageBreak ? raw.replace(/\f/g, '') : raw;
    const trimmed = line.trim();
    return {
      no: index + 1,
      text: line,
      trimmed,
      indent: line.length - line.trimStart().length,
      blank: trimmed.length === 0,
      pageBreak,
      furniture: false,
    };
  });
}

export function isPageNumber(trimmed: string): boolean {
  return PAGE_NUMBER.test(trimmed);
}

/**
 * Marks page numbers and running headers and footers. A running line is one that recurs, digits
 * aside, at the top or bottom edge of several pages; a heading that happens to open two pages is
 * kept because it is rare at the edge of most pages.
 */
export function markPageFurniture(lines: SourceLine[]): void {
  const numbered = numberedRunningLines(lines);
  // Where form feeds mark the pages, a numbered footer is no extra page edge.
  const pageBreaks = lines.some((line) => line.pageBreak);
  const boundaries: number[] = [];
  lines.forEach((line, index) => {
    if (line.pageBreak) boundaries.push(index);
    if (line.blank) return;
    if (isPageNumber(line.trimmed) || (numbered.has(index) && !pageBreaks)) boundaries.push(index);
    if (isPageNumber(line.trimmed) || numbered.has(index)) line.furniture = true;
  });
  if (boundaries.length < 2) return;
  const nearEdges = linesNearBoundaries(lines, boundaries);
  const counts = new Map<string, number>();
  for (const index of nearEdges) {
    const key = runningKey(lines[index].trimmed);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Odd and even pages may carry different running lines, so each is on about half the pages.
  const needed = Math.max(2, Math.ceil((boundaries.length + 1) * 0.4));
  for (const index of nearEdges) {
    const line = lines[index];
    if ((counts.get(runningKey(line.trimmed)) ?? 0) >= needed && mayBeRunning(line.trimmed)) line.furniture = true;
  }
}

/**
 * The lines at the bottom and top edges around each page break, and at the end of the last
 * page. Not the top of the first: that is the cover, whose title a running footer often repeats.
 */
function linesNearBoundaries(lines: SourceLine[], boundaries: number[]): Set<number> {
  const near = new Set<number>();
  collect(lines, lines.length, -1, near);
  for (const boundary of boundaries) {
    collect(lines, boundary, -1, near);
    collect(lines, lines[boundary].pageBreak && !lines[boundary].furniture ? boundary - 1 : boundary, 1, near);
  }
  return near;
}

function collect(lines: SourceLine[], from: number, step: 1 | -1, into: Set<number>): void {
  let found = 0;
  const stop = from + step * EDGE_SCAN;
  for (let index = from + step; index >= 0 && index < lines.length && index !== stop && found < EDGE_LINES; index += step) {
    const line = lines[index];
    if (line.furniture || (line.pageBreak && index !== from + step)) break;
    if (line.blank) continue;
    into.add(index);
    found += 1;
  }
}

const ENDS_IN_PAGE_NUMBER = /\s(?:page\s+)?(\d{1,4})$/i;
const MIN_NUMBERED_RUNS = 3;

/**
 * A footer or header that carries the page number ("Westmarsh inspection report 23 May 2017  4"),
 * recurring with the number going up: the page edges of a text whose form feeds were lost.
 */
function numberedRunningLines(lines: SourceLine[]): Set<number> {
  const runs = new Map<string, number[]>();
  lines.forEach((line, index) => {
    if (line.blank || line.trimmed.length > 160 || !ENDS_IN_PAGE_NUMBER.test(line.trimmed)) return;
    const key = runningKey(line.trimmed);
    const run = runs.get(key);
    if (run) run.push(index);
    else runs.set(key, [index]);
  });
  const found = new Set<number>();
  for (const indexes of runs.values()) {
    if (indexes.length < MIN_NUMBERED_RUNS || !mayBeRunning(lines[indexes[0]].trimmed)) continue;
    const numbers = indexes.map((index) => Number(ENDS_IN_PAGE_NUMBER.exec(lines[index].trimmed)?.[1]));
    if (numbers.every((number, at) => at === 0 || number > numbers[at - 1])) indexes.forEach((index) => found.add(index));
  }
  return found;
}

function runningKey(trimmed: string): string {
  return trimmed.replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
}

function mayBeRunning(trimmed: string): boolean {
  return trimmed.length <= 160 && !hasGrade(trimmed) && !isStructuralHeading(headingKey(trimmed));
}
