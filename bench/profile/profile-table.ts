import type { DbKind } from '../dataset/bench-database';
import { BUCKETS, ProfileSummary } from './profile-buckets';

export interface ProfileRow {
  api: string;
  database: DbKind;
  route: string;
  round: number;
  rps: number;
  /** The API process's CPU (user + system) per answered request, from /proc: what the scheduler cannot blur. */
  cpuMsPerRequest: number;
  p95Ms: number;
  errors: number;
  loadAverage: number[];
  file: string;
  summary: ProfileSummary;
}

export const pct = (share: number) => (share * 100).toFixed(1);
const SHORT: Record<string, string> = {
  'HTTP framework (Express/Fastify)': 'HTTP fw',
  'Nest pipeline': 'Nest',
  'class-validator/transformer': 'validator',
  TypeORM: 'TypeORM',
  'driver (better-sqlite3/pg)': 'driver',
  JSON: 'JSON',
  'templates (Nunjucks)': 'Nunjucks',
  'our code': 'ours',
  'Node core (http, net, streams, timers)': 'Node core',
  'async hooks (AsyncLocalStorage)': 'async hooks',
  'socket writes to the database': 'db writes',
  'socket writes to the client': 'client writes',
  'other libraries': 'other libs',
  'V8/native (program)': 'V8/native',
  GC: 'GC',
  idle: 'idle',
};

/** One markdown table: a row per profile, the share of the API's busy (non-idle) time in each bucket. */
export function profileTable(rows: ProfileRow[]): string {
  const buckets = BUCKETS.filter((b) => b !== 'idle');
  const head = `| api | db | route | req/s | CPU ms/req | busy % | ${buckets.map((b) => SHORT[b]).join(' | ')} |`;
  const rule = `|---|---|---|---:|---:|---:|${buckets.map(() => '---:').join('|')}|`;
  const body = rows.map(
    (r) =>
      `| ${r.api} | ${r.database} | ${r.route} | ${r.rps.toFixed(0)} | ${r.cpuMsPerRequest.toFixed(2)} | ${pct(1 - r.summary.share.idle)} | ${buckets.map((b) => pct(r.summary.busyShare[b])).join(' | ')} |`,
  );
  return [head, rule, ...body].join('\n');
}

/** The busiest functions of a profile, as a line: each with its share of the samples. */
export function topFunctions(summary: ProfileSummary, count = summary.top.length): string {
  return summary.top
    .slice(0, count)
    .map((t) => `${t.name} ${pct(t.share)}%`)
    .join('; ');
}
