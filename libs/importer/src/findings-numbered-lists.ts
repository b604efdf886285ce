import { Block } from './document-blocks';
import { hasGrade, isStructuralHeading } from './headings';
import { ParsedFinding } from './parsed-report';
import { ownerOrNull, partnerInline } from './partners';
import { ReportDocument } from './report-document';
import { Timescale } from './timescale';

/**
 * The single inspection framework's lists (2013-2018): under "What does the local authority
 * need to improve?", a numbered "Priority and immediate action" list and a numbered "Areas for
 * improvement" list, each possibly under theme sub-headings; later reports have one numbered
 * "Recommendations" list instead. The review of the Local Safeguarding Children Board has lists
 * of its own ("What does the LSCB need to improve?", or "Recommendations" in the review).
 *
 * The board's findings are the board's to act on, not the council's: they get the board as
 * ownerOrg, and their section starts with "LSCB: " so that the two lists stay apart in a plan.
 */

const OWNER_HEADING = /^what does (?:the )?(.{2,80}?) need to improve\??$/;
const BOARD_REVIEW = /^review of the effectiveness of the (?:local )?safeguarding children(?:'s)? board/;
const BOARD_WORDS = /\blscb\b|safeguarding children(?:'s)? board|safeguarding (?:children )?partnership/;
const LIST_HEADING = /^(?:priority and immediate action|areas for (?:priority action|improvement)|recommendations)$/;
const IMMEDIATE_LIST = /^(?:priority and immediate action|areas for priority action)$/;
const MAX_THEME_WORDS = 10;

type Owner = 'authority' | 'board';

export function numberedListFindings(doc: ReportDocument, authority: string | null): ParsedFinding[] {
  const board = boardName(doc);
  const findings: ParsedFinding[] = [];
  let owner: Owner | null = null;
  doc.blocks.forEach((block, index) => {
    if (block.type === 'item') return;
    owner = ownerSetBy(block) ?? owner;
    if (owner && LIST_HEADING.test(block.key)) {
      const orgFor = (text: string) => (owner === 'board' ? board : ownerOrNull(partnerInline(text), authority));
      findings.push(...readList(doc.blocks, index, owner === 'board', orgFor));
    }
  });
  return findings;
}

function ownerSetBy(block: Block): Owner | null {
  const asked = OWNER_HEADING.exec(block.key);
  if (asked) return BOARD_WORDS.test(asked[1]) ? 'board' : 'authority';
  return block.type === 'heading' && BOARD_REVIEW.test(block.key) ? 'board' : null;
}

function readList(blocks: Block[], headingIndex: number, forBoard: boolean, orgFor: (text: string) => string | null): ParsedFinding[] {
  const list = blocks[headingIndex].text.replace(/[\s:]+$/, '');
  const timescale: Timescale = IMMEDIATE_LIST.test(blocks[headingIndex].key) ? 'immediately' : 'unspecified';
  const findings: ParsedFinding[] = [];
  let theme: string | null = null;
  let previous: number | null = null;
  let marker: Block['marker'] = null;
  for (let index = headingIndex + 1; index < blocks.length; index += 1) {
    const block = blocks[index];
    if (block.type === 'item') {
      if (block.marker === 'letter' || (marker && block.marker !== marker) || !continuesNumbering(block, previous)) break;
      marker = block.marker;
      previous = block.marker === 'number' ? Number(block.markerValue) : previous;
      const section = `${forBoard ? 'LSCB: ' : ''}${list}${theme ? `: ${theme}` : ''}`;
      findings.push({ section, timescale, text: block.text, ownerOrg: orgFor(block.text), line: block.line, lineEnd: block.lineEnd });
      continue;
    }
    if (!isTheme(blocks, index, previous, marker)) break;
    theme = block.text.replace(/[\s:]+$/, '');
  }
  return findings;
}

/** Numbers run on from the list before (1-5, then 6-9) or start again at 1. */
function continuesNumbering(block: Block, previous: number | null): boolean {
  if (block.marker !== 'number') return true;
  const value = Number(block.markerValue);
  return previous === null || value === 1 || value === previous + 1;
}

/** A short sub-heading followed by the next item in the list. */
function isTheme(blocks: Block[], index: number, previous: number | null, marker: Block['marker']): boolean {
  const block = blocks[index];
  const next = blocks[index + 1];
  if (block.type !== 'heading' || isStructuralHeading(block.key) || hasGrade(block.text)) return false;
  if (block.text.endsWith('?') || block.text.split(' ').length > MAX_THEME_WORDS) return false;
  if (!next || next.type !== 'item' || next.marker === 'letter' || (marker && next.marker !== marker)) return false;
  return continuesNumbering(next, previous);
}

/** The board's name as the report gives it, e.g. "Westmarsh Safeguarding Children Board". */
export function boardName(doc: ReportDocument): string {
  const pattern = /\b((?:[A-Z][\w'&-]{0,30}\s+){0,4})Safeguarding Children(?:'s)? Board/g;
  for (const block of doc.blocks) {
    if (!block.text.includes('Safeguarding Children')) continue;
    for (const match of block.text.matchAll(pattern)) {
      const words = match[1].trim().split(/\s+/).filter(Boolean);
      while (words.length > 0 && /^(?:The|Review|Of|Effectiveness|And)$/.test(words[0])) words.shift();
      if (words.some((word) => word !== 'Local')) return `${words.join(' ')} Safeguarding Children Board`;
    }
  }
  return 'Local Safeguarding Children Board';
}
