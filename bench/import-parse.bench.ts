import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { repoRoot } from '@app/config';
import { parseReport } from '@app/importer';

/**
 * How long parseReport takes on each fixture report (when ../shared is present) and on each of
 * the importer's own test documents. Run directly to print a table; `npm run bench` calls
 * runImportBench().
 */
export interface ImportBenchResult {
  document: string;
  bytes: number;
  findings: number;
  medianMs: number;
  p95Ms: number;
}

const WARM_UP = 20;
const MIN_ITERATIONS = 50;
const MIN_TOTAL_MS = 500;
const MAX_ITERATIONS = 2000;

export async function runImportBench(): Promise<ImportBenchResult[]> {
  // The project folder, not dist/: dist has a test-documents folder of its own (compiled helpers, no reports).
  const root = repoRoot();
  const documents = [...textFiles(resolve(root, '../shared/fixtures/reports')), ...textFiles(join(root, 'libs/importer/test-documents'))];
  return documents.map(timeDocument);
}

function timeDocument(path: string): ImportBenchResult {
  const text = readFileSync(path, 'utf8');
  let findings = 0;
  for (let run = 0; run < WARM_UP; run += 1) findings = parseReport(text).findings.length;
  const samples: number[] = [];
  let total = 0;
  while (samples.length < MAX_ITERATIONS && (samples.length < MIN_ITERATIONS || total < MIN_TOTAL_MS)) {
    const started = process.hrtime.bigint();
    parseReport(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    samples.push(ms);
    total += ms;
  }
  samples.sort((a, b) => a - b);
  return {
    document: basename(path),
    bytes: Buffer.byteLength(text, 'utf8'),
    findings,
    medianMs: round(percentile(samples, 0.5)),
    p95Ms: round(percentile(samples, 0.95)),
  };
}

function textFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(dir, name));
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

if (require.main === module) {
  runImportBench()
    .then((results) => console.table(results))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
