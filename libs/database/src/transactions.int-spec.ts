import { randomUUID } from 'node:crypto';
import { DB_KINDS } from '@app/testing/test-database';
import { useTestDatabase } from '@app/testing/use-test-database';
import { Authority } from './entities';
import { Transactions } from './transactions';

const authority = (): Authority => {
  const id = randomUUID();
  return { id, name: 'Council', slug: `c-${id.slice(0, 8)}`, createdAt: '2026-12-01T09:00:00.000Z' } as Authority;
};

describe.each(DB_KINDS)('Transactions (%s)', (kind) => {
  const database = useTestDatabase(kind);
  const exists = (id: string) => database.ds.manager.existsBy(Authority, { id });

  it('gives the pool manager outside a transaction and the open one inside', async () => {
    const transactions = new Transactions(database.ds);
    expect(transactions.manager).toBe(database.ds.manager);
    expect(transactions.inTransaction).toBe(false);
    await transactions.run(async (tx) => {
      expect(transactions.manager).toBe(tx);
      expect(transactions.inTransaction).toBe(true);
    });
    expect(transactions.manager).toBe(database.ds.manager);
  });

  it('joins the open transaction, so a failure later rolls back what the inner work wrote', async () => {
    const transactions = new Transactions(database.ds);
    const inner = authority();
    let outerTx: unknown;
    const failed = transactions.run(async (tx) => {
      outerTx = tx;
      await transactions.run(async (joined) => {
        expect(joined).toBe(outerTx);
        await transactions.manager.insert(Authority, inner);
      });
      throw new Error('later step failed');
    });
    await expect(failed).rejects.toThrow('later step failed');
    expect(await exists(inner.id)).toBe(false);
  });

  it('commits when the work resolves, and runs started at once each get their own transaction', async () => {
    const transactions = new Transactions(database.ds);
    const rows = [authority(), authority(), authority()];
    const managers = await Promise.all(
      rows.map((row) =>
        transactions.run(async (tx) => {
          await transactions.manager.insert(Authority, row);
          return tx;
        }),
      ),
    );
    expect(new Set(managers).size).toBe(3);
    for (const row of rows) expect(await exists(row.id)).toBe(true);
  });
});
