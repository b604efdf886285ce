import { dateLine, findDate, findDateRange } from './dates';
import { headLines, ReportDocument } from './report-document';

const LETTER_DATE_LINES = 60;
const PUBLISHED = /^(?:report\s+)?(?:published|publication date|date published|date of publication)(?:\s+on)?\s*[:\t]?\s*(.+)$/i;
const MEETING_DATE = /(?:decision|meeting)\s+date|date of (?:the )?meeting/i;
const INSPECTION_DATES =
  /^(?:inspection dates?|dates? of (?:the )?inspection|inspection (?:took place|was carried out)(?: on| between| from)?)\s*[:\t]?\s*(.+)$/i;

/** The publication date, else a letter's date, else the date of the meeting a paper went to. */
export function findPublished(doc: ReportDocument): string | null {
  const head = headLines(doc);
  for (const line of head) {
    const labelled = PUBLISHED.exec(line.trimmed);
    if (labelled && findDate(labelled[1])) return findDate(labelled[1]);
  }
  for (const line of head.slice(0, LETTER_DATE_LINES)) {
    const letterDate = dateLine(line.trimmed);
    if (letterDate) return letterDate;
  }
  for (const line of head) {
    if (MEETING_DATE.test(line.trimmed) && findDate(line.trimmed)) return findDate(line.trimmed);
  }
  return null;
}

export function findInspectionDates(doc: ReportDocument): { start: string | null; end: string | null } {
  for (const line of headLines(doc)) {
    const labelled = INSPECTION_DATES.exec(line.trimmed);
    if (labelled) return findDateRange(labelled[1]);
  }
  return { start: null, end: null };
}
