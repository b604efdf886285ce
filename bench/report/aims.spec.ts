import { LoadResult } from '../load/load-spec';
import { aimsTable, checkAims } from './aims';
import { BenchResults, DatabaseRun } from './results';

const load = (rps: number, p95: number) => ({ rps, latencyMs: { p50: p95 / 2, p95, p99: p95 * 2 } }) as LoadResult;
const route = (label: string, write: boolean, ratio: number, p95: number) => ({
  key: label,
  label,
  write,
  api: load(1000 * ratio, p95),
  raw: load(1000, p95),
  ratio,
});

function results(overrides: { run?: Partial<DatabaseRun>; reminders?: unknown } = {}): BenchResults {
  const run: DatabaseRun = {
    database: 'sqlite',
    generation: { seconds: 1, rows: 1, rowsPerSecond: 1, counts: {} },
    routes: [route('read', false, 0.8, 10), route('write', true, 0.6, 12)],
    pages: [{ key: 'page', label: 'page', api: load(500, 40) }],
    memory: { apiPeakMb: 240, apiPeakWithPagesMb: 262, apiRssMb: 230, rawPeakMb: 190 },
    ...overrides.run,
  };
  const reminders = overrides.reminders ?? {
    inApp: { ratio: 0.9, roundRatios: [0.8, 0.9, 1] },
    email: { ratio: 0.8, roundRatios: [0.8, 0.8, 0.8] },
    quarterEnd: { actionReminders: 100_000, digests: 3000, lateness: { p50Ms: 4000, p99Ms: 9000, maxMs: 9500 } },
  };
  return {
    date: '2026-12-05',
    command: 'npm run bench',
    actions: 10_000,
    quick: false,
    connections: 10,
    durationSeconds: 5,
    machine: {} as never,
    runs: [run],
    extras: { reminders },
    totalSeconds: 1,
  };
}

describe('the bench checks the issue 17 aims', () => {
  it('says all are met when every figure is inside its aim', () => {
    const aims = checkAims(results());
    expect(aims.map((a) => a.met)).toEqual([true, true, true, true, true, true, true, true]);
    expect(aimsTable(results())[0]).toContain('All 8 aims met.');
  });

  it('names each aim missed, with the figure that missed it', () => {
    const table = aimsTable(
      results({
        run: {
          routes: [route('GET /slow', false, 0.45, 60), route('POST /write', true, 0.7, 31)],
          memory: { apiPeakMb: 250, apiPeakWithPagesMb: 301, apiRssMb: 0, rawPeakMb: 0 },
        },
      }),
    );
    expect(table[0]).toContain('4 of 8 aims met; missed: SQLite: every JSON route at least 0.5 of raw; SQLite: JSON reads p95 under 50 ms');
    expect(table).toContain('| SQLite: every JSON route at least 0.5 of raw | lowest 0.45 (GET /slow) | **no** |');
    expect(table).toContain('| SQLite: JSON writes p95 under 30 ms | 31.0 ms (POST /write) | **no** |');
    expect(table).toContain('| SQLite: API peak RSS under 300 MB | 301 MB | **no** |');
  });

  it('does not judge the quarter-end by a run smaller than the aim', () => {
    const small = results({ reminders: { quarterEnd: { actionReminders: 2000, digests: 40, lateness: { p50Ms: 1, p99Ms: 60_000, maxMs: 1 } } } });
    expect(checkAims(small).at(-1)).toMatchObject({ met: null });
    expect(aimsTable(small)[0]).toContain('All 5 aims met.');
    expect(aimsTable(small)).toContain('| quarter-end lateness p99 under 15 s, 100,000 due at once | 60.0 s (2,000 + 40 digests) | not at this size |');
  });

  it('leaves out a reminders bench that failed', () => {
    expect(checkAims(results({ reminders: { error: 'Redis was down' } }))).toHaveLength(5);
  });
});
