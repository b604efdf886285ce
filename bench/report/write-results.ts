import * as fs from 'node:fs';
import * as path from 'node:path';
import { BenchResults } from './results';

export const RESULTS_DIR = path.resolve(__dirname, '../../../bench/results');

/** bench/results/<date>-<scale>[-quick].json */
export function writeResults(results: BenchResults): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${results.date}-${results.actions}${results.quick ? '-quick' : ''}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

/** The newest full (not --quick) result of each scale, for the growth table. */
export function latestByScale(): BenchResults[] {
  if (!fs.existsSync(RESULTS_DIR)) return [];
  const newest = new Map<number, BenchResults>();
  for (const name of fs
    .readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    try {
      const r = JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, name), 'utf8')) as BenchResults;
      if (!r.quick && Array.isArray(r.runs)) newest.set(r.actions, r);
    } catch {
      // not one of ours
    }
  }
  return [...newest.values()].sort((a, b) => a.actions - b.actions);
}
