import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';
import { takeTurnsOnSqlite } from './sqlite-turns';
import { Transactions } from './transactions';

// Why: transaction-chain.ts.
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

  it("Transactions and SQLite's turns share one store, disabled when the data source is destroyed", async () => {
    const stores = jest.spyOn(AsyncLocalStorage.prototype, 'run');
    takeTurnsOnSqlite(db, ':memory:');
    const transactions = new Transactions(db);
    await transactions.run(async () => expect(transactions.inTransaction).toBe(true));
    await new Transactions(db).run(async (tx) => tx.query('SELECT 1'));
    expect(new Set(stores.mock.contexts).size).toBe(1);
    stores.mockRestore();
    expect(disable).not.toHaveBeenCalled();
    await db.destroy();
    expect(disable).toHaveBeenCalledTimes(1);
  });

  it('Transactions alone, when the data source is destroyed', async () => {
    const transactions = new Transactions(db);
    await transactions.run(async () => expect(transactions.inTransaction).toBe(true));
    expect(disable).not.toHaveBeenCalled();
    await db.destroy();
    expect(disable).toHaveBeenCalledTimes(1);
  });

  it('a transaction still open when its data source is destroyed fails, rather than waiting for itself', async () => {
    takeTurnsOnSqlite(db, ':memory:');
    let destroyed!: () => void;
    const gate = new Promise<void>((resolve) => (destroyed = resolve));
    const open = db.manager.transaction(async (tx) => {
      await gate;
      return tx.query('SELECT 1');
    });
    await new Promise((resolve) => setImmediate(resolve));
    await db.destroy();
    destroyed();
    await expect(open).rejects.toThrow();
  });
});
