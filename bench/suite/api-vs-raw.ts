import { BenchDatabase } from '../dataset/bench-database';
import { runPairInTurn } from '../load/run-load';
import { Workload } from '../load/workloads';
import { RouteResult } from '../report/results';
import { Stopwatch } from '../report/stopwatch';
import { LoadResult } from '../load/load-spec';
import { freePort, rawOptionsFor, ServerProcess, startApi, startRawServer } from '../servers/server-process';
import { BenchOptions } from './options';
import { specFor } from './load-specs';
import { roundsFor } from './in-turn';
import { measurePages } from './pages';

/** The real API and the raw server for one database, both running. */
export interface Servers {
  api: ServerProcess;
  raw: ServerProcess;
  /** API RSS right after it started, before any request. */
  apiAtStartMb: number;
  stop(): Promise<void>;
}

/** Starts the API and the raw server side by side; if either fails to start, stops the other. */
export async function startServers(db: BenchDatabase): Promise<Servers> {
  const [apiPort, rawPort] = [await freePort(), await freePort()];
  const started = await Promise.allSettled([startApi(apiPort, db.env), startRawServer(rawOptionsFor(db.config, rawPort))]);
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (failed) {
    for (const server of running) await server.stop();
    throw failed.reason;
  }
  const [api, raw] = running;
  const stop = async () => {
    for (const server of running) await server.stop();
  };
  return { api, raw, apiAtStartMb: api.memory().rssMb, stop };
}

/**
 * Each route against the real API and against the raw server, in turn, on the same data; then the
 * web pages against the same API.
 */
export async function measureApiVsRaw(
  servers: Servers,
  db: BenchDatabase,
  workloads: Workload[],
  pages: Workload[],
  options: BenchOptions,
  log: (line: string) => void,
  watch: Stopwatch,
) {
  const { api, raw } = servers;
  const routes = await watch.time('routes', () => measureRoutes(db, workloads, { api: api.port, raw: raw.port }, options, log));
  const { peakMb: apiPeakMb, rssMb: apiRssMb } = api.memory();
  const pageResults = await watch.time('pages', () => measurePages(db, pages, api.port, options, log));
  const memory = {
    apiAtStartMb: servers.apiAtStartMb,
    apiPeakMb,
    apiPeakWithPagesMb: api.memory().peakMb,
    apiRssMb,
    rawPeakMb: raw.memory().peakMb,
  };
  return { routes, pages: pageResults, memory };
}

async function measureRoutes(
  db: BenchDatabase,
  workloads: Workload[],
  ports: { api: number; raw: number },
  options: BenchOptions,
  log: (line: string) => void,
): Promise<RouteResult[]> {
  const routes: RouteResult[] = [];
  const ratioOf = (a: LoadResult, b: LoadResult) => (b.rps > 0 ? a.rps / b.rps : 0);
  const rounds = roundsFor(options.quick);
  for (const workload of workloads) {
    const pair = await runPairInTurn(
      {
        first: () => specFor(workload, `api ${workload.key}`, [ports.api], options, db),
        second: () => specFor(workload, `raw ${workload.key}`, [ports.raw], options, db),
      },
      rounds,
    );
    const [ours, theirs] = [pair.first, pair.second];
    const ratio = ratioOf(ours, theirs);
    routes.push({
      key: workload.key,
      label: workload.label,
      write: workload.write,
      api: ours,
      raw: theirs,
      ratio,
      windows: rounds,
      windowRatios: pair.windowRatios,
    });
    const errors = ours.errors || theirs.errors ? ` | errors api ${ours.errors} raw ${theirs.errors}` : '';
    log(
      `  ${workload.label.padEnd(30)} api ${ours.rps.toFixed(0).padStart(6)} req/s p95 ${ours.latencyMs.p95.toFixed(1).padStart(6)} ms | raw ${theirs.rps.toFixed(0).padStart(6)} req/s p95 ${theirs.latencyMs.p95.toFixed(1).padStart(6)} ms | ratio ${ratio.toFixed(2)}${errors}`,
    );
    if (ours.firstError) log(`    api error: ${ours.firstError}`);
    if (theirs.firstError) log(`    raw error: ${theirs.firstError}`);
  }
  return routes;
}
