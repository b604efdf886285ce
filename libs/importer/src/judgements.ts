import {
  KIND_APA_LETTER,
  KIND_JOINT_AREA_REVIEW,
  KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES,
  KIND_LOOKED_AFTER_CHILDREN_2013,
  KIND_SAFEGUARDING_AND_LOOKED_AFTER,
  KIND_SINGLE_INSPECTION_FRAMEWORK,
} from './document-kind';
import {
  gradeFromWords,
  SCALE_APA_4_BEST,
  SCALE_ILACS_1_OUTSTANDING,
  SCALE_JAR_4_BEST,
  SCALE_OFSTED_1_OUTSTANDING,
  SCALE_SIF_1_OUTSTANDING,
} from './judgement-scales';
import { gradeTableJudgements } from './judgement-table';
import { SourceLine } from './page-cleaner';
import { ParsedJudgement } from './parsed-report';
import { ReportDocument } from './report-document';
import { gradedHeadingAt, partBefore, partIndexBefore, partName } from './report-parts';
import { splitCells } from './table-cells';
import { cleanText, stripHtml } from './text';

/** Judgements by the layout of the kind's framework; each carries its scale. */
export function findJudgements(doc: ReportDocument, kind: string): ParsedJudgement[] {
  switch (kind) {
    case KIND_SAFEGUARDING_AND_LOOKED_AFTER:
    case KIND_LOOKED_AFTER_CHILDREN_2013:
      return gradeHeadingJudgements(doc);
    case KIND_APA_LETTER:
      return numericTableJudgements(doc.lines, SCALE_APA_4_BEST);
    case KIND_JOINT_AREA_REVIEW:
      return numericTableJudgements(doc.lines, SCALE_JAR_4_BEST);
    case KIND_SINGLE_INSPECTION_FRAMEWORK:
      return wordJudgements(doc, SCALE_SIF_1_OUTSTANDING);
    case KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES: {
      const table = gradeTableJudgements(doc, SCALE_ILACS_1_OUTSTANDING);
      return table.length > 0 ? table : wordJudgements(doc, SCALE_ILACS_1_OUTSTANDING);
    }
    default:
      return [];
  }
}

/**
 * "Overall effectiveness" / "Grade 3 (adequate)". The same area is graded in each part of the
 * report, so a repeated area is named with its part: "Overall effectiveness (Safeguarding services)".
 */
function gradeHeadingJudgements(doc: ReportDocument): ParsedJudgement[] {
  const found = doc.blocks.map((_, index) => gradedHeadingAt(doc.blocks, index)).filter((graded): graded is NonNullable<typeof graded> => graded !== null);
  const counts = new Map<string, number>();
  for (const graded of found) counts.set(graded.area.toLowerCase(), (counts.get(graded.area.toLowerCase()) ?? 0) + 1);
  const parts = mainParts(doc);
  const judgements = found.map((graded) => {
    const part = (counts.get(graded.area.toLowerCase()) ?? 0) > 1 ? partOf(doc, parts, graded.block) : null;
    return {
      area: part && part !== graded.area ? `${graded.area} (${part})` : graded.area,
      grade: graded.grade,
      label: graded.label ? capitalise(graded.label) : null,
      scale: SCALE_OFSTED_1_OUTSTANDING,
    };
  });
  return withoutRepeats(judgements);
}

