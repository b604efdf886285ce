import { BenchDatabase } from '../dataset/bench-database';
import { runLoad } from '../load/run-load';
import { Workload } from '../load/workloads';
import { pageErrors } from '../report/print-table';
import { PageResult } from '../report/results';
import { BenchOptions } from './options';
import { specFor } from './load-specs';

/** The server render time of each web page, against the running API under the same load as the API routes (there is no raw equivalent). */
export async function measurePages(
  db: BenchDatabase,
  pages: Workload[],
  apiPort: number,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const page of pages) {
    const api = await runLoad(await specFor(page, `page ${page.key}`, [apiPort], options, db));
    results.push({ key: page.key, label: page.label, api });
    log(
      `  ${page.label.padEnd(36)} page ${api.rps.toFixed(0).padStart(6)} req/s p95 ${api.latencyMs.p95.toFixed(1).padStart(6)} ms${api.errors ? ` | errors ${pageErrors(api)}` : ''}`,
    );
    if (api.firstError) log(`    page error: ${api.firstError}`);
  }
  return results;
}
