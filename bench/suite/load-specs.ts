import { BenchDatabase } from '../dataset/bench-database';
import { LoadSpec } from '../load/load-spec';
import { refreshToggles, Workload } from '../load/workloads';
import { openRawPostgres, openRawSqlite, RawDb } from '../servers/raw-db';
import { BenchOptions } from './options';

/** A read-only side connection for bookkeeping between runs (never during one). */
export function sideConnection(db: BenchDatabase): RawDb {
  return db.config.kind === 'sqlite' ? openRawSqlite(db.config.file, ['busy_timeout = 5000'], 'BEGIN', 'commit') : openRawPostgres(db.config.url);
}

/** What the load generator runs for one workload against `ports`; status toggles are re-read first, since every run moves them on. */
export async function specFor(workload: Workload, name: string, ports: number[], options: BenchOptions, db: BenchDatabase): Promise<LoadSpec> {
  const base = { name, ports, connections: options.connections, warmupMs: options.warmupMs, durationMs: options.durationMs, html: workload.html };
  if (!workload.toggles) return { ...base, requests: workload.requests };
  const side = sideConnection(db);
  try {
    return { ...base, toggles: await refreshToggles(side, workload.toggles) };
  } finally {
    await side.close();
  }
}