/** A summary table and the body often give the same judgement twice. */
function withoutRepeats(judgements: ParsedJudgement[]): ParsedJudgement[] {
  const seen = new Set<string>();
  return judgements.filter((judgement) => {
    const key = `${judgement.area.toLowerCase()}|${judgement.grade}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The report's main parts are those that end in their own "Areas for improvement"; a sub-part
 * such as "How good are outcomes …?" does not.
 */
function mainParts(doc: ReportDocument): number[] {
  return doc.blocks
    .map((block, index) => (block.type !== 'item' && block.key === 'areas for improvement' ? partIndexBefore(doc.blocks, index) : -1))
    .filter((index) => index >= 0);
}

function partOf(doc: ReportDocument, parts: number[], index: number): string | null {
  const main = parts.filter((part) => part < index).pop();
  return main !== undefined ? partName(doc.blocks[main]) : partBefore(doc, index);
}

const GRADE_COLUMN = /\bgrade\b/i;
const GRADED_ROW = /^(.*?)(?:\t+|\s*\|\s*|\s{2,})([1-4])\s*\|?\s*$/;
const MAX_WRAPPED = 2;
const MAX_ROW_LENGTH = 400;
const TABLE_RULE = /^\|?[\s|:-]+\|?$/;
const GRADE_ALONE = /^()([1-4])$/;
/** The header as PDF text gives it, its cells joined by a space: "Areas for judgement Grade awarded". */
const ONE_LINE_HEADER = /^areas? (?:for|of) judgement\s+grades?(?: awarded)?[\d\u00B9]?$/i;

/** A table whose last column is a grade 1-4: "Areas for judgement | Grade awarded". */
function numericTableJudgements(lines: SourceLine[], scale: string): ParsedJudgement[] {
  const header = lines.findIndex((line) => isGradeHeader(line.text));
  if (header < 0) return [];
  const judgements: ParsedJudgement[] = [];
  let pending: string[] = [];
  for (let index = header + 1; index < lines.length; index += 1) {
    const line = lines[index];
    if (line.blank) {
      if (judgements.length > 0) break;
      continue;
    }
    if (TABLE_RULE.test(line.trimmed)) continue;
    if (line.trimmed.length > MAX_ROW_LENGTH) break;
    // From a PDF, a wrapped area's grade is a line of its own.
    const row = GRADED_ROW.exec(stripHtml(line.text).trim()) ?? (pending.length > 0 ? GRADE_ALONE.exec(line.trimmed) : null);
    if (!row) {
      pending.push(line.trimmed);
      if (pending.length > MAX_WRAPPED) break;
      continue;
    }
    judgements.push({ area: tidyArea([...pending, row[1]].join(' ')), grade: Number(row[2]), label: null, scale });
    pending = [];
  }
  return judgements;
}

function isGradeHeader(text: string): boolean {
  const cells = splitCells(text);
  if (cells.length >= 2) return GRADE_COLUMN.test(cells[cells.length - 1]) && !GRADE_COLUMN.test(cells[0]);
  return ONE_LINE_HEADER.test(cleanText(text));
}

const WORD_GRADE = 'outstanding|good|adequate|requires? improvement(?: to be good)?|inadequate';
const WORD_ROW = new RegExp(
  `^(?:\\d(?:\\.\\d)?\\.?\\s+)?(.{4,160}?)(?:\\s*\\t\\s*|\\s*\\|\\s*|\\s*:\\s*|\\s+[\\u2013\\u2014-]\\s+|\\s{2,})(${WORD_GRADE})\\s*\\|?\\s*$`,
  'i',
);
/** A numbered row of the framework's summary table as PDF text gives it, one space before the grade: "2.1 Adoption performance Good". */
const NUMBERED_ROW = /^\d(?:\.\d)?\.?\s+(.{4,160}?)\s+(Outstanding|Good|Adequate|Inadequate|Requires improvement(?: to be good)?)$/;
const WORD_SENTENCE = new RegExp(
  `^(.{4,120}?)\\s+(?:is|are|requires?|require|has been judged(?: to be)?)\\s+(${WORD_GRADE.replace(/requires\? /g, '')})\\.?$`,
  'i',
);

/** Summary sentences ("The LSCB requires improvement.") are read on the cover pages only. */
const SENTENCE_LINES = 100;

/** "Children who need help and protection<tab>Requires improvement", or "The LSCB is good." */
function wordJudgements(doc: ReportDocument, scale: string): ParsedJudgement[] {
  const judgements: ParsedJudgement[] = [];
  const seen = new Set<string>();
  const add = (match: RegExpExecArray | null) => {
    const grade = match ? gradeFromWords(normaliseWords(match[2])) : null;
    if (!match || !grade) return;
    // A row of the summary table read as a sentence ("2.1 Adoption performance Requires improvement").
    const area = tidyArea(match[1]).replace(/^\d(?:\.\d)?\.?\s+/, '');
    if (seen.has(area.toLowerCase()) || /^(?:judgement|grade)s?$/i.test(area)) return;
    seen.add(area.toLowerCase());
    judgements.push({ area, grade: grade.grade, label: grade.label, scale });
  };
  for (const block of doc.blocks) {
    if (block.type !== 'item' && block.first < SENTENCE_LINES) add(WORD_SENTENCE.exec(firstSentence(block.text)));
    for (let index = block.first; index <= block.last; index += 1) {
      const line = doc.lines[index];
      if (!line.blank && !line.furniture && /^[A-Z0-9<|]/.test(line.trimmed))
        add(WORD_ROW.exec(stripHtml(line.text).trim()) ?? NUMBERED_ROW.exec(cleanText(line.text)));
    }
  }
  return judgements;
}

function firstSentence(text: string): string {
  return text.split(/(?<=\.)\s+(?=[A-Z])/)[0];
}

/** "improvement" alone follows "require(s)" in a sentence: give it back its verb. */
function normaliseWords(words: string): string {
  return /^improvement/i.test(words) ? `requires ${words}` : words;
}

function tidyArea(text: string): string {
  return cleanText(text)
    .replace(/\*+/g, '')
    .replace(/^\|\s*/, '')
    .replace(/[\s.:;,|]+$/, '')
    .trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}
