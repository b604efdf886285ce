import { paragraphs } from './prose-sentences';
import { proseFigures } from './prose-figures';
import { tableFigures } from './table-figures';
import { PaperMeasure } from './paper-measure';

export type { FigurePolarity, PaperMeasure } from './paper-measure';

/**
 * The performance figures in a council paper, in its prose ("The number of … was 123 at the end of
 * March 2015, below the national average of 140") and its tables (a header row of periods or
 * "Target", one measure a row). `paperDate` (the meeting's or letter's date) dates a figure given as
 * current ("currently 4.1%") or with no date of its own.
 */
export function findPaperFigures(text: string, paperDate: string | null = null): PaperMeasure[] {
  const lines = text.split(/\r?\n|\f/);
  const table = tableFigures(lines, paperDate);
  const prose = paragraphs(lines).flatMap((paragraph) => proseFigures(paragraph, paperDate));
  return distinct(table, prose).sort((a, b) => a.line - b.line);
}

/**
 * A paper often repeats a figure (a table's cell in its prose, its summary in its body): a figure
 * of the prose with the unit, value and period of one already found, and a word of its name in
 * common ("Assessments …"), is that one again, and only the first telling is kept. A table's rows
 * are each their own measure, however alike their values.
 */
function distinct(table: PaperMeasure[], prose: PaperMeasure[]): PaperMeasure[] {
  const seen = new Map<string, Set<string>[]>();
  const told = (m: PaperMeasure) => (m.value === null ? `band|${m.band?.low}|${m.band?.high}` : `${m.unit}|${m.value}|${m.period}`);
  const words = (m: PaperMeasure) => new Set(m.name.toLowerCase().match(/[a-z]{5,}/g) ?? []);
  const remember = (m: PaperMeasure) => seen.set(told(m), [...(seen.get(told(m)) ?? []), words(m)]);
  table.forEach(remember);
  const kept = prose.filter((m) => {
    const mine = words(m);
    if (seen.get(told(m))?.some((earlier) => [...mine].some((w) => earlier.has(w)))) return false;
    remember(m);
    return true;
  });
  return [...table, ...kept];
}
