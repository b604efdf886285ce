import type Database from 'better-sqlite3';
import { DataSource, QueryFailedError, QueryResult, QueryRunner } from 'typeorm';

/** How a statement is sent on the connection: what TypeORM's runner.query takes and answers. */
export type SendStatement = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;

interface SqliteRunner {
  stmtCache: Map<string, Database.Statement>;
}

/**
 * Sends a statement on the data source's one better-sqlite3 connection, as TypeORM's runner does
 * (its statement cache, booleans as 1 and 0, the logger told of each statement and failure, the same
 * answers and errors), without what it adds around a call that better-sqlite3 makes synchronously:
 * four awaits and the query events it broadcasts to entity subscribers, of which we have none. A
 * cheap read spent about a fifth of its CPU there (docs/PERFORMANCE.md).
 */
export function sqliteStatements(dataSource: DataSource, runner: QueryRunner): SendStatement {
  if (dataSource.subscribers.length > 0) throw new Error('SQLite statements are sent without query events: entity subscribers would miss them');
  const connection = (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
  const cache = (runner as unknown as SqliteRunner).stmtCache;
  const cacheSize = (dataSource.driver.options as { statementCacheSize?: number }).statementCacheSize ?? 100;
  const logger = dataSource.logger;

  const statement = (sql: string): Database.Statement => {
    let prepared = cache.get(sql);
    if (!prepared) {
      prepared = connection.prepare(sql);
      cache.set(sql, prepared);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    }
    return prepared;
  };

  // Async, so that a failure rejects as TypeORM's does, rather than throwing at the caller.
  return async (sql, parameters = [], structured = false) => {
    const values = parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p));
    logger.logQuery(sql, values, runner);
    try {
      const prepared = statement(sql);
      const result = new QueryResult();
      if (prepared.reader) {
        result.raw = result.records = prepared.all(...values);
      } else {
        const changed = prepared.run(...values);
        result.affected = changed.changes;
        result.raw = changed.lastInsertRowid;
      }
      return structured ? result : result.raw;
    } catch (error) {
      logger.logQueryError(error as Error, sql, values, runner);
      throw new QueryFailedError(sql, values, error as Error);
    }
  };
}

/**
 * Statements sent through the data source itself (`manager.query`, and so runSql) go straight to the
 * connection's runner. TypeORM's DataSource.query made a new EntityManager for each one on SQLite.
 */
export function querySharedRunner(dataSource: DataSource, runner: QueryRunner): void {
  dataSource.query = ((sql: string, parameters?: unknown[], queryRunner?: QueryRunner) =>
    (queryRunner ?? runner).query(sql, parameters)) as DataSource['query'];
}
