import { gradeFromWords } from './judgement-scales';
import { ParsedJudgement } from './parsed-report';
import { ReportDocument } from './report-document';
import { cleanText } from './text';

const HEADER = /^judgements?\s+grades?$/i;
/**
 * The grades as the table writes them. "Good", "Outstanding" and "Inadequate" start with a
 * capital, which tells them from the same words inside an area's name; a wrapped grade's second
 * line ("Requires improvement to be / good") does not.
 */
const GRADE = /(?:^|\s)(Requires improvement to be\s+[Gg]ood|Requires improvement|Outstanding|Good|Inadequate)(?=\s|$)/g;
const LAST_AREA = /^overall effectiveness$/i;
const MAX_LINES = 30;
/** An area's name wraps over at most this many lines before its grade. */
const MAX_WRAPPED = 4;

/**
 * The judgement table on page one of a report of the current framework: "Judgement" and "Grade"
 * columns. Extraction puts each cell's lines one after the other (an area wrapped over two lines,
 * then its grade; or the area and grade on one line; or a grade wrapped onto the next line), so
 * the table's text is read as a run of areas each ended by its grade.
 */
export function gradeTableJudgements(doc: ReportDocument, scale: string): ParsedJudgement[] {
  const raw = doc.lines.filter((line) => !line.blank && !line.furniture).map((line) => line.text);
  const texts = raw.map(cleanText);
  let header = texts.findIndex((text, index) => HEADER.test(text) || (/^judgements?$/i.test(text) && /^grades?$/i.test(texts[index + 1] ?? '')));
  if (header < 0) return [];
  if (!HEADER.test(texts[header])) header += 1;
  const table = cellsInTurn(raw.slice(header + 1, header + 1 + MAX_LINES));
  const judgements: ParsedJudgement[] = [];
  let pending: string[] = [];
  for (const [offset, text] of table.entries()) {
    pending.push(text);
    const next = table[offset + 1] ?? '';
    if (/Requires improvement(?: to be)?$/.test(text) && /^(?:to be )?good\b/i.test(next)) continue;
    const rows = readRows(pending.join(' '), scale);
    if (rows) {
      judgements.push(...rows);
      pending = [];
      if (rows.some((row) => LAST_AREA.test(row.area))) break;
    } else if (pending.length > MAX_WRAPPED) {
      break;
    }
  }
  return judgements;
}

const COLUMN_GAP = /\s{3,}|\t+/;

/**
 * Text extracted with its layout kept ("pdftotext -layout") puts both cells of a row side by side
 * ("The impact of leaders on social work practice with     Requires improvement to be" /
 * "children and families                                  good"): each row's area lines are then
 * given before its grade, as other extractors give them. A row starts at an area line with a capital.
 */
function cellsInTurn(lines: string[]): string[] {
  const split = lines.map((line) => line.trim().split(COLUMN_GAP).map(cleanText).filter(Boolean));
  if (!split.some((cells) => cells.length === 2)) return lines.map(cleanText);
  const rows: Array<{ area: string[]; grade: string[] }> = [];
  for (const cells of split) {
    const [area, grade] = cells.length === 2 ? cells : isGradeWords(cells[0] ?? '') ? [null, cells[0]] : [cells.join(' '), null];
    const row = rows[rows.length - 1];
    const complete = row && gradeFromWords(row.grade.join(' ')) !== null;
    if (!row || (complete && area && /^[A-Z]/.test(area))) rows.push({ area: [], grade: [] });
    const current = rows[rows.length - 1];
    if (area) current.area.push(area);
    if (grade) current.grade.push(grade);
  }
  return rows.flatMap((row) => [...row.area, ...(row.grade.length > 0 ? [row.grade.join(' ')] : [])]);
}

function isGradeWords(text: string): boolean {
  return /^(?:requires|improvement|to|be|good|outstanding|inadequate|\s)+$/i.test(text);
}

/** The rows in a run of text that ends with a grade; null when it does not. */
function readRows(text: string, scale: string): ParsedJudgement[] | null {
  const rows: ParsedJudgement[] = [];
  let from = 0;
  for (const match of text.matchAll(GRADE)) {
    const area = text.slice(from, match.index).trim();
    const grade = gradeFromWords(match[1].replace(/\s+/g, ' '));
    if (area.length === 0 || !grade) return null;
    rows.push({ area, grade: grade.grade, label: grade.label, scale });
    from = match.index + match[0].length;
  }
  return rows.length > 0 && text.slice(from).trim().length === 0 ? rows : null;
}
