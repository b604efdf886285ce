import { Block } from './document-blocks';
import { hasGrade } from './headings';
import { ReportDocument } from './report-document';

const GRADE_ONLY = /^\**\s*grade\s*([1-4])\s*(?:\(\s*([a-z ]+?)\s*\))?\s*\**$/i;
const GRADE_AT_END = /^(.*?)[\s*]*grade\s*([1-4])\s*(?:\(\s*([a-z ]+?)\s*\))?\s*\**$/i;

export interface GradedHeading {
  area: string;
  grade: number;
  label: string | null;
  block: number;
}

/**
 * A heading with its grade, in the 2009-2013 layout: "Overall effectiveness" then "Grade 3
 * (adequate)", or both on one line.
 */
export function gradedHeadingAt(blocks: Block[], index: number): GradedHeading | null {
  const block = blocks[index];
  if (block.type === 'item') return null;
  const alone = GRADE_ONLY.exec(block.text);
  if (alone) {
    const previous = blocks[index - 1];
    if (!previous || previous.type !== 'heading' || hasGrade(previous.text)) return null;
    return { area: tidyArea(previous.text), grade: Number(alone[1]), label: alone[2] ?? null, block: index - 1 };
  }
  const atEnd = GRADE_AT_END.exec(block.text);
  if (!atEnd || atEnd[1].trim().length === 0) return null;
  return { area: tidyArea(atEnd[1]), grade: Number(atEnd[2]), label: atEnd[3] ?? null, block: index };
}

/**
 * The report part a block belongs to, such as "Safeguarding services": the nearest heading
 * before it that is followed straight away by a graded sub-heading and that sub-heading's text.
 * (A heading over a summary table of grades is followed by grade after grade instead.)
 */
export function partBefore(doc: ReportDocument, index: number): string | null {
  const at = partIndexBefore(doc.blocks, index);
  return at >= 0 ? partName(doc.blocks[at]) : null;
}

export function partIndexBefore(blocks: Block[], index: number): number {
  for (let at = index - 1; at >= 0; at -= 1) if (isPartHeading(blocks, at)) return at;
  return -1;
}

export function partName(block: Block): string {
  return tidyArea(block.text);
}

function isPartHeading(blocks: Block[], index: number): boolean {
  const block = blocks[index];
  const next = blocks[index + 1];
  if (block.type !== 'heading' || hasGrade(block.text) || !next || next.type !== 'heading') return false;
  if (hasGrade(next.text)) return !GRADE_ONLY.test(next.text) && isUngraded(blocks[index + 2]);
  const after = blocks[index + 2];
  return !!after && GRADE_ONLY.test(after.text) && isUngraded(blocks[index + 3]);
}

function isUngraded(block: Block | undefined): boolean {
  return !!block && !hasGrade(block.text);
}

function tidyArea(text: string): string {
  return text
    .replace(/\*+/g, '')
    .replace(/[\s:.,;-]+$/, '')
    .trim();
}
