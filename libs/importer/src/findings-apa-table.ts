import { looksLikeHeading } from './headings';
import { INLINE_BULLET } from './list-markers';
import { SourceLine } from './page-cleaner';
import { ParsedFinding } from './parsed-report';
import { ReportDocument } from './report-document';
import { splitCells } from './table-cells';
import { cleanText } from './text';

/**
 * The APA letter's two-column table "Key strengths | Key areas for improvement": one row per
 * outcome area, the area named at the top of each cell ("<i>Being healthy:</i>"), the points as
 * bullets inside the cell. Only the right-hand column holds findings; an empty cell gives none.
 */

const HEADER_LEFT = /\bkey strengths\b/i;
const HEADER_RIGHT = /\b(?:key )?areas for (?:improvement|development)\b/i;
const MAX_LABEL_WORDS = 10;

interface CellContent {
  label: string | null;
  /** Text before the first bullet that is not a label: the rest of an item from the row above. */
  carried: string | null;
  items: string[];
}

export function apaTableFindings(doc: ReportDocument): ParsedFinding[] {
  const findings: ParsedFinding[] = [];
  doc.lines.forEach((line, index) => {
    const cells = splitCells(line.text);
    if (cells.length === 2 && HEADER_LEFT.test(cells[0]) && HEADER_RIGHT.test(cells[1])) {
      findings.push(...readRows(doc.lines, index + 1));
    }
  });
  return findings;
}

function readRows(lines: SourceLine[], from: number): ParsedFinding[] {
  const findings: ParsedFinding[] = [];
  let section: string | null = null;
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index];
    if (line.blank || line.furniture) continue;
    const cells = splitCells(line.text);
    if (cells.length < 2) {
      if (!carryOn(findings, line)) break;
      continue;
    }
    const right = readCell(cells[cells.length - 1]);
    section = right.label ?? readCell(cells[0]).label ?? section;
    if (right.carried) appendTo(findings, right.carried, line.no);
    for (const text of right.items) {
      findings.push({ section: section ?? 'Key areas for improvement', timescale: 'unspecified', text, ownerOrg: null, line: line.no, lineEnd: line.no });
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

function readCell(cell: string): CellContent {
  const parts = cell.split(INLINE_BULLET).map(cleanText);
  const head = parts[0] ?? '';
  const items = parts.slice(1).filter((part) => part.length > 0);
  const isLabel = /^[A-Z]/.test(head) && head.split(' ').length <= MAX_LABEL_WORDS && !/[.;,]$/.test(head);
  return {
    label: isLabel ? head.replace(/\s*:$/, '') : null,
    carried: !isLabel && head.length > 0 ? head : null,
    items,
  };
}
