import { BenchDatabase } from '../dataset/bench-database';
import { LoadSpec } from '../load/load-spec';
import { runLoad } from '../load/run-load';
import { refreshToggles, Workload } from '../load/workloads';
import { RouteResult } from '../report/results';
import { openRawPostgres, openRawSqlite, RawDb } from '../servers/raw-db';
import { freePort, ServerProcess, startApi, startRawServer } from '../servers/server-process';
import { BenchOptions } from './options';

/** A read-only side connection for bookkeeping between runs (never during one). */
export function sideConnection(db: BenchDatabase): RawDb {
  return db.config.kind === 'sqlite' ? openRawSqlite(db.config.file, ['busy_timeout = 5000']) : openRawPostgres(db.config.url);
}

export async function specFor(workload: Workload, name: string, ports: number[], options: BenchOptions, db: BenchDatabase): Promise<LoadSpec> {
  const base = { name, ports, connections: options.connections, warmupMs: options.warmupMs, durationMs: options.durationMs };
  if (!workload.toggles) return { ...base, requests: workload.requests };
  const side = sideConnection(db);
  try {
    return { ...base, toggles: await refreshToggles(side, workload.toggles) };
  } finally {
    await side.close();
  }
}

/** Each route against the real API and against the raw server, one after the other, on the same data. */
export async function measureApiVsRaw(db: BenchDatabase, workloads: Workload[], options: BenchOptions, log: (line: string) => void) {
  const [apiPort, rawPort] = [await freePort(), await freePort()];
  let api: ServerProcess | undefined;
  let raw: ServerProcess | undefined;
  try {
    api = await startApi(apiPort, db.env);
    const apiAtStartMb = api.memory().rssMb;
    raw = await startRawServer(db.config.kind === 'sqlite' ? { port: rawPort, sqliteFile: db.config.file } : { port: rawPort, postgresUrl: db.config.url });
    const routes: RouteResult[] = [];
    for (const workload of workloads) {
      const ours = await runLoad(await specFor(workload, `api ${workload.key}`, [apiPort], options, db));
      const theirs = await runLoad(await specFor(workload, `raw ${workload.key}`, [rawPort], options, db));
      const ratio = theirs.rps > 0 ? ours.rps / theirs.rps : 0;
      routes.push({ key: workload.key, label: workload.label, api: ours, raw: theirs, ratio });
      log(`  ${workload.label.padEnd(30)} api ${ours.rps.toFixed(0).padStart(6)} req/s p95 ${ours.latencyMs.p95.toFixed(1).padStart(6)} ms | raw ${theirs.rps.toFixed(0).padStart(6)} req/s p95 ${theirs.latencyMs.p95.toFixed(1).padStart(6)} ms | ratio ${ratio.toFixed(2)}${ours.errors || theirs.errors ? ` | errors api ${ours.errors} raw ${theirs.errors}` : ''}`);
      if (ours.firstError) log(`    api error: ${ours.firstError}`);
      if (theirs.firstError) log(`    raw error: ${theirs.firstError}`);
    }
    const a = api.memory();
    return { routes, memory: { apiAtStartMb, apiPeakMb: a.peakMb, apiRssMb: a.rssMb, rawPeakMb: raw.memory().peakMb } };
  } finally {
    await api?.stop();
    await raw?.stop();
  }
}
