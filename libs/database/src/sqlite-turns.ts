import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { DataSource, QueryRunner } from 'typeorm';
import { beforeDestroy } from './before-destroy';
import { boundValues, querySharedRunner, readAnswer, SendStatement, sqliteStatements, StatementCache } from './sqlite-statements';
import { TransactionMark, transactionChain } from './transaction-chain';

/**
 * How this process shares its one SQLite connection.
 *
 * SQLite refuses a second BEGIN on a connection while one is open, so transactions take turns.
 *
 * A transaction owns the connection from BEGIN to COMMIT. Most never let other work run in between,
 * but a long one may pause (a tracker import does, so that its page can ask how far it has got).
 * Other requests must not use the connection meanwhile: they would read the transaction's
 * uncommitted rows, and their writes would commit or roll back with it. So while a transaction is
 * open, a statement from outside it that only reads goes to a second, read-only connection (which
 * sees what was last committed, as WAL allows), and any other waits until the transaction has ended.
 * (PostgreSQL gives each transaction a connection of its own from the pool and needs none of this.)
 */
export function takeTurnsOnSqlite(dataSource: DataSource, file: string): void {
  const turns = new Turns(transactionChain(dataSource));
  const manager = dataSource.manager;
  const begin = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) => turns.transaction(() => begin(...args))) as typeof manager.transaction;

  const runner = dataSource.driver.createQueryRunner('master');
  const query = sqliteStatements(dataSource, runner);
  const reader = file === ':memory:' ? null : new CommittedReader(dataSource, file);
  const afterTheOpenOne: SendStatement = async (sql, parameters, structured) => {
    while (turns.openToOthers()) {
      if (reader?.canRead(sql)) return reader.query(sql, parameters ?? [], structured === true);
      await turns.ended();
    }
    return query(sql, parameters, structured);
  };
  runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) =>
    (turns.openToOthers() ? afterTheOpenOne : query)(sql, parameters, structured)) as QueryRunner['query'];
  querySharedRunner(dataSource, runner);

  beforeDestroy(dataSource, () => {
    reader?.close();
    turns.close();
  });
}

class Turns {
  private open: { mark: TransactionMark; running: Promise<unknown> } | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  /** `chain` marks the async call chain of each transaction with a mark of its own (work it starts that outlives it keeps the mark). */
  constructor(private readonly chain: AsyncLocalStorage<TransactionMark>) {}

  transaction<T>(begin: () => Promise<T>): Promise<T> {
    const run = this.tail.then(() => {
      const mark: TransactionMark = {};
      const running = this.chain.run(mark, begin);
      this.open = { mark, running };
      return running.finally(() => (this.open = null));
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Whether a transaction holds the connection and the caller is not part of that one. Once closed, none waits: the driver refuses. */
  openToOthers(): boolean {
    return !this.closed && this.open !== null && this.chain.getStore() !== this.open.mark;
  }

  /** Resolves once the open transaction has committed or rolled back. */
  ended(): Promise<unknown> {
    return (this.open?.running ?? Promise.resolve()).catch(() => undefined);
  }

  close(): void {
    this.closed = true;
  }
}

/** A read-only connection to the same file, for statements that read only what is committed. */
class CommittedReader {
  private db: Database.Database | null = null;
  private readonly statements: StatementCache;

  constructor(
    private readonly dataSource: DataSource,
    private readonly file: string,
  ) {
    this.statements = new StatementCache(dataSource, (sql) => {
      this.db ??= new Database(this.file, { readonly: true, fileMustExist: true, timeout: 5000 });
      return this.db.prepare(sql);
    });
  }

  canRead(sql: string): boolean {
    try {
      const statement = this.statements.get(sql);
      return statement.reader && statement.readonly;
    } catch {
      return false; // not one it can prepare (a pragma, say): it waits its turn on the main connection
    }
  }

  query(sql: string, parameters: unknown[], structured: boolean): unknown {
    const values = boundValues(parameters);
    this.dataSource.logger.logQuery(sql, values);
    return readAnswer(this.statements.get(sql).all(...values), structured);
  }

  close(): void {
    this.db?.close();
    this.db = null;
    this.statements.clear();
  }
}
