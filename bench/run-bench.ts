import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { DataSource } from 'typeorm';
import { openDatabase } from '@app/database/data-source';
import { APP_SCHEMA } from '@app/reminders/schema';
import { createApiTokens } from './dataset/api-tokens';
import { BenchDatabase, createBenchDatabase, DbKind } from './dataset/bench-database';
import { pagePeople, signIn } from './dataset/browser-sessions';
import { DatasetFixtures, GeneratedDataset, generateDataset } from './dataset/generate-dataset';
import { buildPageWorkloads, buildWorkloads } from './load/workloads';
import { updatePerformanceDoc } from './report/performance-doc';
import { resultTables } from './report/print-table';
import { BenchResults, DatabaseRun, Machine } from './report/results';
import { Stopwatch } from './report/stopwatch';
import { writeResults } from './report/write-results';
import { measureApiVsRaw, Servers, startServers } from './suite/api-vs-raw';
import { runExtras } from './suite/extras';
import { BenchOptions, parseOptions } from './suite/options';
import { censusComparison, queryCensus } from './suite/query-census';
import { comparePragmas } from './suite/sqlite-pragmas';
import { roundsFor } from './suite/in-turn';

const log = (line: string) => console.log(line);

function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
  };
}

function sizeMb(db: BenchDatabase): number | undefined {
  if (db.config.kind !== 'sqlite') return undefined;
  const file = db.config.file;
  return Math.round([file, `${file}-wal`].filter(fs.existsSync).reduce((sum, f) => sum + fs.statSync(f).size, 0) / 2 ** 20);
}

/** API tokens for the routes, and browser sessions for the pages (read by people of a sample of councils: each sign-in hashes a password). */
async function signInPeople(source: DataSource, fixtures: DatasetFixtures, options: BenchOptions) {
  const [tokens, sessions] = await Promise.all([createApiTokens(source, fixtures), signIn(source, pagePeople(fixtures, options.quick ? 5 : 30))]);
  return { tokens, sessions };
}

/** Generates the data, then signs people in while the servers start, then measures the routes and the pages. */
async function measureOnServers(db: BenchDatabase, source: DataSource, actions: number, options: BenchOptions, watch: Stopwatch) {
  const generated = await watch.time('generate', () => generateDataset(source, actions));
  log(`  ${generated.rows.toLocaleString('en-GB')} rows in ${generated.seconds.toFixed(1)} s (${generated.rowsPerSecond.toLocaleString('en-GB')} rows/s)`);
  // Not before the data is written: at a large scale a server starting then waits on the write lock for minutes.
  const starting = watch.time('start', () => startServers(db));
  starting.catch(() => undefined);
  try {
    return await measureWhileStarting(db, source, starting, generated, actions, options, watch);
  } finally {
    await starting.then(
      (servers) => servers.stop(),
      () => undefined,
    );
  }
}

async function measureWhileStarting(
  db: BenchDatabase,
  source: DataSource,
  starting: Promise<Servers>,
  generated: GeneratedDataset,
  actions: number,
  options: BenchOptions,
  watch: Stopwatch,
) {
  const { tokens, sessions } = await watch.time('sign-in', () => signInPeople(source, generated.fixtures, options));
  await source.destroy();
  const workloads = buildWorkloads(generated.fixtures, tokens);
  const pages = buildPageWorkloads(generated.fixtures, sessions);
  const census = await watch.time('census', () => queryCensus(db, workloads, pages));
  log(`  SQL per request: ${census.api.map((q) => `${q.key} ${q.queries.length}`).join(', ')}`);
  const compared = censusComparison(census);
  log(`  SQL per request, API / raw: ${compared.map((c) => `${c.key} ${c.api}/${c.raw}${c.same ? '' : ' (different statements)'}`).join(', ')}`);
  log(
    `[${db.kind} ${actions}] API and raw in turn (${roundsFor(options.quick)} windows each), then pages; ${options.connections} connections, ${options.durationMs / 1000} s each`,
  );
  const measured = await measureApiVsRaw(await starting, db, workloads, pages, options, log, watch);
  log(`  API peak RSS ${measured.memory.apiPeakMb} MB (${measured.memory.apiPeakWithPagesMb} MB after the pages), raw server ${measured.memory.rawPeakMb} MB`);
  const run: DatabaseRun = {
    database: db.kind,
    generation: { seconds: generated.seconds, rows: generated.rows, rowsPerSecond: generated.rowsPerSecond, counts: generated.counts },
    ...measured,
    queries: census.api,
    rawQueries: census.raw,
    phaseSeconds: watch.seconds,
  };
  return { run, workloads };
}

/** One database at one scale: generate, sign people in, API against raw and the pages, then (SQLite) the settings comparison. */
async function runDatabase(kind: DbKind, actions: number, options: BenchOptions): Promise<DatabaseRun> {
  const db = await createBenchDatabase(kind, `${kind}-${actions}`);
  const watch = new Stopwatch();
  try {
    log(`\n[${kind} ${actions}] generating into ${db.config.kind === 'sqlite' ? db.config.file : db.config.url}`);
    const source = await openDatabase(db.config, APP_SCHEMA);
    const { run, workloads } = await measureOnServers(db, source, actions, options, watch);
    run.dbSizeMb = sizeMb(db); // once the servers have closed the file (the last one out checkpoints the WAL)
    if (options.pragmas && kind === 'sqlite') {
      log(`[${kind} ${actions}] SQLite settings`);
      run.pragmas = await watch.time('pragmas', () => comparePragmas(db, workloads, options, log));
    }
    log(`[${kind} ${actions}] wall time: ${watch} (start runs alongside sign-in)`);
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
      date: new Date().toISOString().slice(0, 10),
      command: `npm run bench -- ${argv.join(' ')}`.trim(),
      actions,
      quick: options.quick,
      connections: options.connections,
      durationSeconds: options.durationMs / 1000,
      machine: machine(),
      runs: [],
      extras: {},
      totalSeconds: 0,
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
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
