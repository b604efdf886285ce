import { Block } from './document-blocks';
import { monthYears } from './dates';
import { inspectoratesIn } from './inspectorates';
import { ParsedFinding } from './parsed-report';
import { lineEndOf, lineOf, ReportDocument } from './report-document';

/**
 * A council's own paper lists the inspectors' key areas as "(a) … (b) …", inside the paragraph
 * that introduces them or as items after it. The introduction has to say what they are
 * ("… the following key areas … as areas for improvement;"), which keeps other lettered lists,
 * such as performance headlines, out.
 */

const INTRO = /\b(?:areas? (?:for|of) (?:improvement|development)|key areas|recommendations|improvement areas)\b[^.;:]*[;:]\s*$/i;
const LIST_START = /[;:]\s*\(?a\)\s+/;
const INTRO_LENGTH = 300;

export function letteredListFindings(doc: ReportDocument, inspectorates: string[]): ParsedFinding[] {
  const findings: ParsedFinding[] = [];
  doc.blocks.forEach((block, index) => {
    const start = listStart(block);
    if (start < 0) return;
    const intro = lastSentence(block.text.slice(0, start));
    const section = sectionName(doc, intro, inspectorates);
    const inline = splitLettered(block.text.slice(start).replace(/^[;:]\s*/, ''));
    const items = inline.length > 0 ? inline.map((text) => ({ text, block })) : followingItems(doc.blocks, index);
    for (const item of items) {
      findings.push({
        section,
        timescale: 'unspecified',
        text: item.text,
        ownerOrg: null,
        line: lineOf(doc, item.block, item.text),
        lineEnd: lineEndOf(doc, item.block, item.text),
      });
    }
  });
  return findings;
}

/** Offset of the ";" or ":" that ends the introduction, or -1 when the block introduces no list. */
function listStart(block: Block): number {
  const inline = LIST_START.exec(block.text);
  if (inline && isIntro(block.text.slice(0, inline.index + 1))) return inline.index;
  return isIntro(block.text) ? block.text.length : -1;
}

/** The introduction is the clause just before the list: only the end of the text is read. */
function isIntro(text: string): boolean {
  return INTRO.test(text.slice(-INTRO_LENGTH));
}

function followingItems(blocks: Block[], index: number): Array<{ text: string; block: Block }> {
  const items: Array<{ text: string; block: Block }> = [];
  for (let at = index + 1; at < blocks.length; at += 1) {
    const block = blocks[at];
    if (block.type !== 'item' || block.marker !== 'letter' || block.markerValue !== letter(items.length)) break;
    items.push({ text: block.text, block });
  }
  return items;
}

/** "a) one. (b) two (c) three." as ["one.", "two", "three."]: letters must run in order. */
export function splitLettered(text: string): string[] {
  const starts: Array<{ at: number; body: number }> = [];
  let from = 0;
  for (let count = 0; count < 26; count += 1) {
    const pattern = new RegExp(`(?:^|\\s)\\(?${letter(count)}\\)\\s+`, 'g');
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (!match || (count === 0 && match.index > 0)) break;
    starts.push({ at: match.index, body: match.index + match[0].length });
    from = match.index + match[0].length;
  }
  return starts.map((start, index) => text.slice(start.body, starts[index + 1]?.at ?? text.length).trim()).filter(Boolean);
}

function letter(index: number): string {
  return String.fromCharCode(97 + index);
}

function lastSentence(text: string): string {
  const parts = text.split(/(?<=[.!?])\s+(?=[A-Z])/);
  return parts[parts.length - 1] ?? text;
}

/** "Areas for improvement identified by Ofsted (March 2013)", from the introduction and the paper's own account. */
function sectionName(doc: ReportDocument, intro: string, inspectorates: string[]): string {
  const base = /areas? for development/i.test(intro)
    ? 'Areas for development'
    : /areas? for improvement/i.test(intro)
      ? 'Areas for improvement'
      : /recommendations/i.test(intro)
        ? 'Recommendations'
        : 'Key areas for improvement';
  const inspectorate = inspectoratesIn(intro)[0] ?? inspectorates[0];
  if (!inspectorate) return base;
  const when = inspectionMonth(doc, inspectorate);
  return `${base} identified by ${inspectorate}${when ? ` (${when})` : ''}`;
}

/** The month of the inspection, from a line that names the inspectorate, an inspection and a month. */
function inspectionMonth(doc: ReportDocument, inspectorate: string): string | null {
  const name = new RegExp(`\\b${inspectorate}\\b`, 'i');
  for (const line of doc.lines) {
    if (!name.test(line.trimmed) || !/\binspect/i.test(line.trimmed)) continue;
    const found = monthYears(line.trimmed);
    if (found.length > 0) return found[0];
  }
  return null;
}
