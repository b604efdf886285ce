import { ParsedReport } from './parsed-report';
import { parseReport } from './parse-report';
import { extractText } from './pdf-text';

/** An uploaded file, PDF or text, read into a report. */
export async function readReport(bytes: Buffer, maxBytes: number): Promise<ParsedReport> {
  return parseReport(await extractText(bytes, maxBytes));
}
