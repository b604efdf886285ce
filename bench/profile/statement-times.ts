import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseConfig, loadConfig } from '@app/config';
import { SESSION_COOKIE } from '../../apps/api/src/common/auth.guard';
import { openDatabase, SQLITE_PRAGMAS } from '@app/database/data-source';
import { APP_SCHEMA } from '@app/reminders/schema';
import { benchAuthService } from '../dataset/api-tokens';
import { spreadOver } from '../dataset/browser-sessions';
import { BENCH_PASSWORD } from '../dataset/generate-dataset';
import { RequestSpec } from '../load/load-spec';
import { send, startLoggingApi } from '../suite/query-census';
import { freePort } from '../servers/server-process';
import { builtApis, ProfiledApi, startProfiledApi } from './api-child';
import { alternateLine, alternateRequests, requestCount } from './alternate';
import { CpuProfile, summariseProfile } from './profile-buckets';
import { ProfileRow, profileTable, topFunctions } from './profile-table';
import { StatementSample, statementMarkdown, statementTable } from './statement-table';

const USAGE = `node dist/bench/profile/statement-times.js (--data <folder of a kept SQLite bench database> | --database-url <a kept PostgreSQL one>) [--pages review,meeting,decision,dashboard,reviews,meetings] [--councils 20] [--rounds 3]
  [--profile <dir> [--repeat 20]]  (then the API's CPU on each page, one request at a time, each address sent that many times, with a CPU profile in <dir>)
  [--alternate 1000 --api label=/checkout,label=/other]  (instead of timing statements: each page's addresses sent to the builds in turn, one request at a time, no profiles)
  Keep one with: npm run bench -- --actions 1000000 --db sqlite --no-pragmas --no-extras --no-doc --keep (it prints "kept <folder>";
  about 14.4 GB at that scale, under BENCH_DATA_DIR or the temp folder; it writes bench/results/<date>-1000000.json as any run does)`;

/** Each active plan's latest held meeting (as the bench's meeting page reads them). */
const LATEST_HELD_MEETINGS = `SELECT m."id" FROM "meeting" m JOIN "improvement_plan" p ON p."id" = m."planId" WHERE m."authorityId" = ? AND p."status" = 'active' AND m."status" = 'held'
  AND m."date" = (SELECT MAX(h."date") FROM "meeting" h WHERE h."planId" = m."planId" AND h."status" = 'held')`;

/** The pages a chair reads, as the bench picks them (bench/load/workloads.ts), found in the kept data: each of a council's (a list: once). */
const PAGES: Record<string, { sql?: string; path: (id: string) => string }> = {
  review: {
    sql: `SELECT r."id" FROM "review" r JOIN "improvement_plan" p ON p."id" = r."planId" WHERE r."authorityId" = ? AND r."status" = 'draft' AND p."status" = 'active'`,
    path: (id) => `/reviews/${id}`,
  },
  meeting: {
    sql: LATEST_HELD_MEETINGS,
    path: (id) => `/meetings/${id}`,
  },
  // The decision form of the same meetings (its own page since the twelfth round).
  decision: {
    sql: LATEST_HELD_MEETINGS,
    path: (id) => `/meetings/${id}/decision`,
  },
  dashboard: { sql: `SELECT "id" FROM "improvement_plan" WHERE "authorityId" = ? AND "status" = 'active'`, path: (id) => `/plans/${id}` },
  reviews: { path: () => '/reviews' },
  meetings: { path: () => '/meetings' },
};

interface Options {
  /** Where the API finds the kept database: DATA_DIR (SQLite) or DATABASE_URL. */
  apiEnv: Record<string, string>;
  database: DatabaseConfig;
  /** Where the statement log goes. */
  workDir: string;
  pages: string[];
  councils: number;
  rounds: number;
  /** Where the pages' CPU profiles go (none: no profiling). */
  profileDir?: string;
  repeat: number;
  /** Requests sent one at a time to each build in turn (0: time the statements instead). */
  alternate: number;
  apis: { label: string; root: string }[];
}

