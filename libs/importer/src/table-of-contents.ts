import { looksLikeHeading } from './headings';
import { SourceLine } from './page-cleaner';
import { headingKey } from './text';

/**
 * A report's contents page: "Contents", then one line per section ending in its page number
 * ("Recommendations\t5", "Executive summary ..... 3"). Its headings are the report's sections,
 * never a sub-heading inside a list; its lines are not the sections themselves.
 */
export interface TableOfContents {
  /** headingKey of each entry, page number removed. */
  entries: Set<string>;
  /** Indexes of its first and last source lines. */
  first: number;
  last: number;
}

const ENTRY = /^(.*?\S)(?:\s*\.{2,}\s*|\s*\t\s*|\s+)(\d{1,3})$/;
/** An entry's title may wrap onto a second line before its page number. */
const MAX_WRAPPED = 1;

export function readContents(lines: SourceLine[]): TableOfContents | null {
  const start = lines.findIndex((line) => !line.blank && headingKey(line.trimmed) === 'contents');
  if (start < 0) return null;
  const entries = new Set<string>();
  let pending: string[] = [];
  let last = start;
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index];
    if (line.blank || line.furniture) continue;
    const entry = ENTRY.exec(line.trimmed);
    if (entry) {
      entries.add(headingKey([...pending, entry[1]].join(' ')));
      pending = [];
      last = index;
      continue;
    }
    if (pending.length >= MAX_WRAPPED || !looksLikeHeading(line.trimmed)) break;
    pending.push(line.trimmed);
  }
  return entries.size > 0 ? { entries, first: start, last } : null;
}

export function inContents(contents: TableOfContents | null, lineIndex: number): boolean {
  return !!contents && lineIndex >= contents.first && lineIndex <= contents.last;
}
