import { DataSource } from 'typeorm';

/** A statement as it was sent: its text and the values bound to it. */
export interface SentStatement {
  sql: string;
  values: unknown[];
}

/**
 * The SQL statements a data source sends while `during` runs, with their values, transaction control
 * included (BEGIN, COMMIT, ROLLBACK): every query TypeORM sends passes through its logger, whatever the
 * logging settings. Run one request at a time; statements of anything else running are caught too.
 */
export async function sentStatements(ds: DataSource, during: () => Promise<unknown>): Promise<SentStatement[]> {
  const seen: SentStatement[] = [];
  const logger = ds.logger;
  const logQuery = logger.logQuery;
  logger.logQuery = function (query, values, ...rest) {
    seen.push({ sql: query, values: Array.isArray(values) ? values : [] });
    return logQuery.call(this, query, values, ...rest);
  };
  try {
    await during();
  } finally {
    logger.logQuery = logQuery;
  }
  return seen;
}

/** The texts of the statements sent while `during` runs (sentStatements), each on one line. */
export async function statementsOf(ds: DataSource, during: () => Promise<unknown>): Promise<string[]> {
  return (await sentStatements(ds, during)).map((s) => s.sql.replace(/\s+/g, ' ').trim());
}
