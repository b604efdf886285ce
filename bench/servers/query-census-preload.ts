import * as fs from 'node:fs';

/**
 * Preloaded into a separate API process (node -r) to count the SQL each request runs: every statement
 * either database is sent passes through TypeORM's logger, whatever the logging settings, and is
 * appended to BENCH_QUERY_LOG. Never loaded into the API whose speed is measured.
 */
const file = process.env.BENCH_QUERY_LOG;
if (file) {
  const { AbstractLogger } = require('typeorm') as {
    AbstractLogger: { prototype: { logQuery(sql: string, ...rest: unknown[]): void } };
  };
  const logQuery = AbstractLogger.prototype.logQuery;
  AbstractLogger.prototype.logQuery = function (sql: string, ...rest: unknown[]) {
    fs.appendFileSync(file, `${sql.replace(/\s+/g, ' ').trim()}\n`);
    return logQuery.call(this, sql, ...rest);
  };
}
