import type Database from 'better-sqlite3';
import { DataSource, EntitySubscriberInterface, NamedPlaceholdersNotSupportedError, QueryFailedError, QueryResult, QueryRunner } from 'typeorm';

/** How a statement is sent on the connection: what TypeORM's runner.query takes and answers. */
export type SendStatement = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;

/** As TypeORM's better-sqlite3 runner binds values: booleans as 1 and 0. */
export const boundValues = (parameters: unknown[]): unknown[] => parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p));

/** Prepared statements kept by their text, the oldest dropped first past the data source's `statementCacheSize` (100), as TypeORM's runner keeps them. */
export class StatementCache {
  private readonly size: number;

  constructor(
    dataSource: DataSource,
    private readonly prepare: (sql: string) => Database.Statement,
    private readonly kept = new Map<string, Database.Statement>(),
  ) {
    this.size = (dataSource.driver.options as { statementCacheSize?: number }).statementCacheSize ?? 100;
  }

  get(sql: string): Database.Statement {
    let statement = this.kept.get(sql);
    if (!statement) {
      statement = this.prepare(sql);
      this.kept.set(sql, statement);
      if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value!);
    }
    return statement;
  }

  clear(): void {
    this.kept.clear();
  }
}

/** A read's rows as the runner answers them: the rows, or a structured result holding them. */
export function readAnswer(rows: unknown[], structured: boolean): unknown {
  if (!structured) return rows;
  const result = new QueryResult();
  result.raw = result.records = rows;
  return result;
}

const listensToQueries = (subscribers: EntitySubscriberInterface[]) => subscribers.some((s) => s.beforeQuery || s.afterQuery);

/**
 * Sends a statement on the data source's one better-sqlite3 connection, as TypeORM's runner does
 * (its statement cache, booleans as 1 and 0, the logger told of each statement and failure, the same
 * answers and errors), without what it adds around a call that better-sqlite3 makes synchronously:
 * four awaits and query events for entity subscribers. A cheap read spent about a seventh of its CPU
 * there (docs/PERFORMANCE.md). Should a subscriber listen to queries, statements go through TypeORM's
 * runner, events and all.
 */
export function sqliteStatements(dataSource: DataSource, runner: QueryRunner): SendStatement {
  const connection = (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
  const statements = new StatementCache(
    dataSource,
    (sql) => connection.prepare(sql),
    (runner as unknown as { stmtCache: Map<string, Database.Statement> }).stmtCache,
  );
  // TypeORM's own, looked up at each call (so a spy on the runner's class sees what it is sent).
  const typeorms: SendStatement = (...args) => (Object.getPrototypeOf(runner) as { query: SendStatement }).query.call(runner, ...args);
  const logger = dataSource.logger;

  // Async, so that a failure rejects as TypeORM's does, rather than throwing at the caller.
  return async (sql, parameters = [], structured = false) => {
    if (dataSource.subscribers.length > 0 && listensToQueries(dataSource.subscribers)) return typeorms(sql, parameters, structured);
    if (!Array.isArray(parameters)) throw new NamedPlaceholdersNotSupportedError();
    const values = boundValues(parameters);
    logger.logQuery(sql, values, runner);
    try {
      const prepared = statements.get(sql);
      if (prepared.reader) return readAnswer(prepared.all(...values), structured);
      const changed = prepared.run(...values);
      const result = new QueryResult();
      result.affected = changed.changes;
      result.raw = changed.lastInsertRowid;
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
