import { Block, readBlocks } from './document-blocks';
import { markFootnotes } from './footnotes';
import { joinLoneMarkers } from './lone-markers';
import { isPageNumber, markPageFurniture, SourceLine, splitLines } from './page-cleaner';
import { cleanText } from './text';

/** The source split into numbered lines, page furniture marked, and read into blocks once. */
export interface ReportDocument {
  lines: SourceLine[];
  blocks: Block[];
}

const HEAD_LINES = 80;

export function readDocument(text: string): ReportDocument {
  const lines = splitLines(text);
  markPageFurniture(lines);
  markFootnotes(lines);
  joinLoneMarkers(lines);
  return { lines, blocks: readBlocks(lines) };
}

/** The source line, within a block, on which a piece of its text starts. */
export function lineOf(doc: ReportDocument, block: Block, snippet: string): number {
  const probe = cleanText(snippet).slice(0, 24);
  for (let index = block.first; index <= block.last; index += 1) {
    if (cleanText(doc.lines[index].text).includes(probe)) return doc.lines[index].no;
  }
  return block.line;
}

/** The source line, within a block, on which a piece of its text ends. */
export function lineEndOf(doc: ReportDocument, block: Block, snippet: string): number {
  const probe = cleanText(snippet).slice(-24);
  for (let index = block.last; index >= block.first; index -= 1) {
    if (cleanText(doc.lines[index].text).includes(probe)) return doc.lines[index].no;
  }
  return block.lineEnd;
}

/** The opening lines, running lines included: a cover's title is often repeated in the footer. */
export function headLines(doc: ReportDocument): SourceLine[] {
  return doc.lines
    .slice(0, HEAD_LINES * 2)
    .filter((line) => !line.blank && !isPageNumber(line.trimmed))
    .slice(0, HEAD_LINES);
}
