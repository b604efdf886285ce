import { SQLITE_PRAGMAS } from '@app/database/data-source';
import { BenchDatabase } from '../dataset/bench-database';
import { LoadResult } from '../load/load-spec';
import { runLoad } from '../load/run-load';
import { readMix, Workload } from '../load/workloads';
import { PragmaResult } from '../report/results';
import type { Checkpoints } from '../servers/raw-db';
import { freePort, ServerProcess, startRawServer } from '../servers/server-process';
import { BenchOptions } from './options';
import { specFor } from './load-specs';

const APP = [...SQLITE_PRAGMAS, 'journal_mode = WAL'];
const without = (...names: string[]) => APP.filter((p) => !names.some((n) => p.startsWith(n)));
/** The page cache a list of settings asks for, in MB (a negative cache_size is in KiB). */
const cacheMb = (pragmas: string[]) => Math.round(-Number(/cache_size = (-?\d+)/.exec(pragmas.join(';'))![1]) / 1000);
const withCache = (kib: number) => [...without('cache_size'), `cache_size = -${kib}`];

/** The settings compared; each changes one thing from the app's (SQLITE_PRAGMAS + WAL, checkpoints on a thread of their own). */
export const PRAGMA_SETS: { label: string; pragmas: string[]; processes?: number; begin?: string; checkpoints?: Checkpoints }[] = [
  { label: `app: WAL, NORMAL, ${cacheMb(APP)} MB cache`, pragmas: APP },
  { label: 'checkpoints in the commit (SQLite default)', pragmas: APP, checkpoints: 'commit' },
  { label: 'WAL, synchronous FULL', pragmas: [...without('synchronous'), 'synchronous = FULL'] },
  // No write-ahead log, so nothing for a thread to checkpoint.
  {
    label: 'DELETE journal, synchronous FULL',
    pragmas: [...without('synchronous', 'journal_mode'), 'journal_mode = DELETE', 'synchronous = FULL'],
    checkpoints: 'commit',
  },
  // SQLite's default, the app's until 2026-12-05, and a large one.
  ...[2000, 32000, 256000].map((kib) => ({ label: `WAL, NORMAL, ${Math.round(kib / 1000)} MB cache`, pragmas: withCache(kib) })),
  { label: 'WAL, NORMAL, mmap 1 GB', pragmas: [...APP, 'mmap_size = 1073741824'] },
  { label: 'two processes, busy_timeout 0', pragmas: [...without('busy_timeout'), 'busy_timeout = 0'], processes: 2 },
  { label: 'two processes, busy_timeout 5000', pragmas: APP, processes: 2 },
  // A deferred transaction that reads and then writes cannot wait for another process's write lock
  // (SQLITE_BUSY_SNAPSHOT skips the busy handler); taking the lock up front lets busy_timeout work.
  { label: 'two processes, busy_timeout 5000, BEGIN IMMEDIATE', pragmas: APP, processes: 2, begin: 'BEGIN IMMEDIATE' },
];

/** The raw server under each setting: the database layer alone, so the settings' effect is not diluted. Best of two rounds. */
export async function comparePragmas(db: BenchDatabase, workloads: Workload[], options: BenchOptions, log: (line: string) => void): Promise<PragmaResult[]> {
  if (db.config.kind !== 'sqlite') return [];
  const file = db.config.file;
  const reads = { key: 'my-actions', label: 'read mix', write: false, requests: readMix(workloads) } as Workload;
  const writes = workloads.find((w) => w.key === 'status-update')!;
  const short = { ...options, durationMs: Math.max(1000, Math.round(options.durationMs * 0.6)) };
  // The machine may be shared: each setting is measured in two rounds, interleaved with the others,
  // and the better round kept, since outside load only ever slows a run down.
  const rounds = options.quick ? 1 : 2;
  const best = new Map<string, PragmaResult>();
  const better = (a: LoadResult | null, b: LoadResult | null) => (!a ? b : !b ? a : b.rps > a.rps ? b : a);
  for (let round = 0; round < rounds; round++) {
    for (const set of PRAGMA_SETS) {
      const processes = set.processes ?? 1;
      const servers: ServerProcess[] = [];
      try {
        for (let i = 0; i < processes; i++)
          servers.push(
            await startRawServer({ port: await freePort(), sqliteFile: file, pragmas: set.pragmas, begin: set.begin, checkpoints: set.checkpoints }),
          );
        const ports = servers.map((s) => s.port);
        const read = processes === 1 ? await runLoad(await specFor(reads, `pragmas read ${set.label}`, ports, short, db)) : null;
        const write = await runLoad(await specFor(writes, `pragmas write ${set.label}`, ports, short, db));
        const kept = best.get(set.label);
        best.set(set.label, {
          label: set.label,
          pragmas: set.pragmas,
          processes,
          read: better(kept?.read ?? null, read),
          write: better(kept?.write ?? null, write)!,
        });
      } finally {
        for (const s of servers) await s.stop();
      }
    }
  }
  const results = PRAGMA_SETS.map((set) => best.get(set.label)!);
  for (const r of results) {
    log(
      `  ${r.label.padEnd(50)} read ${r.read ? `${r.read.rps.toFixed(0).padStart(6)} req/s p95 ${r.read.latencyMs.p95.toFixed(1).padStart(6)} ms` : '      -                  '} | write ${r.write.rps.toFixed(0).padStart(6)} req/s p95 ${r.write.latencyMs.p95.toFixed(1).padStart(6)} ms errors ${r.write.errors}`,
    );
  }
  return results;
}
