import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';
import { takeTurnsOnSqlite } from './sqlite-turns';
import { Transactions } from './transactions';

// Node visits every AsyncLocalStorage still enabled at each promise the process makes, so what a
// closed app or data source used must be disabled, or each one opened after it pays for it.
describe('a closed app or data source stops marking call chains', () => {
  let disable: jest.SpyInstance;
  let db: DataSource;

  beforeEach(async () => {
    db = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await db.initialize();
    disable = jest.spyOn(AsyncLocalStorage.prototype, 'disable');
  });

  afterEach(async () => {
    disable.mockRestore();
    if (db.isInitialized) await db.destroy();
  });

  it('Transactions, when the app shuts down', async () => {
    const transactions = new Transactions(db);
    await transactions.run(async () => expect(transactions.inTransaction).toBe(true));
    expect(disable).not.toHaveBeenCalled();
    transactions.onApplicationShutdown();
    expect(disable).toHaveBeenCalledTimes(1);
    expect(transactions.inTransaction).toBe(false);
  });

  it("SQLite's turns, when the data source is destroyed", async () => {
    takeTurnsOnSqlite(db, ':memory:');
    await db.manager.transaction(async (tx) => tx.query('SELECT 1'));
    expect(disable).not.toHaveBeenCalled();
    await db.destroy();
    expect(disable).toHaveBeenCalledTimes(1);
  });
});
