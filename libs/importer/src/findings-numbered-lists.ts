import { Block } from './document-blocks';
import { hasGrade, isStructuralHeading } from './headings';
import { ParsedFinding } from './parsed-report';
import { ownerOrNull, partnerInline } from './partners';
import { ReportDocument } from './report-document';
import { inContents, readContents, TableOfContents } from './table-of-contents';
import { escapeRegExp } from './text';
import { Timescale } from './timescale';

/**
 * The single inspection framework's lists (2013-2018): under "What does the local authority
 * need to improve?", a numbered "Priority and immediate action" list and a numbered "Areas for
 * improvement" list, each possibly under theme sub-headings; later reports have one numbered
 * "Recommendations" list instead. The review of the Local Safeguarding Children Board has lists
 * of its own ("What does the LSCB need to improve?", or "Recommendations" in the board's part).
 *
 * The paragraphs of the next section go on in the same numbering ("The local authority's
 * strengths", "Inspection judgement about the LSCB"): they are findings of fact, so the list ends
 * where the section changes, at any heading that is a section of the report.
 *
 * The board's findings are the board's to act on, not the council's: they get the board as
 * ownerOrg, and their section starts with "LSCB: " so that the two lists stay apart in a plan.
 */

const FOOTNOTE = '[\\d\u00B9\u00B2\u00B3*]?';
const OWNER_HEADING = new RegExp(`^what does (?:the )?(.{2,80}?) need to improve\\??${FOOTNOTE}$`);
/** The board's part of the report: its review, or "The Local Safeguarding Children Board (LSCB)". */
const BOARD_PART = new RegExp(
  `^(?:review of the effectiveness of the (?:local )?safeguarding children(?:'s)? board|the (?:[a-z'-]+ ){0,3}safeguarding children(?:'s)? board(?: \\([a-z]{3,6}\\))?|the lscb)${FOOTNOTE}$`,
);
const AUTHORITY_PART = /^the local authority$/;
const BOARD_WORDS = /\blscb\b|safeguarding children(?:'s)? board|safeguarding (?:children )?partnership/;
const LIST_HEADING = /^(?:priority and immediate action|areas for (?:priority action|improvement)|recommendations)$/;
const IMMEDIATE_LIST = /^(?:priority and immediate action|areas for priority action)$/;
/** Sections that follow a list in this framework, numbered on from it. */
const SECTION = /(?:^|\s)strengths$|^inspection judgements? (?:about|on|of)\b|^(?:executive )?summary\b|^information about\b|^the experiences and progress\b/;
const COVER_END = /^(?:inspection dates?|report published)\b/;
const MAX_THEME_WORDS = 10;

type Owner = 'authority' | 'board';

interface Reading {
  doc: ReportDocument;
  contents: TableOfContents | null;
  board: string;
  authority: string | null;
}

/**
 * In a report of this framework (one that asks what the local authority or the board needs to
 * improve, or has the board's part), lists before any heading names a part are the authority's;
 * in another document, only lists under such a heading count.
 */
export function numberedListFindings(doc: ReportDocument, authority: string | null): ParsedFinding[] {
  const reading: Reading = { doc, contents: readContents(doc.lines), board: boardName(doc, authority), authority };
  // A part named on the cover or in the contents is not where that part begins.
  const coverEnd = doc.blocks.findIndex((block) => COVER_END.test(block.key));
  const contentsEnd = reading.contents ? doc.blocks.findIndex((block) => block.first > (reading.contents?.last ?? 0)) - 1 : -1;
  const bodyStart = Math.max(coverEnd, contentsEnd);
  const findings: ParsedFinding[] = [];
  const framework = doc.blocks.some((block) => block.type !== 'item' && (OWNER_HEADING.test(block.key) || BOARD_PART.test(block.key)));
  let current: Owner | null = framework ? 'authority' : null;
  doc.blocks.forEach((block, index) => {
    if (block.type === 'item' || inContents(reading.contents, block.first)) return;
    current = (index > bodyStart ? ownerSetBy(doc.blocks, index) : null) ?? current;
    if (current && isListHeading(doc.blocks, index)) findings.push(...readList(reading, index, current === 'board'));
  });
  return findings;
}

function isListHeading(blocks: Block[], index: number): boolean {
  if (LIST_HEADING.test(blocks[index].key)) return true;
  // "What does the LSCB need to improve?" straight over its numbered list.
  const next = blocks[index + 1];
  return OWNER_HEADING.test(blocks[index].key) && !!next && next.type === 'item' && next.marker === 'number';
}

function ownerSetBy(blocks: Block[], index: number): Owner | null {
  const block = blocks[index];
  const asked = OWNER_HEADING.exec(block.key);
  if (asked) return BOARD_WORDS.test(asked[1]) ? 'board' : 'authority';
  // A heading wrapped onto a second line reads as a paragraph, so paragraphs count: the patterns match whole blocks only.
  // The cover's title names both parts: "… and care leavers" / "and" / "Review of the effectiveness …".
  if (BOARD_PART.test(block.key)) return blocks[index - 1]?.key === 'and' ? null : 'board';
  return AUTHORITY_PART.test(block.key) ? 'authority' : null;
}

function readList(reading: Reading, headingIndex: number, forBoard: boolean): ParsedFinding[] {
  const { blocks } = reading.doc;
  const heading = blocks[headingIndex];
  const list = heading.text.replace(/\?[\d\u00B9\u00B2\u00B3*]$/, '').replace(/[\s:?]+$/, '');
  const timescale: Timescale = IMMEDIATE_LIST.test(heading.key) ? 'immediately' : 'unspecified';
  const prefix = forBoard ? 'LSCB: ' : '';
  const orgFor = (text: string) => (forBoard ? reading.board : ownerOrNull(partnerInline(text), reading.authority));
  const findings: ParsedFinding[] = [];
  let theme: string | null = null;
  let previous: number | null = null;
  let marker: Block['marker'] = null;
  let subPoints = false;
  for (let index = headingIndex + 1; index < blocks.length; index += 1) {
    const block = blocks[index];
    if (block.type === 'item') {
      // Points under a numbered recommendation that ends "…:" are part of it.
      const last = findings[findings.length - 1];
      if (last && marker === 'number' && block.marker !== 'number' && (subPoints || last.text.endsWith(':'))) {
        last.text = `${last.text} ${block.text}`;
        last.lineEnd = block.lineEnd;
        subPoints = true;
        continue;
      }
      subPoints = false;
      if (block.marker === 'letter' || (marker && block.marker !== marker) || !continuesNumbering(block, previous)) break;
      marker = block.marker;
      previous = block.marker === 'number' ? Number(block.markerValue) : previous;
      const section = `${prefix}${list}${theme ? `: ${theme}` : ''}`;
      findings.push({ section, timescale, text: block.text, ownerOrg: orgFor(block.text), line: block.line, lineEnd: block.lineEnd });
      continue;
    }
    if (!isTheme(reading, index, previous, marker)) break;
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

/** A short sub-heading followed by the next item in the list, and no section of the report. */
function isTheme({ doc, contents }: Reading, index: number, previous: number | null, marker: Block['marker']): boolean {
  const block = doc.blocks[index];
  const next = doc.blocks[index + 1];
  if (block.type !== 'heading' || isStructuralHeading(block.key) || hasGrade(block.text)) return false;
  if (isSection(block.key, contents)) return false;
  if (block.text.endsWith('?') || block.text.split(' ').length > MAX_THEME_WORDS) return false;
  if (!next || next.type !== 'item' || next.marker === 'letter' || (marker && next.marker !== marker)) return false;
  return continuesNumbering(next, previous);
}

function isSection(key: string, contents: TableOfContents | null): boolean {
  return SECTION.test(key) || BOARD_PART.test(key) || AUTHORITY_PART.test(key) || !!contents?.entries.has(key);
}

const BOARD_NAME = /\b((?:[A-Z][\w'&-]{0,30}\s+){0,4})Safeguarding Children(?:'s)? Board/g;
const NOT_A_NAME = /^(?:The|Review|Of|Effectiveness|And|In|At|By|For|From|With|Since|When|While|Although|However|Local)$/;

/**
 * The board's name as the report gives it, e.g. "Westmarsh Safeguarding Children Board": the
 * name that starts with the authority's, else the one the report uses most.
 */
export function boardName(doc: ReportDocument, authority: string | null = null): string {
  const counts = new Map<string, number>();
  for (const block of doc.blocks) {
    if (!block.text.includes('Safeguarding Children')) continue;
    for (const match of block.text.matchAll(BOARD_NAME)) {
      const words = match[1].trim().split(/\s+/).filter(Boolean);
      while (words.length > 0 && NOT_A_NAME.test(words[0]) && !(words[0] === 'Local' && words.length > 1)) words.shift();
      if (words.length === 0) continue;
      const name = `${words.join(' ')} Safeguarding Children Board`;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const names = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const place = authority?.replace(/\s+(?:borough |county |city )?council$/i, '');
  const own = place ? names.find((name) => new RegExp(`^${escapeRegExp(place)}\\b`, 'i').test(name)) : undefined;
  return own ?? names[0] ?? 'Local Safeguarding Children Board';
}
