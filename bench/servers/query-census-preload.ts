import * as fs from 'node:fs';

/**
 * Preloaded into a separate API process (node -r) to count the SQL each request runs: every statement
 * either database is sent passes through TypeORM's logger, whatever the logging settings, and is
 * appended to BENCH_QUERY_LOG. With BENCH_QUERY_PARAMS=1 each line is JSON with the values bound too
 * (for timing statements on their own, bench/profile/statement-times.ts). Never loaded into the API
 * whose speed is measured.
 */
const file = process.env.BENCH_QUERY_LOG;
if (file) {
  const withParams = process.env.BENCH_QUERY_PARAMS === '1';
  const { AbstractLogger } = require('typeorm') as {
    AbstractLogger: { prototype: { logQuery(sql: string, ...rest: unknown[]): void } };
  };
  const logQuery = AbstractLogger.prototype.logQuery;
  AbstractLogger.prototype.logQuery = function (sql: string, ...rest: unknown[]) {
    const text = sql.replace(/\s+/g, ' ').trim();
    fs.appendFileSync(file, `${withParams ? JSON.stringify({ sql: text, params: rest[0] ?? [] }) : text}\n`);
    return logQuery.call(this, sql, ...rest);
  };
}