function parse(argv: string[]): Options {
  const value = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const dataDir = value('--data');
  const url = value('--database-url');
  const apiEnv: Record<string, string> = url ? { DATABASE_URL: url } : { DATA_DIR: dataDir ?? '' };
  const database = loadConfig(apiEnv).database;
  if (!url && (!dataDir || database.kind !== 'sqlite' || !fs.existsSync(database.file)))
    throw new Error(`--data must be a folder holding the SQLite database a bench run kept (or give --database-url)\n${USAGE}`);
  const pages = (value('--pages') ?? Object.keys(PAGES).join(',')).split(',');
  const alternate = requestCount('--alternate', value('--alternate'), USAGE);
  if (value('--api') !== undefined && alternate === 0) throw new Error(`--api names the builds that --alternate takes in turn: give both\n${USAGE}`);
  for (const p of pages) if (!PAGES[p]) throw new Error(`Unknown page "${p}": one of ${Object.keys(PAGES).join(', ')}\n${USAGE}`);
  return {
    apiEnv,
    database,
    workDir: dataDir ?? os.tmpdir(),
    pages,
    councils: Number(value('--councils') ?? 20),
    rounds: Math.max(2, Number(value('--rounds') ?? 3)),
    profileDir: value('--profile'),
    repeat: Math.max(1, Number(value('--repeat') ?? 20)),
    alternate,
    apis: alternate > 0 ? builtApis(value('--api') ?? `api=${process.cwd()}`) : [],
  };
}

/** The chairs of `councils` councils spread over the data, signed in as at the sign-in page, and the addresses of each page they read. */
async function addresses(options: Options): Promise<Map<string, RequestSpec[]>> {
  const db = await openDatabase(options.database, APP_SCHEMA);
  // The finding statements are written for SQLite: each has one value.
  const placeholders = (sql: string) => (options.database.kind === 'postgres' ? sql.replace(/\?/g, '$1') : sql);
  try {
    const chairs = (await db.query(
      `SELECT u."id", u."email", m."authorityId" FROM "membership" m JOIN "app_user" u ON u."id" = m."userId" WHERE m."roles" LIKE '%"board_chair"%' ORDER BY m."authorityId", u."id"`,
    )) as { email: string; authorityId: string }[];
    const auth = benchAuthService(db);
    const found = new Map(options.pages.map((p) => [p, [] as RequestSpec[]]));
    for (const chair of spreadOver(chairs, options.councils)) {
      const { secret } = await auth.signIn(chair.email, BENCH_PASSWORD, '127.0.0.1', chair.authorityId);
      for (const page of options.pages) {
        const { sql } = PAGES[page];
        const ids = sql ? ((await db.query(placeholders(sql), [chair.authorityId])) as { id: string }[]) : [{ id: '' }];
        found.get(page)!.push(...ids.map((r): RequestSpec => ({ method: 'GET', path: PAGES[page].path(r.id), cookie: `${SESSION_COOKIE}=${secret}` })));
      }
    }
    return found;
  } finally {
    await db.destroy();
  }
}

/** Sends the request, refusing any answer but 200 (a page that fails would be measured as a fast one). */
async function sendOk(port: number, address: RequestSpec): Promise<void> {
  const status = await send(port, address);
  if (status !== 200) throw new Error(`${address.path} answered ${status}`);
}

/** Each page's statements with their values, as the API sent them (each address read once before, so one-off work is left out). */
async function logStatements(options: Options, pages: Map<string, RequestSpec[]>) {
  const log = path.join(options.workDir, `statement-times-${process.pid}.log`);
  const api = await startLoggingApi(options.apiEnv, log, true);
  const logged = new Map<string, { sql: string; params: unknown[] }[]>();
  try {
    for (const [page, list] of pages) {
      for (const address of list) await send(api.port, address);
      fs.writeFileSync(log, '');
      for (const address of list) await sendOk(api.port, address);
      const lines = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
      logged.set(
        page,
        lines.map((l) => JSON.parse(l) as { sql: string; params: unknown[] }),
      );
    }
  } finally {
    await api.stop();
    fs.rmSync(log, { force: true });
  }
  return logged;
}

type Logged = Map<string, { sql: string; params: unknown[] }[]>;

/** Every read statement again on its own, `rounds` times (the first not counted). */
function timeStatements(options: Options, logged: Logged): Promise<StatementSample[]> {
  const { database } = options;
  return database.kind === 'sqlite' ? Promise.resolve(timeOnSqlite(database.file, options.rounds, logged)) : timeOnPostgres(database, options.rounds, logged);
}

/** On a read-only connection with the API's page cache. */
function timeOnSqlite(file: string, rounds: number, logged: Logged): StatementSample[] {
  const db = new Database(file, { readonly: true });
  SQLITE_PRAGMAS.filter((p) => p.startsWith('cache_size')).forEach((p) => db.pragma(p));
  const samples: StatementSample[] = [];
  try {
    for (let round = 0; round < rounds; round++)
      for (const [page, statements] of logged)
        for (const { sql, params } of statements) {
          const statement = db.prepare(sql);
          if (!statement.reader) continue;
          const started = process.hrtime.bigint();
          const rows = statement.all(...params).length;
          const micros = Number(process.hrtime.bigint() - started) / 1000;
          if (round > 0) samples.push({ page, sql, micros, rows });
        }
  } finally {
    db.close();
  }
  return samples;
}

