import { DataSource } from 'typeorm';

/**
 * Counts the SQL statements a data source sends while `during` runs, transaction control included
 * (BEGIN, COMMIT, ROLLBACK): every query TypeORM sends passes through its logger, whatever the
 * logging settings. Run one request at a time; statements of anything else running are counted too.
 */
export async function statementsOf(ds: DataSource, during: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const logger = ds.logger;
  const logQuery = logger.logQuery;
  logger.logQuery = function (query, ...rest) {
    seen.push(query.replace(/\s+/g, ' ').trim());
    return logQuery.call(this, query, ...rest);
  };
  try {
    await during();
  } finally {
    logger.logQuery = logQuery;
  }
  return seen;
}
