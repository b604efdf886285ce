import { findDate } from './dates';
import { ImportError } from './import-error';
import { parseReport } from './parse-report';

/**
 * The date a paper speaks as of: its publication or meeting date as the report parser reads it,
 * else the first date in its heading lines (a performance paper with no findings in it is no
 * report to the parser, yet its "currently" still means its meeting's date).
 */
export function paperDate(text: string): string | null {
  try {
    const published = parseReport(text).published;
    if (published) return published;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
  }
  const heading = text
    .split(/\r?\n|\f/)
    .filter((line) => line.trim())
    .slice(0, 20);
  for (const line of heading) {
    const date = findDate(line);
    if (date) return date;
  }
  return null;
}
