import { INLINE_BULLET } from './list-markers';
import { SourceLine } from './page-cleaner';
import { ParsedFinding } from './parsed-report';
import { cleanText } from './text';

/**
 * The APA letter's strengths / areas-for-improvement table as PDF text gives it: the header's two
 * cells on one line ("Strengths Areas for improvement"), then each cell's lines one after the
 * other, the left-hand cell first ("Being healthy: • a • b", wrapped, then "Being healthy: • c").
 * Both cells of a row start with the row's outcome, so of two cells under one outcome the second
 * is the areas for improvement; an outcome named once is a row with one cell, read as strengths.
 */

const HEADER = /^(?:key )?strengths\s+(?:key )?areas for (?:improvement|development)$/i;
/** The outcomes of Every Child Matters and the management of services, as the letters name them. */
const OUTCOME =
  /^(being healthy|staying safe|enjoying and achieving|making a positive contribution|achieving economic well-?being|service management|management of children(?:'|\u2019)?s services|capacity to improve)\b\s*:?\s*(.*)$/i;
const LABEL = /^([A-Z][\w'\u2019,-]*(?: [\w'\u2019,-]+){0,7}):\s*(.*)$/;
const BULLET_AT = new RegExp(`^${INLINE_BULLET.source.replace(/^\\s\*/, '')}`, 'u');
const TERMINAL = /[.;!?]["'\u2019\u201D)]?$/;

interface Piece {
  text: string;
  line: number;
}

interface Cell {
  label: string;
  pieces: Piece[];
}

export function apaStackedTableFindings(lines: SourceLine[]): ParsedFinding[] {
  const findings: ParsedFinding[] = [];
  lines.forEach((line, index) => {
    if (!line.blank && HEADER.test(cleanText(line.text))) findings.push(...fromCells(readCells(lines, index + 1)));
  });
  return findings;
}

function readCells(lines: SourceLine[], from: number): Cell[] {
  const cells: Cell[] = [];
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index];
    if (line.blank || line.furniture) continue;
    const text = cleanText(line.text);
    const labelled = OUTCOME.exec(text) ?? otherLabel(text);
    const current = cells[cells.length - 1];
    if (labelled) {
      cells.push({ label: labelled[1].trim(), pieces: labelled[2] ? [{ text: labelled[2], line: line.no }] : [] });
    } else if (current && continuesCell(current, text)) {
      current.pieces.push({ text, line: line.no });
    } else {
      break;
    }
  }
  return cells;
}

/** An outcome named otherwise, "Label:" alone or before the cell's first bullet (not "Key Stage 4: …" in an item). */
function otherLabel(text: string): RegExpExecArray | null {
  const labelled = LABEL.exec(text);
  return labelled && (labelled[2].length === 0 || BULLET_AT.test(labelled[2])) ? labelled : null;
}

/** A bullet, a wrapped line, or a line after one that did not end a sentence; else the letter goes on. */
function continuesCell(cell: Cell, text: string): boolean {
  const last = cell.pieces[cell.pieces.length - 1];
  return BULLET_AT.test(text) || /^[a-z0-9]/.test(text) || (!!last && !TERMINAL.test(last.text));
}

function fromCells(cells: Cell[]): ParsedFinding[] {
  const findings: ParsedFinding[] = [];
  for (let index = 1; index < cells.length; index += 1) {
    if (cells[index].label.toLowerCase() !== cells[index - 1].label.toLowerCase()) continue;
    findings.push(...items(cells[index]));
    index += 1;
  }
  return findings;
}

/** The cell's points, split at its bullets, each with the line it starts on. */
function items(cell: Cell): ParsedFinding[] {
  const found: ParsedFinding[] = [];
  let open: ParsedFinding | null = null;
  for (const piece of cell.pieces) {
    piece.text.split(INLINE_BULLET).forEach((part, at) => {
      if (at > 0) {
        open = { section: cell.label, timescale: 'unspecified', text: '', ownerOrg: null, line: piece.line, lineEnd: piece.line };
        found.push(open);
      }
      if (!open || part.trim().length === 0) return;
      if (open.text.length === 0) open.line = piece.line;
      open.text = cleanText(`${open.text} ${part}`);
      open.lineEnd = piece.line;
    });
  }
  return found.filter((finding) => finding.text.length > 0);
}
