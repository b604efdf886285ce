import { ColumnMapping, GridRow, TrackerField } from './tracker-types';
import { hasValue } from './tracker-grid';

/**
 * How councils head each column, tried in this order (so "RAG status" is the RAG, "Action owner"
 * the owner, "Action no." the reference). Headers are compared lower-cased with punctuation folded.
 */
const HEADER_WORDS: [TrackerField, RegExp][] = [
  ['rag', /\b(b ?)?rag\b|^brag|^red amber green/],
  [
    'ref',
    /^(ref|reference|no|number|item|id|#)( ?no| number)?$|\b(ref|reference|no|number)$|^(rec|recommendation|action|aifi|afi|item|priority) (no|ref|number|reference)\b/,
  ],
  ['owner', /\bby$|\b(lead|owner|officer|responsible|responsibility|accountable|who|by whom|lead person|manager)\b/],
  ['dueDate', /\b(target|due|deadline|completion|by when|end) ?(date)?\b|^date$|^when$|^target$/],
  ['timescale', /\b(timescale|time scale|timeframe|time frame|timing|timescales)\b/],
  ['status', /\bstatus\b|^(complete|completed)\??$/],
  ['update', /\b(progress|update|updates|commentary|comments?|position|narrative|evidence)\b/],
  ['action', /\baction|\b(what we will do|what will we do|planned|task|tasks|activity|activities|how|measures? to be taken|steps)\b/],
  [
    'recommendation',
    /\b(recommendation|recommendations|area|areas|finding|findings|issue|issues|improvement|improve|priority|priorities|requirement|objective|outcome)\b/,
  ],
];

export const normaliseHeader = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();

/** The field a header names, or null. */
export function fieldOfHeader(text: string): TrackerField | null {
  const header = normaliseHeader(text);
  if (!header || header.length > 80) return null;
  return HEADER_WORDS.find(([, pattern]) => pattern.test(header))?.[0] ?? null;
}

/** Each field's column in a header row; a field named twice keeps its first column. */
export function mappingOf(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const field = fieldOfHeader(header);
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}

/** A header row names what is tracked (a recommendation or an action) and at least one other column. */
export function isHeaderMapping(mapping: ColumnMapping): boolean {
  const fields = Object.keys(mapping);
  return (mapping.recommendation !== undefined || mapping.action !== undefined) && fields.length >= 2;
}

/** The first of the opening rows that reads as a header, with its cells as text. */
export function findHeader(rows: GridRow[], lookAhead = 25): { index: number; headers: string[]; mapping: ColumnMapping } | null {
  for (const [index, row] of rows.slice(0, lookAhead).entries()) {
    const headers = row.cells.map((cell) => (hasValue(cell) && !cell.mergedCopy ? String(cell.value).trim() : ''));
    if (headers.filter(Boolean).length < 2) continue;
    const mapping = mappingOf(headers);
    if (isHeaderMapping(mapping)) return { index, headers, mapping };
  }
  return null;
}

/** The spreadsheet's letter for a 0-based column: 0 is A, 26 is AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
