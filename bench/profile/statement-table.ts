/** One statement a page ran, timed on its own. */
export interface StatementSample {
  page: string;
  sql: string;
  micros: number;
  rows: number;
}

export interface StatementRow {
  statement: string;
  /** How many times a page runs it. */
  perPage: number;
  averageMicros: number;
  averageRows: number;
  /** Its share of the page's time in SQL. */
  share: number;
}

/** A statement's text with each `IN` list of values as `IN (?…)`, so its runs with lists of other lengths count together. */
export const statementKey = (sql: string): string => sql.replace(/\bIN\s*\((?:\s*(?:\?|\$\d+)\s*,)*\s*(?:\?|\$\d+)\s*\)/gi, 'IN (?…)');

/** Per page, its statements by the time they take, most first; `pages` is how many of each page were requested. */
export function statementTable(samples: StatementSample[], pages: Map<string, number>): Map<string, StatementRow[]> {
  const table = new Map<string, StatementRow[]>();
  for (const [page, requested] of pages) {
    const own = samples.filter((s) => s.page === page);
    const total = own.reduce((sum, s) => sum + s.micros, 0);
    const groups = new Map<string, StatementSample[]>();
    for (const s of own) {
      const key = statementKey(s.sql);
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    const rows = [...groups].map(([statement, runs]) => {
      const micros = runs.reduce((sum, s) => sum + s.micros, 0);
      return {
        statement,
        perPage: runs.length / requested,
        averageMicros: micros / runs.length,
        averageRows: runs.reduce((sum, s) => sum + s.rows, 0) / runs.length,
        share: total > 0 ? micros / total : 0,
      };
    });
    table.set(
      page,
      rows.sort((a, b) => b.share - a.share),
    );
  }
  return table;
}

/** The table as markdown, a section per page, the statements cut to `width` characters. */
export function statementMarkdown(table: Map<string, StatementRow[]>, width = 110): string {
  const sections = [...table].map(([page, rows]) => {
    const sqlMicros = rows.reduce((sum, r) => sum + r.averageMicros * r.perPage, 0);
    const lines = rows.map(
      (r) =>
        `| ${(r.share * 100).toFixed(1)} | ${r.averageMicros.toFixed(0)} | ${r.perPage.toFixed(1)} | ${r.averageRows.toFixed(0)} | \`${r.statement.slice(0, width).replace(/\|/g, '\\|')}\` |`,
    );
    return [
      `**${page}**: ${(sqlMicros / 1000).toFixed(2)} ms of SQL a page`,
      '',
      '| % of its SQL | µs each | per page | rows | statement |',
      '|---:|---:|---:|---:|---|',
      ...lines,
    ].join('\n');
  });
  return sections.join('\n\n');
}
