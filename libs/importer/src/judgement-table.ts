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
  const texts = doc.lines.filter((line) => !line.blank && !line.furniture).map((line) => cleanText(line.text));
  let header = texts.findIndex((text, index) => HEADER.test(text) || (/^judgements?$/i.test(text) && /^grades?$/i.test(texts[index + 1] ?? '')));
  if (header < 0) return [];
  if (!HEADER.test(texts[header])) header += 1;
  const judgements: ParsedJudgement[] = [];
  let pending: string[] = [];
  for (const [offset, text] of texts.slice(header + 1, header + 1 + MAX_LINES).entries()) {
    pending.push(text);
    const next = texts[header + 2 + offset] ?? '';
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
