import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { BenchDatabase } from '../dataset/bench-database';
import { RequestSpec, requestHeaders } from '../load/load-spec';
import { refreshToggles, Workload } from '../load/workloads';
import { API_MAIN, freePort, rawOptionsFor, ServerProcess, startNodeServer, startRawServer } from '../servers/server-process';
import { sideConnection } from './load-specs';

export interface RouteQueries {
  key: string;
  status: number;
  queries: string[];
}

/** The SQL of one request per route: the API's (routes and pages) and the raw server's (routes), to compare. */
export interface QueryCensus {
  api: RouteQueries[];
  raw: RouteQueries[];
}

const PRELOAD = path.join(__dirname, '../servers/query-census-preload.js');

export function send(port: number, r: RequestSpec): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers: requestHeaders(r) }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(r.body);
  });
}

/** Two requests of a workload: a status toggle's first action flipped and flipped back (at its current version), or its first two requests. */
async function requestPair(db: BenchDatabase, w: Workload): Promise<[RequestSpec, RequestSpec]> {
  if (!w.requests) {
    const side = sideConnection(db);
    const [t] = await refreshToggles(side, w.toggles!.slice(0, 1)).finally(() => side.close());
    const flip = (status: string) => (status === 'in_progress' ? 'not_started' : 'in_progress');
    const [first, second] = [t, { ...t, version: t.version + 1, status: flip(t.status) }].map((s): RequestSpec => ({
      method: 'POST',
      path: `/api/v1/actions/${s.id}/status`,
      token: s.token,
      body: JSON.stringify({ version: s.version, status: flip(s.status) }),
    }));
    return [first, second];
  }
  return [w.requests[0], w.requests[1 % w.requests.length]];
}

/** One request per workload against a server that appends its SQL to `log`; the second of two is counted, so one-off work (a session's first touch) is left out. */
async function census(db: BenchDatabase, server: ServerProcess, log: string, workloads: Workload[]): Promise<RouteQueries[]> {
  try {
    const results: RouteQueries[] = [];
    for (const w of workloads) {
      const [first, second] = await requestPair(db, w);
      await send(server.port, first);
      fs.writeFileSync(log, '');
      const status = await send(server.port, second);
      results.push({ key: w.key, status, queries: fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) });
    }
    return results;
  } finally {
    await server.stop();
  }
}

// Set either way, so that what the shell exports does not change the lines' form.
const logEnv = (log: string, withValues: boolean) => ({ BENCH_QUERY_LOG: log, BENCH_QUERY_PARAMS: withValues ? '1' : '' });

/**
 * An API process (never the measured one) that appends each statement it sends to `log`: as text, or
 * with `withValues` as JSON lines holding the values bound too (bench/profile/statement-times.ts).
 */
export async function startLoggingApi(dbEnv: Record<string, string>, log: string, withValues = false): Promise<ServerProcess> {
  const port = await freePort();
  const env = { ...dbEnv, ...logEnv(log, withValues), PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', NODE_OPTIONS: `--require ${PRELOAD}` };
  return startNodeServer('api (statement log)', API_MAIN, [], env, port, /listening on/);
}

/** The API (with the logging preload) and the raw server, one after the other. */
export async function queryCensus(db: BenchDatabase, workloads: Workload[], pages: Workload[]): Promise<QueryCensus> {
  const log = path.join(db.dataDir, 'queries.log');
  const apiQueries = await census(db, await startLoggingApi(db.env, log), log, [...workloads, ...pages]);
  const raw = await startRawServer(rawOptionsFor(db.config, await freePort()), logEnv(log, false));
  return { api: apiQueries, raw: await census(db, raw, log, workloads) };
}

/**
 * A statement as the two servers' are compared: the start of a transaction as one word (the app's SQLite
 * driver turns TypeORM's logged "BEGIN TRANSACTION" into BEGIN IMMEDIATE), and numbers, which TypeORM
 * writes into SQLite's text, left out (each server's status update moves a version on).
 */
const comparable = (sql: string) => (/^(BEGIN|START TRANSACTION)\b/i.test(sql) ? 'BEGIN' : sql.replace(/\b\d+\b/g, '#'));

/** Each route the raw server answers: its statement counts, API and raw, and whether the statements are the same ones in the same order. */
export function censusComparison({ api, raw }: QueryCensus) {
  return raw.map((r) => {
    const ours = api.find((a) => a.key === r.key)?.queries ?? [];
    const same = ours.length === r.queries.length && ours.every((q, i) => comparable(q) === comparable(r.queries[i]));
    return { key: r.key, api: ours.length, raw: r.queries.length, same };
  });
}