/** On one connection, in a read-only transaction rolled back at the end; each statement sent with its values, as the API sends it (from its client to its answer). */
async function timeOnPostgres(database: DatabaseConfig, rounds: number, logged: Logged): Promise<StatementSample[]> {
  const db = await openDatabase(database, { entities: [], migrations: [] });
  const runner = db.createQueryRunner();
  const samples: StatementSample[] = [];
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runner.query('SET TRANSACTION READ ONLY');
    for (let round = 0; round < rounds; round++)
      for (const [page, statements] of logged)
        for (const { sql, params } of statements) {
          if (!/^(SELECT|WITH)\b/i.test(sql)) continue;
          const started = process.hrtime.bigint();
          const rows = ((await runner.query(sql, params)) as unknown[]).length;
          const micros = Number(process.hrtime.bigint() - started) / 1000;
          if (round > 0) samples.push({ page, sql, micros, rows });
        }
  } finally {
    await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
    await db.destroy();
  }
  return samples;
}

/**
 * The API's CPU a request on each page, its requests sent one at a time (each address `repeat` times, after
 * one round unprofiled), with a CPU profile of each page in `dir` and where its time went.
 */
async function profilePages(options: Options, dir: string, pages: Map<string, RequestSpec[]>): Promise<ProfileRow[]> {
  fs.mkdirSync(dir, { recursive: true });
  const api = await startProfiledApi('api', process.cwd(), await freePort(), options.apiEnv);
  const rows: ProfileRow[] = [];
  try {
    for (const [page, list] of pages) {
      for (const address of list) await sendOk(api.port, address);
      const file = path.join(dir, `${page}.cpuprofile`);
      const loadAverage = os.loadavg().map((v) => Math.round(v * 100) / 100);
      await api.start();
      const cpuBefore = api.cpuSeconds();
      const started = process.hrtime.bigint();
      const millis: number[] = [];
      for (let round = 0; round < options.repeat; round++)
        for (const address of list) {
          const sent = process.hrtime.bigint();
          await sendOk(api.port, address);
          millis.push(Number(process.hrtime.bigint() - sent) / 1e6);
        }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpuMsPerRequest = ((api.cpuSeconds() - cpuBefore) * 1000) / millis.length;
      await api.stop(file);
      const summary = summariseProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile);
      const p95Ms = millis.sort((a, b) => a - b)[Math.floor(millis.length * 0.95)];
      rows.push({
        api: 'api',
        database: options.database.kind,
        route: page,
        round: 1,
        rps: millis.length / seconds,
        cpuMsPerRequest,
        p95Ms,
        errors: 0,
        loadAverage,
        file,
        summary,
      });
    }
  } finally {
    await api.close();
  }
  return rows;
}

/** Each page's addresses sent to the builds in turn (alternate.ts), on the kept database. */
async function alternatePages(options: Options, pages: Map<string, RequestSpec[]>): Promise<void> {
  const apis: ProfiledApi[] = [];
  try {
    for (const { label, root } of options.apis) apis.push(await startProfiledApi(label, root, await freePort(), options.apiEnv));
    console.log(
      `Requests taken in turn, no profiles (load average ${os
        .loadavg()
        .map((v) => v.toFixed(2))
        .join(' ')})`,
    );
    for (const [key, requests] of pages)
      for (const row of await alternateRequests(apis, { key, requests }, options.alternate)) console.log(alternateLine(row, options.database.kind));
  } finally {
    for (const api of apis) await api.close();
  }
}

async function main() {
  const options = parse(process.argv.slice(2));
  const pages = await addresses(options);
  if (options.alternate > 0) return alternatePages(options, pages);
  const logged = await logStatements(options, pages);
  const samples = await timeStatements(options, logged);
  const requested = new Map([...pages].map(([page, list]) => [page, list.length * (options.rounds - 1)]));
  const how = options.database.kind === 'sqlite' ? "on a read-only connection with the API's cache" : 'on one connection, each sent with its values';
  console.log(`Statements of each page, timed one at a time ${how} (${options.rounds - 1} rounds counted):\n`);
  console.log(statementMarkdown(statementTable(samples, requested)));
  if (!options.profileDir) return;
  const rows = await profilePages(options, options.profileDir, pages);
  console.log(`\nThe API's CPU on each page, one request at a time (each address ${options.repeat} times), share of its busy time:\n`);
  console.log(profileTable(rows));
  for (const row of rows) console.log(`\n${row.route}: ${topFunctions(row.summary)}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
