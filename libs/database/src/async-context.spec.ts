import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';
import { takeTurnsOnSqlite } from './sqlite-turns';
import { Transactions } from './transactions';

// Why: Turns.close in sqlite-turns.ts.
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
    expect(disable.mock.contexts[0]).toBe((transactions as unknown as { open: AsyncLocalStorage<unknown> }).open);
  });

  it("SQLite's turns, when the data source is destroyed", async () => {
    takeTurnsOnSqlite(db, ':memory:');
    await db.manager.transaction(async (tx) => tx.query('SELECT 1'));
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
