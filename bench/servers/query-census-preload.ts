import * as fs from 'node:fs';

/**
 * Preloaded into a separate API process (node -r) to count the SQL each request runs: every query
 * TypeORM sends is appended to BENCH_QUERY_LOG. Never loaded into the API whose speed is measured.
 */
const file = process.env.BENCH_QUERY_LOG;
if (file) {
  for (const [module, name] of [
    ['typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner', 'BetterSqlite3QueryRunner'],
    ['typeorm/driver/postgres/PostgresQueryRunner', 'PostgresQueryRunner'],
  ]) {
    const runner = require(module)[name] as { prototype: { query(sql: string, ...rest: unknown[]): Promise<unknown> } };
    const query = runner.prototype.query;
    runner.prototype.query = function (sql: string, ...rest: unknown[]) {
      fs.appendFileSync(file, `${sql.replace(/\s+/g, ' ').trim()}\n`);
      return query.call(this, sql, ...rest);
    };
  }
}
