import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ImportError } from './import-error';
import { parseReport } from './parse-report';

/**
 * The importer fed damaged documents (our test documents and, when present, the shared fixtures):
 * lines shuffled, cut off, repeated, binary noise, a gigantic line, deeply nested HTML. It must
 * answer with findings or an ImportError, never crash, and never invent: every word of every finding
 * is a word of the document it was given.
 */
const folders = [resolve(__dirname, '../test-documents'), resolve(__dirname, '../../../../shared/fixtures/reports')].filter(existsSync);
const documents = folders.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(join(folder, name), 'utf8')),
);

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

type Mutation = (lines: string[], rnd: (n: number) => number) => string[];
const MUTATIONS: Record<string, Mutation> = {
  shuffled: (lines, rnd) => {
    const copy = [...lines];
    const start = rnd(copy.length);
    const window = copy.splice(start, 40);
    for (let i = window.length - 1; i > 0; i--) {
      const j = rnd(i + 1);
      [window[i], window[j]] = [window[j], window[i]];
    }
    copy.splice(start, 0, ...window);
    return copy;
  },
  truncated: (lines, rnd) => lines.slice(0, rnd(lines.length + 1)),
  repeated: (lines, rnd) => lines.flatMap((line) => (rnd(10) === 0 ? [line, line, line] : [line])),
  noise: (lines, rnd) => lines.map((line) => (rnd(8) === 0 ? line + String.fromCharCode(...Array.from({ length: 20 }, () => rnd(0xffff))) : line)),
  gigantic: (lines, rnd) => {
    const copy = [...lines];
    copy.splice(rnd(copy.length), 0, 'improve '.repeat(20_000));
    return copy;
  },
  nestedHtml: (lines, rnd) => {
    const copy = [...lines];
    copy.splice(rnd(copy.length), 0, '<div>'.repeat(2_000) + 'text' + '</div>'.repeat(2_000));
    return copy;
  },
};

describe('the importer on damaged documents', () => {
  it('has documents to damage', () => expect(documents.length).toBeGreaterThan(5));

  it.each(Object.keys(MUTATIONS))('%s: findings or an ImportError, never a crash, never a word the document lacks', (name) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: documents.length - 1 }), fc.integer(), (index, seed) => {
        let state = seed >>> 0 || 1;
        const rnd = (n: number) => {
          state = (state * 1103515245 + 12345) >>> 0;
          return n > 0 ? state % n : 0;
        };
        const text = MUTATIONS[name](documents[index].split('\n'), rnd).join('\n');
        let report;
        try {
          report = parseReport(text);
        } catch (error) {
          if (error instanceof ImportError) return;
          throw error;
        }
        const known = new Set(words(text));
        for (const finding of report.findings) {
          const invented = words(finding.text).filter((word) => !known.has(word));
          expect({ finding: finding.text.slice(0, 80), invented }).toEqual({ finding: finding.text.slice(0, 80), invented: [] });
        }
      }),
      { numRuns: 15, seed: 20261204 },
    );
  });
});
