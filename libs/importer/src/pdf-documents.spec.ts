import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildPdf, PdfSpec } from '../test-documents/pdf-builder';
import { toImportJson } from './import-json';
import { parseReport } from './parse-report';
import { extractText } from './pdf-text';
import { readReport } from './read-report';

/**
 * Our own documents in the real layouts, built as PDFs (test-documents/pdf/<name>.ts) and read
 * through the upload path, each with an answer key (<name>.expected.json) written by hand. A
 * finding's line depends on the extraction, so the key leaves it out and it is checked apart.
 */
const DOCUMENTS = resolve(__dirname, '../test-documents/pdf');
const LIMIT = 5 * 1024 * 1024;
const names = readdirSync(DOCUMENTS)
  .filter((name) => name.endsWith('.expected.json'))
  .map((name) => name.replace(/\.expected\.json$/, ''))
  .sort();

async function built(name: string): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- each document is a module named by its file
  const { document } = require(join(DOCUMENTS, `${name}.ts`)) as { document: PdfSpec };
  return buildPdf(document);
}

function answer(report: ReturnType<typeof parseReport>) {
  const json = toImportJson(report) as { findings: Array<Record<string, unknown>> };
  return { ...json, inspectionDates: report.inspectionDates, findings: json.findings.map(({ line: _line, ...finding }) => finding) };
}

// Each PDF is read in a worker thread of its own, which takes seconds on a busy machine.
jest.setTimeout(30_000);

describe('our own test documents, as PDFs', () => {
  it.each(names)('%s is read as its answer key says', async (name) => {
    const key = JSON.parse(readFileSync(join(DOCUMENTS, `${name}.expected.json`), 'utf8'));
    expect(answer(await readReport(await built(name), LIMIT))).toEqual(key);
  });

  it.each(names)('%s: its extracted text reads the same, each finding at its source line', async (name) => {
    const text = await extractText(await built(name), LIMIT);
    const report = parseReport(text);
    const key = JSON.parse(readFileSync(join(DOCUMENTS, `${name}.expected.json`), 'utf8'));
    expect(answer(report)).toEqual(key);
    const lines = text.split('\n');
    for (const finding of report.findings) {
      // An item may start at the end of a line ("… • the attainment" / "of looked after children."), its first words wrapping.
      const [first, ...rest] = finding.text.split(' ');
      expect(lines[finding.line - 1]).toContain(first);
      expect(`${lines[finding.line - 1]} ${lines[finding.line] ?? ''}`).toContain([first, ...rest.slice(0, 2)].join(' '));
      expect(finding.lineEnd).toBeGreaterThanOrEqual(finding.line);
    }
  });
});

/**
 * The same documents as another extractor gives them (poppler's pdftotext, plain and with its
 * layout kept, in test-documents/pdf/extracted/<name>.<tool>.txt), read against the same keys.
 * Made with `pdftotext -enc UTF-8 [-layout]` from the built PDF: make them again when a document changes.
 */
const EXTRACTED = join(DOCUMENTS, 'extracted');
const extracted = readdirSync(EXTRACTED)
  .filter((file) => file.endsWith('.txt'))
  .sort();

describe('our own test documents, as another extractor gives their text', () => {
  it.each(extracted)('%s is read as its answer key says', (file) => {
    const key = JSON.parse(readFileSync(join(DOCUMENTS, `${file.replace(/\.[^.]+\.txt$/, '')}.expected.json`), 'utf8'));
    expect(answer(parseReport(readFileSync(join(EXTRACTED, file), 'utf8')))).toEqual(key);
  });
});
