import { Client } from 'pg';
import { useTestDatabase } from '@app/testing/use-test-database';
import { Transactions } from './transactions';

interface ClientState {
  activeQuery: unknown;
  queryQueue: unknown[];
}

describe('PostgreSQL: reads side by side inside a transaction', () => {
  const database = useTestDatabase('postgres');

  it('reach its connection one at a time, each with its own answer', async () => {
    // What the pg client was already busy with each time a statement was handed to it.
    const busy: number[] = [];
    const original = Client.prototype.query as (...args: unknown[]) => unknown;
    const query = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const state = this as unknown as ClientState;
      busy.push((state.activeQuery ? 1 : 0) + state.queryQueue.length);
      return original.apply(this, args) as never;
    });
    try {
      const answers = await new Transactions(database.ds).run((tx) =>
        Promise.all([tx.query('SELECT pg_sleep(0.05), 1 AS n'), tx.query('SELECT 2 AS n'), tx.query('SELECT 3 AS n')]),
      );
      expect(answers.map((rows: { n: number }[]) => rows[0].n)).toEqual([1, 2, 3]);
    } finally {
      query.mockRestore();
    }
    expect(busy.length).toBeGreaterThanOrEqual(5); // BEGIN, the three reads, COMMIT
    expect(busy.every((n) => n === 0)).toBe(true);
  });
});
