import { hasGrade, headingKey, isStructuralHeading, looksLikeHeading } from './headings';
import { ListMarker, MarkerKind, readMarker } from './list-markers';
import { SourceLine } from './page-cleaner';
import { isPartnerHeading } from './partners';
import { cleanText, stripHtml } from './text';

/**
 * The document as a sequence of headings, list items and paragraphs. A list item or paragraph
 * keeps its wrapped lines, and the rest of it carried over a page break, as one block.
 */
export interface Block {
  type: 'heading' | 'item' | 'para';
  /** Whitespace folded, HTML removed, list marker removed. */
  text: string;
  /** headingKey(text), for comparing with known headings; empty for running text. */
  key: string;
  marker: MarkerKind | null;
  markerValue: string | null;
  /** 1-based source lines. */
  line: number;
  lineEnd: number;
  /** Indexes into the source lines. */
  first: number;
  last: number;
}

const DANGLING_END =
  /(?:[,\u2013\u2014/(&-]|\b(?:and|or|of|the|to|in|for|with|a|an|that|by|on|at|from|as|including|their|its|is|are|be|which|who|where|when|than|into|between|through)(?:\s*\*+)?)$/i;
const MAX_HEADER_LINES = 2;
/** Enough of a line's end to see how it ends. */
const LINE_END_LENGTH = 24;
/** Longer than any heading, partner sub-heading or graded heading: running text. */
const MAX_HEADING_LENGTH = 400;
const WIDTH_PERCENTILE = 0.9;
const LONG_LINE = 0.75;
/** A sentence's end, or a cross-reference in brackets closing an item: "… schools. (Outcome 4)". */
const TERMINAL_END = /[.;:!?]["'\u2019\u201D)*]*$|[.;:!?]\s*\((?:outcome|enabler)\s+\d{1,2}\)$|\s\((?:outcome|enabler)\s+\d{1,2}\)$/i;

export function readBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  const fullLine = LONG_LINE * wrapWidth(lines);
  let index = nextContent(lines, 0);
  while (index < lines.length) {
    const block = readBlockAt(lines, index, fullLine);
    blocks.push(block);
    index = nextContent(lines, block.last + 1);
  }
  return blocks;
}

export function isContent(line: SourceLine): boolean {
  return !line.blank && !line.furniture;
}

export function nextContent(lines: SourceLine[], from: number): number {
  let index = from;
  while (index < lines.length && !isContent(lines[index])) index += 1;
  return index;
}

/**
 * The width at which the extractor wrapped lines: most lines of running text end near it, so a
 * line that stops well short of it ended on purpose (a title, a label, a table row).
 */
function wrapWidth(lines: SourceLine[]): number {
  const lengths = lines
    .filter(isContent)
    .map((line) => line.trimmed.length)
    .sort((a, b) => a - b);
  return lengths.length > 0 ? lengths[Math.floor((lengths.length - 1) * WIDTH_PERCENTILE)] : 0;
}

function readBlockAt(lines: SourceLine[], start: number, fullLine: number): Block {
  const line = lines[start];
  const marker = readMarker(line.trimmed);
  if (!marker && isSingleLine(lines, start)) return makeBlock('heading', [line.trimmed], null, start, start, lines);
  const parts = [marker ? marker.rest : line.trimmed];
  let last = start;
  for (;;) {
    const next = continuation(lines, last, parts[parts.length - 1], line.indent, marker, fullLine);
    if (next < 0) break;
    parts.push(lines[next].trimmed);
    last = next;
  }
  return makeBlock(marker ? 'item' : 'para', parts, marker, start, last, lines);
}

/** A heading stands on its own line; a line continued by a lower-case line is a paragraph's start. */
function isSingleLine(lines: SourceLine[], index: number): boolean {
  if (!headingLike(lines[index].trimmed)) return false;
  const after = lines[index + 1];
  return !(after && isContent(after) && /^[a-z]/.test(after.trimmed));
}

/** The index of the line that continues the block ending at `last`, or -1. */
function continuation(lines: SourceLine[], last: number, lastText: string, indent: number, marker: ListMarker | null, fullLine: number): number {
  const next = nextContent(lines, last + 1);
  if (next >= lines.length) return -1;
  const line = lines[next];
  if (startsSomethingElse(line.trimmed)) return -1;
  const lowerCase = /^[a-z]/.test(line.trimmed);
  const ending = lastText.slice(-LINE_END_LENGTH);
  const dangling = DANGLING_END.test(ending);
  const terminal = TERMINAL_END.test(ending);
  if (next === last + 1) {
    if (lowerCase || dangling) return next;
    if (marker && line.indent > indent) return next;
    const wrapped = lines[last].trimmed.length >= fullLine && !lines[last].trimmed.includes('\t');
    return wrapped && !terminal && !headsParagraph(lines, next) ? next : -1;
  }
  const crossesPage = lines.slice(last + 1, next + 1).some((between) => between.furniture || between.pageBreak);
  // A list's last item ends with a full stop, so an unfinished item carries on over the page.
  if (crossesPage && !terminal && (marker || dangling || lowerCase)) {
    const resumed = pastPageHeader(lines, next);
    return startsSomethingElse(lines[resumed].trimmed) ? -1 : resumed;
  }
  if (lowerCase || dangling) return next;
  return crossesPage && !terminal && !headingLike(line.trimmed) ? next : -1;
}

/**
 * A heading-like line with a paragraph under it is a heading, even right after a full-width line
 * with no full stop (an unpunctuated last bullet). A wrapped item's own last line is followed by
 * the next item or a gap instead.
 */
function headsParagraph(lines: SourceLine[], index: number): boolean {
  if (!headingLike(lines[index].trimmed)) return false;
  const after = lines[index + 1];
  return !!after && isContent(after) && !readMarker(after.trimmed) && /^[A-Z]/.test(after.trimmed);
}

/**
 * A running header seen only once (a two-page document) is not caught as furniture: when a
 * heading-like line at the top of the page is followed by a lower-case line, the item goes on
 * from the lower-case line.
 */
function pastPageHeader(lines: SourceLine[], top: number): number {
  let at = top;
  for (let skipped = 0; skipped < MAX_HEADER_LINES; skipped += 1) {
    if (!headingLike(lines[at].trimmed)) return at;
    const after = nextContent(lines, at + 1);
    if (after >= lines.length || !/^[a-z]/.test(lines[after].trimmed)) return at;
    at = after;
  }
  return at;
}

/** Tabs are kept, so that a table row is not taken for a heading. */
function headingLike(trimmed: string): boolean {
  return looksLikeHeading(stripHtml(trimmed).trim());
}

function startsSomethingElse(trimmed: string): boolean {
  if (readMarker(trimmed)) return true;
  if (trimmed.length > MAX_HEADING_LENGTH) return false;
  const text = cleanText(trimmed);
  const key = headingKey(text);
  return isStructuralHeading(key) || hasGrade(text) || isPartnerHeading(text);
}

function makeBlock(type: Block['type'], parts: string[], marker: ListMarker | null, first: number, last: number, lines: SourceLine[]): Block {
  const text = cleanText(parts.join(' '));
  return {
    type,
    text,
    key: text.length > MAX_HEADING_LENGTH ? '' : headingKey(text),
    marker: marker?.kind ?? null,
    markerValue: marker?.value ?? null,
    line: lines[first].no,
    lineEnd: lines[last].no,
    first,
    last,
  };
}
