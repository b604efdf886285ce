import { SourceLine } from './page-cleaner';

/** How many lines at the foot of a page can hold footnotes. */
const FOOT_LINES = 6;
const NOTE_START = /^(\d{1,2})\s+\S/;

/**
 * Marks footnotes as page furniture: lines at the foot of a page, above the running footer, that
 * start with a number whose marker sits earlier on the same page glued to a word ("improve?1").
 * A note's wrapped lines and any notes after it go with it.
 */
export function markFootnotes(lines: SourceLine[]): void {
  for (const [start, end] of pages(lines)) {
    const content = range(start, end).filter((index) => !lines[index].blank && !lines[index].furniture);
    const foot = content.slice(-FOOT_LINES);
    const first = foot.find((index) => {
      const note = NOTE_START.exec(lines[index].trimmed);
      return note !== null && hasMarker(lines, content, index, note[1]);
    });
    if (first === undefined) continue;
    for (const index of content) if (index >= first) lines[index].furniture = true;
  }
}

function hasMarker(lines: SourceLine[], content: number[], before: number, number: string): boolean {
  const marker = new RegExp(`[A-Za-z?.,;:)\\u2019]${number}(?=\\s|$)`);
  return content.some((index) => index < before && marker.test(lines[index].trimmed));
}

/** [first, end) of each page, pages starting at a form feed. */
function pages(lines: SourceLine[]): Array<[number, number]> {
  const starts = [0, ...range(1, lines.length).filter((index) => lines[index].pageBreak)];
  return starts.map((start, index) => [start, starts[index + 1] ?? lines.length]);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index);
}
