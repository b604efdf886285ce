import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openDatabase } from '@app/database/data-source';
import { APP_SCHEMA } from '@app/reminders/schema';
import { createApiTokens } from '../dataset/api-tokens';
import { BenchDatabase, createBenchDatabase, DbKind } from '../dataset/bench-database';
import { pagePeople, signIn } from '../dataset/browser-sessions';
import { generateDataset } from '../dataset/generate-dataset';
import { runLoad } from '../load/run-load';
import { buildPageWorkloads, buildWorkloads, Workload } from '../load/workloads';
import { freePort } from '../servers/server-process';
import { specFor } from '../suite/load-specs';
import { BenchOptions } from '../suite/options';
import { alternateLine, alternateRequests, requestCount } from './alternate';
import { builtApis, ProfiledApi, startProfiledApi } from './api-child';
import { CpuProfile, summariseProfile } from './profile-buckets';
import { pct, ProfileRow, profileTable, topFunctions } from './profile-table';

const ROOT = path.resolve(__dirname, '../../..');
const USAGE = `node dist/bench/profile/profile-routes.js [--actions 10000] [--db sqlite,postgres] [--routes my-actions,dashboard,...|all]
  [--pages] [--duration 3] [--connections 10] [--rounds 1] [--api label=/checkout[,label=/other]] [--out dir]
  [--alternate 2000]  (no profiles: that many requests one at a time, the builds taking turns at each; reads and pages only)`;

interface Options {
  actions: number;
  databases: DbKind[];
  routes: string[] | 'all';
  pages: boolean;
  rounds: number;
  /** Requests sent one at a time to each build in turn, instead of profiling under load (0: profile). */
  alternate: number;
  apis: { label: string; root: string }[];
  out: string;
  load: BenchOptions;
}

