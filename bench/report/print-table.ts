import { GENERATOR_CPU_LIMIT, LatencySummary, LoadResult } from '../load/load-spec';
import { aimsTable } from './aims';
import { BenchResults, DatabaseRun } from './results';

const n = (v: number, digits = 0) => v.toFixed(digits);
const lat = (l: LatencySummary) => `${n(l.p50, 1)} / ${n(l.p95, 1)} / ${n(l.p99, 1)}`;
const sqlCount = (run: DatabaseRun, key: string) => run.queries?.find((q) => q.key === key)?.queries.length ?? '-';
/** The load generator's share of one core, in bold when over the limit; "-" in results from before it was recorded. */
const cpu = (r: LoadResult) => (r.generatorCpu === undefined ? '-' : r.generatorBusy ? `**${n(r.generatorCpu, 2)}**` : n(r.generatorCpu, 2));

/** A line naming the loads whose generator went over the limit, or nothing. */
function busyNote(loads: LoadResult[]): string[] {
  const busy = loads.filter((l) => l.generatorBusy);
  if (!busy.length) return [];
  return [
    '',
    `**Warning:** the load generator used more than ${GENERATOR_CPU_LIMIT} of a core on ${busy.map((l) => `${l.name} (${n(l.generatorCpu!, 2)})`).join(', ')}: those figures may be the generator's limit, not the server's.`,
  ];
}

/** A page's error count, with the answers other than 200: "0", "7 (303 × 7)", or "7 (not HTML)". */
export function pageErrors(r: LoadResult): string {
  if (!r.errors) return '0';
  const other = Object.entries(r.statusCounts)
    .filter(([status]) => status !== '200')
    .map(([status, count]) => `${status} × ${count}`);
  return `${r.errors} (${other.length ? other.join(', ') : 'not HTML'})`;
}

/** The results as Markdown tables: printed to the terminal and written into docs/PERFORMANCE.md. */
export function resultTables(results: BenchResults): string {
  const lines: string[] = [];
  for (const run of results.runs) {
    const g = run.generation;
    lines.push(
      `**${run.database}, ${results.actions.toLocaleString('en-GB')} actions** — generated ${g.rows.toLocaleString('en-GB')} rows in ${n(g.seconds, 1)} s (${g.rowsPerSecond.toLocaleString('en-GB')} rows/s)${run.dbSizeMb ? `, ${run.dbSizeMb} MB on disk` : ''}; API peak RSS ${run.memory.apiPeakMb} MB${run.memory.apiAtStartMb ? ` (${run.memory.apiAtStartMb} MB after start)` : ''} (raw server ${run.memory.rawPeakMb} MB)`,
    );
    lines.push('');
    lines.push(
      '| route | api req/s | api p50 / p95 / p99 ms | raw req/s | raw p50 / p95 / p99 ms | our/raw | errors api/raw | SQL per request | generator CPU api / raw |',
    );
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of run.routes) {
      lines.push(
        `| ${r.label} | ${n(r.api.rps)} | ${lat(r.api.latencyMs)} | ${n(r.raw.rps)} | ${lat(r.raw.latencyMs)} | ${n(r.ratio, 2)} | ${r.api.errors}/${r.raw.errors} | ${sqlCount(run, r.key)} | ${cpu(r.api)} / ${cpu(r.raw)} |`,
      );
    }
    lines.push(...busyNote(run.routes.flatMap((r) => [r.api, r.raw])));
    lines.push('');
    if (run.pages?.length) lines.push(...pageTable(run), '');
    if (run.pragmas?.length) {
      lines.push(`SQLite settings (raw server, same SQL; read = the four reads interleaved, write = status updates):`);
      lines.push('');
      lines.push('| setting | read req/s | read p95 ms | write req/s | write p95 ms | write errors | generator CPU read / write |');
      lines.push('|---|---:|---:|---:|---:|---:|---:|');
      for (const p of run.pragmas) {
        lines.push(
          `| ${p.label} | ${p.read ? n(p.read.rps) : '-'} | ${p.read ? n(p.read.latencyMs.p95, 1) : '-'} | ${n(p.write.rps)} | ${n(p.write.latencyMs.p95, 1)} | ${p.write.errors} | ${p.read ? cpu(p.read) : '-'} / ${cpu(p.write)} |`,
        );
      }
      lines.push(...busyNote(run.pragmas.flatMap((p) => (p.read ? [p.read, p.write] : [p.write]))));
      lines.push('');
    }
  }
  lines.push(...aimsTable(results));
  return lines.join('\n');
}

function pageTable(run: DatabaseRun): string[] {
  const peak = run.memory.apiPeakWithPagesMb ? `; API peak RSS ${run.memory.apiPeakWithPagesMb} MB after them` : '';
  const lines = [
    `Web pages (the same API and load, signed in with a session cookie; server render time${peak}):`,
    '',
    '| page | req/s | p50 / p95 / p99 ms | errors | SQL per request | generator CPU |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const p of run.pages ?? []) {
    lines.push(`| ${p.label} | ${n(p.api.rps)} | ${lat(p.api.latencyMs)} | ${pageErrors(p.api)} | ${sqlCount(run, p.key)} | ${cpu(p.api)} |`);
  }
  lines.push(...busyNote((run.pages ?? []).map((p) => p.api)));
  return lines;
}
