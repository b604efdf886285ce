import { isTableRow } from './table-figures';

/** One sentence of a paper's prose, with the 1-based line it starts on. */
export interface Sentence {
  text: string;
  line: number;
}

/** Runs of prose lines (a wrapped paragraph is one), numbered from their first line. */
export function paragraphs(lines: string[]): Sentence[][] {
  const result: Sentence[][] = [];
  let text = '';
  let offsets: { at: number; line: number }[] = [];
  const flush = () => {
    if (text.trim()) result.push(sentences(text, offsets));
    text = '';
    offsets = [];
  };
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line || isTableRow(raw)) return flush();
    // A numbered or bulleted paragraph starts afresh.
    if (/^(?:[-•▪◼*]\s+|\d+(?:\.\d+)+\s+|\(?[a-z]\)\s+)/i.test(line) && text) flush();
    offsets.push({ at: text.length, line: index + 1 });
    text += `${line.replace(/^(?:[-•▪◼*]\s+)?(?:\d+(?:\.\d+)+\s+)?/, '')} `;
  });
  flush();
  return result;
}

function sentences(text: string, offsets: { at: number; line: number }[]): Sentence[] {
  const result: Sentence[] = [];
  const boundary = /(?<=[.!?])\s+(?=["'\u201c(]?[A-Z])|;\s+|\s+(?=\(?[a-h]\)\s)/g;
  let start = 0;
  const push = (end: number) => {
    const piece = text.slice(start, end).trim();
    if (piece) result.push({ text: piece, line: [...offsets].reverse().find((o) => o.at <= start)?.line ?? offsets[0].line });
  };
  for (const match of text.matchAll(boundary)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return result;
}
