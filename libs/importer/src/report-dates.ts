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

/** A visit letter's opening: "… the findings of the focused visit to Ashcombe children's services on 8 and 9 February 2022." */
const VISIT_DATES = /\bfindings of (?:the|a|an) [a-z ]{0,30}visit to .{2,120}? on (.{3,60}?\d{4})\b/i;

export function findInspectionDates(doc: ReportDocument): { start: string | null; end: string | null } {
  const head = headLines(doc);
  for (const line of head) {
    const labelled = INSPECTION_DATES.exec(line.trimmed);
    if (labelled) return findDateRange(labelled[1]);
  }
  const visit = VISIT_DATES.exec(head.map((line) => line.trimmed).join(' '));
  if (visit) return findDateRange(visit[1]);
  return { start: null, end: null };
}
