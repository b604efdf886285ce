import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { openDatabase } from '../libs/database/src/data-source';
import { createApiTokens } from './dataset/api-tokens';
import { BenchDatabase, createBenchDatabase, DbKind } from './dataset/bench-database';
import { generateDataset } from './dataset/generate-dataset';
import { buildWorkloads } from './load/workloads';
import { updatePerformanceDoc } from './report/performance-doc';
import { resultTables } from './report/print-table';
import { BenchResults, DatabaseRun, Machine } from './report/results';
import { writeResults } from './report/write-results';
import { measureApiVsRaw } from './suite/api-vs-raw';
import { runExtras } from './suite/extras';
import { BenchOptions, parseOptions } from './suite/options';
import { queryCensus } from './suite/query-census';
import { comparePragmas } from './suite/sqlite-pragmas';

const log = (line: string) => console.log(line);

function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version, platform: `${os.type()} ${os.release()}`, loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
  };
}

function sizeMb(db: BenchDatabase): number | undefined {
  if (db.config.kind !== 'sqlite') return undefined;
  const file = db.config.file;
  return Math.round([file, `${file}-wal`].filter(fs.existsSync).reduce((sum, f) => sum + fs.statSync(f).size, 0) / 2 ** 20);
}

/** One database at one scale: generate, tokens, API against raw, then (SQLite) the settings comparison. */
async function runDatabase(kind: DbKind, actions: number, options: BenchOptions): Promise<DatabaseRun> {
  const db = await createBenchDatabase(kind, `${kind}-${actions}`);
  try {
    log(`\n[${kind} ${actions}] generating into ${db.config.kind === 'sqlite' ? db.config.file : db.config.url}`);
    const source = await openDatabase(db.config);
    const generated = await generateDataset(source, actions);
    const tokens = await createApiTokens(source, generated.fixtures);
    await source.destroy();
    log(`  ${generated.rows.toLocaleString('en-GB')} rows in ${generated.seconds.toFixed(1)} s (${generated.rowsPerSecond.toLocaleString('en-GB')} rows/s)`);
    const workloads = buildWorkloads(generated.fixtures, tokens);
    const queries = options.quick ? undefined : await queryCensus(db, workloads);
    if (queries) log(`  SQL per request: ${queries.map((q) => `${q.key} ${q.queries.length}`).join(', ')}`);
    log(`[${kind} ${actions}] API against raw, ${options.connections} connections, ${options.durationMs / 1000} s each`);
    const { routes, memory } = await measureApiVsRaw(db, workloads, options, log);
    log(`  API peak RSS ${memory.apiPeakMb} MB, raw server ${memory.rawPeakMb} MB`);
    const run: DatabaseRun = { database: kind, generation: { seconds: generated.seconds, rows: generated.rows, rowsPerSecond: generated.rowsPerSecond, counts: generated.counts }, routes, memory, dbSizeMb: sizeMb(db), queries };
    if (options.pragmas && kind === 'sqlite') {
      log(`[${kind} ${actions}] SQLite settings`);
      run.pragmas = await comparePragmas(db, workloads, options, log);
    }
    return run;
  } finally {
    if (options.keep) log(`  kept ${db.dataDir}${db.config.kind === 'postgres' ? ` and ${db.config.url}` : ''}`);
    else await db.drop();
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  for (const actions of options.scales) {
    const started = Date.now();
    const results: BenchResults = {
      date: new Date().toISOString().slice(0, 10), command: `npm run bench -- ${argv.join(' ')}`.trim(), actions, quick: options.quick,
      connections: options.connections, durationSeconds: options.durationMs / 1000, machine: machine(), runs: [], extras: {}, totalSeconds: 0,
    };
    for (const kind of options.databases) results.runs.push(await runDatabase(kind, actions, options));
    if (options.extras) {
      log(`[extras ${actions}]`);
      results.extras = await runExtras(actions, options.quick, log);
    }
    results.totalSeconds = Math.round((Date.now() - started) / 1000);
    results.machine.loadAverageAtEnd = os.loadavg().map((v) => Math.round(v * 100) / 100);
    log(`\n${resultTables(results)}`);
    log(`Results: ${writeResults(results)} (${results.totalSeconds} s)`);
  }
  if (options.writeDoc && !options.quick) log(`Updated ${updatePerformanceDoc()}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