function parse(argv: string[]): Options {
  const value = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const known = ['--actions', '--db', '--routes', '--pages', '--duration', '--connections', '--rounds', '--api', '--out', '--alternate', '--help'];
  for (const arg of argv) if (arg.startsWith('--') && !known.includes(arg)) throw new Error(`Unknown option ${arg}\n${USAGE}`);
  if (argv.includes('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const apis = builtApis(value('--api') ?? `api=${ROOT}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const durationMs = Math.round(Number(value('--duration') ?? 3) * 1000);
  const connections = Number(value('--connections') ?? 10);
  return {
    actions: Number(value('--actions') ?? 10000),
    databases: (value('--db') ?? 'sqlite,postgres').split(',') as DbKind[],
    routes: value('--routes') === undefined || value('--routes') === 'all' ? 'all' : value('--routes')!.split(','),
    pages: argv.includes('--pages'),
    rounds: Number(value('--rounds') ?? 1),
    alternate: requestCount('--alternate', value('--alternate'), USAGE),
    apis,
    out: path.resolve(value('--out') ?? path.join(os.tmpdir(), `it-profiles-${stamp}`)),
    load: { scales: [], databases: [], quick: false, connections, warmupMs: 1000, durationMs, pragmas: false, extras: false, writeDoc: false, keep: false },
  };
}

async function profileOne(api: ProfiledApi, workload: Workload, db: BenchDatabase, options: Options, round: number): Promise<ProfileRow> {
  const file = path.join(options.out, `${api.label}-${db.kind}-${workload.key}-${round}.cpuprofile`);
  const spec = await specFor(workload, `${api.label} ${workload.key}`, [api.port], options.load, db);
  const loadAverage = os.loadavg().map((v) => Math.round(v * 100) / 100);
  await api.start();
  const cpuBefore = api.cpuSeconds();
  const result = await runLoad(spec);
  const cpuMsPerRequest = ((api.cpuSeconds() - cpuBefore) * 1000) / Math.max(1, result.requests);
  await api.stop(file);
  const summary = summariseProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile);
  return {
    api: api.label,
    database: db.kind,
    route: workload.key,
    round,
    rps: result.rps,
    cpuMsPerRequest,
    p95Ms: result.latencyMs.p95,
    errors: result.errors,
    loadAverage,
    file,
    summary,
  };
}

async function profileDatabase(kind: DbKind, options: Options, log: (line: string) => void): Promise<ProfileRow[]> {
  const db = await createBenchDatabase(kind, `profile-${kind}-${options.actions}`);
  const apis: ProfiledApi[] = [];
  try {
    const source = await openDatabase(db.config, APP_SCHEMA);
    const generated = await generateDataset(source, options.actions);
    log(`[${kind} ${options.actions}] ${generated.rows.toLocaleString('en-GB')} rows in ${generated.seconds.toFixed(1)} s`);
    const tokens = await createApiTokens(source, generated.fixtures);
    const sessions = options.pages ? await signIn(source, pagePeople(generated.fixtures, 10)) : new Map<string, string>();
    await source.destroy();
    const workloads = [...buildWorkloads(generated.fixtures, tokens), ...(options.pages ? buildPageWorkloads(generated.fixtures, sessions) : [])].filter(
      (w) => options.routes === 'all' || options.routes.includes(w.key),
    );
    for (const { label, root } of options.apis) apis.push(await startProfiledApi(label, root, await freePort(), db.env));
    if (options.alternate > 0) {
      for (const workload of workloads) await logAlternate(apis, workload, options.alternate, kind, log);
      return [];
    }
    const rows: ProfileRow[] = [];
    for (const workload of workloads)
      for (let round = 1; round <= options.rounds; round++) {
        // Interleaved, and the order turns each round, so neither build always goes first.
        const order = round % 2 === 1 ? apis : [...apis].reverse();
        for (const api of order) {
          const row = await profileOne(api, workload, db, options, round);
          rows.push(row);
          const top = topFunctions(row.summary, 3);
          log(
            `  ${row.api.padEnd(10)} ${kind.padEnd(8)} ${workload.key.padEnd(18)} ${row.rps.toFixed(0).padStart(6)} req/s ${row.cpuMsPerRequest.toFixed(2)} CPU ms/req p95 ${row.p95Ms.toFixed(1).padStart(6)} ms busy ${pct(1 - row.summary.share.idle)}% load ${row.loadAverage[0]}${row.errors ? ` errors ${row.errors}` : ''} | ${top}`,
          );
        }
      }
    return rows;
  } finally {
    for (const api of apis) await api.close();
    await db.drop();
  }
}

async function logAlternate(apis: ProfiledApi[], workload: Workload, count: number, kind: DbKind, log: (line: string) => void) {
  if (workload.write) return log(`  ${workload.key}: not taken in turn (a write: each build's requests would change what the other's read)`);
  for (const row of await alternateRequests(apis, workload, count)) log(alternateLine(row, kind));
}

async function main() {
  const options = parse(process.argv.slice(2));
  fs.mkdirSync(options.out, { recursive: true });
  const log = (line: string) => console.log(line);
  log(
    `${options.alternate > 0 ? 'Requests taken in turn, no profiles' : `CPU profiles into ${options.out}`} (load average ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}, ${os.cpus().length} CPUs)`,
  );
  const rows: ProfileRow[] = [];
  for (const kind of options.databases) rows.push(...(await profileDatabase(kind, options, log)));
  if (options.alternate > 0) return;
  fs.writeFileSync(path.join(options.out, 'summary.json'), JSON.stringify({ argv: process.argv.slice(2), loadAverageAtEnd: os.loadavg(), rows }, null, 2));
  const table = profileTable(rows);
  fs.writeFileSync(path.join(options.out, 'summary.md'), `${table}\n`);
  log(`\nShare of the API's busy time (%), by where the sampled frame's code lives:\n${table}`);
  log(`\nTop functions by self time:`);
  for (const r of rows) log(`  ${r.api} ${r.database} ${r.route}: ${topFunctions(r.summary)}`);
  log(
    `\nLoad average at the end ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}; profiles and summary.json in ${options.out}`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
