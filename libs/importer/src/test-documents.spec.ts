import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPORT_KINDS } from './document-kind';
import { toImportJson } from './import-json';
import { parseReport } from './parse-report';

/**
 * Our own documents, one or more of every kind, written in the real layouts (running headers,
 * page numbers, form feeds, wrapped lines, symbol-font bullets, tables of contents), each with
 * an answer key of everything the importer should find.
 */
const DOCUMENTS = resolve(__dirname, '../test-documents');
const PDF_DOCUMENTS = join(DOCUMENTS, 'pdf');
const names = readdirSync(DOCUMENTS)
  .filter((name) => name.endsWith('.expected.json'))
  .map((name) => name.replace(/\.expected\.json$/, ''))
  .sort();

function parsed(name: string) {
  const report = parseReport(readFileSync(join(DOCUMENTS, `${name}.txt`), 'utf8'));
  return { ...toImportJson(report), inspectionDates: report.inspectionDates };
}

describe('our own test documents', () => {
  it.each(names)('%s matches its answer key', (name) => {
    const key = JSON.parse(readFileSync(join(DOCUMENTS, `${name}.expected.json`), 'utf8'));
    expect(parsed(name)).toEqual(key);
  });

  it('cover every kind of document, with those built as PDFs (test-documents/pdf)', () => {
    const keys = [
      ...names.map((name) => join(DOCUMENTS, `${name}.expected.json`)),
      ...readdirSync(PDF_DOCUMENTS)
        .filter((name) => name.endsWith('.expected.json'))
        .map((name) => join(PDF_DOCUMENTS, name)),
    ];
    const kinds = new Set(keys.map((key) => JSON.parse(readFileSync(key, 'utf8')).kind));
    const known = Object.keys(REPORT_KINDS).filter((kind) => kind !== 'unknown');
    expect([...kinds].sort()).toEqual(known.sort());
  });

  it.each(names)('%s keeps the source line numbers of each finding', (name) => {
    const lines = readFileSync(join(DOCUMENTS, `${name}.txt`), 'utf8').split('\n');
    for (const finding of parseReport(lines.join('\n')).findings) {
      const firstWords = finding.text.split(' ').slice(0, 3).join(' ');
      expect(lines[finding.line - 1]).toContain(firstWords);
      expect(finding.lineEnd).toBeGreaterThanOrEqual(finding.line);
    }
  });

  it('has a text document for every key', () => {
    for (const name of names) expect(existsSync(join(DOCUMENTS, `${name}.txt`))).toBe(true);
  });
});
