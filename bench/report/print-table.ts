import { BenchResults } from './results';

const n = (v: number, digits = 0) => v.toFixed(digits);

/** The results as Markdown tables: printed to the terminal and written into docs/PERFORMANCE.md. */
export function resultTables(results: BenchResults): string {
  const lines: string[] = [];
  for (const run of results.runs) {
    const g = run.generation;
    lines.push(`**${run.database}, ${results.actions.toLocaleString('en-GB')} actions** — generated ${g.rows.toLocaleString('en-GB')} rows in ${n(g.seconds, 1)} s (${g.rowsPerSecond.toLocaleString('en-GB')} rows/s)${run.dbSizeMb ? `, ${run.dbSizeMb} MB on disk` : ''}; API peak RSS ${run.memory.apiPeakMb} MB${run.memory.apiAtStartMb ? ` (${run.memory.apiAtStartMb} MB after start)` : ''} (raw server ${run.memory.rawPeakMb} MB)`);
    lines.push('');
    lines.push('| route | api req/s | api p50 / p95 / p99 ms | raw req/s | raw p50 / p95 / p99 ms | our/raw | errors api/raw | SQL per request |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of run.routes) {
      const lat = (l: typeof r.api.latencyMs) => `${n(l.p50, 1)} / ${n(l.p95, 1)} / ${n(l.p99, 1)}`;
      lines.push(`| ${r.label} | ${n(r.api.rps)} | ${lat(r.api.latencyMs)} | ${n(r.raw.rps)} | ${lat(r.raw.latencyMs)} | ${n(r.ratio, 2)} | ${r.api.errors}/${r.raw.errors} | ${run.queries?.find((q) => q.key === r.key)?.queries.length ?? '-'} |`);
    }
    lines.push('');
    if (run.pragmas?.length) {
      lines.push(`SQLite settings (raw server, same SQL; read = the four reads interleaved, write = status updates):`);
      lines.push('');
      lines.push('| setting | read req/s | read p95 ms | write req/s | write p95 ms | write errors |');
      lines.push('|---|---:|---:|---:|---:|---:|');
      for (const p of run.pragmas) {
        lines.push(`| ${p.label} | ${p.read ? n(p.read.rps) : '-'} | ${p.read ? n(p.read.latencyMs.p95, 1) : '-'} | ${n(p.write.rps)} | ${n(p.write.latencyMs.p95, 1)} | ${p.write.errors} |`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}
