import { apaStackedTableFindings } from './findings-apa-stacked';
import { looksLikeHeading } from './headings';
import { INLINE_BULLET } from './list-markers';
import { SourceLine } from './page-cleaner';
import { ParsedFinding } from './parsed-report';
import { ReportDocument } from './report-document';
import { rowCells } from './table-cells';
import { cleanText, headingKey } from './text';

/**
 * The APA letter's two-column table, "Key strengths | Key areas for improvement" (2006 on) or
 * "Strengths | Areas for improvement" (2005): one row per outcome area, the area named at the
 * top of each cell ("<i>Being healthy:</i>"), the points as bullets inside the cell. Only the
 * areas-for-improvement column holds findings; an empty cell gives none. Text from a PDF has
 * the cells one after the other instead (findings-apa-stacked.ts).
 */

const HEADER_STRENGTHS = /^(?:key )?strengths$/;
const HEADER_AREAS = /^(?:key )?areas for (?:improvement|development)$/;
const MAX_LABEL_WORDS = 10;

interface CellContent {
  label: string | null;
  /** Text before the first bullet that is not a label: the rest of an item from the row above. */
  carried: string | null;
  items: string[];
}

interface Columns {
  strengths: number;
  areas: number;
  count: number;
}

export function apaTableFindings(doc: ReportDocument): ParsedFinding[] {
  const findings: ParsedFinding[] = [];
  doc.lines.forEach((line, index) => {
    const columns = headerColumns(line);
    if (columns) findings.push(...readRows(doc.lines, index + 1, columns));
  });
  return findings.length > 0 ? findings : apaStackedTableFindings(doc.lines);
}

/** The header row: a strengths cell followed by an areas-for-improvement cell. */
function headerColumns(line: SourceLine): Columns | null {
  if (line.blank || !/\bstrengths\b/i.test(line.text)) return null;
  const cells = rowCells(line.text).map(headingKey);
  const strengths = cells.findIndex((cell) => HEADER_STRENGTHS.test(cell));
  const areas = cells.findIndex((cell) => HEADER_AREAS.test(cell));
  return strengths >= 0 && areas > strengths ? { strengths, areas, count: cells.length } : null;
}

function readRows(lines: SourceLine[], from: number, columns: Columns): ParsedFinding[] {
  const findings: ParsedFinding[] = [];
  let section: string | null = null;
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index];
    if (line.blank || line.furniture) continue;
    const cells = rowCells(line.text);
    if (cells.length < 2) {
      if (!carryOn(findings, line)) break;
      continue;
    }
    // A row split into more or fewer cells than the header: the last cell is the right-hand one.
    const inColumns = cells.length === columns.count;
    const right = readCell(inColumns ? cells[columns.areas] : cells[cells.length - 1]);
    const left = readCell(inColumns ? cells[columns.strengths] : cells[0]);
    // A table with the outcomes in a column of their own before the two.
    const outcome = inColumns && columns.strengths > 0 ? readCell(cells[0]).label : null;
    section = right.label ?? left.label ?? outcome ?? section;
    if (right.carried) appendTo(findings, right.carried, line.no);
    for (const text of right.items) {
      findings.push({ section: section ?? 'Areas for improvement', timescale: 'unspecified', text, ownerOrg: null, line: line.no, lineEnd: line.no });
    }
  }
  return findings;
}

/** A line outside the columns: the wrapped end of the last item, or the end of the table. */
function carryOn(findings: ParsedFinding[], line: SourceLine): boolean {
  const text = cleanText(line.trimmed);
  if (findings.length === 0 || looksLikeHeading(text) || !/^[a-z]/.test(text)) return false;
  appendTo(findings, text, line.no);
  return true;
}

function appendTo(findings: ParsedFinding[], text: string, lineNo: number): void {
  const last = findings[findings.length - 1];
  if (!last) return;
  last.text = `${last.text} ${text}`;
  last.lineEnd = lineNo;
}

function readCell(cell: string | undefined): CellContent {
  const parts = (cell ?? '').split(INLINE_BULLET).map(cleanText);
  const head = parts[0] ?? '';
  const items = parts.slice(1).filter((part) => part.length > 0);
  const isLabel = /^[A-Z]/.test(head) && head.split(' ').length <= MAX_LABEL_WORDS && !/[.;,]$/.test(head);
  return {
    label: isLabel ? head.replace(/\s*:$/, '') : null,
    carried: !isLabel && head.length > 0 ? head : null,
    items,
  };
}
