import { Client } from 'pg';
import { DB_KINDS } from '@app/testing/test-database';
import { useTestDatabase } from '@app/testing/use-test-database';
import { Transactions } from './transactions';

(DB_KINDS.includes('postgres') ? describe : describe.skip)('PostgreSQL: reads side by side inside a transaction', () => {
  const database = useTestDatabase('postgres');

  it('reach its connection one at a time, each with its own answer', async () => {
    // How many statements each client had in hand (handed over, not yet answered) as each was handed to it.
    const inHand = new Map<Client, number>();
    const seen: number[] = [];
    const original = Client.prototype.query as (...args: unknown[]) => Promise<unknown>;
    const query = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const count = inHand.get(this) ?? 0;
      seen.push(count);
      inHand.set(this, count + 1);
      const answered = () => inHand.set(this, inHand.get(this)! - 1);
      const answer = original.apply(this, args);
      void answer.then(answered, answered);
      return answer as never;
    });
    try {
      const answers = await new Transactions(database.ds).run((tx) =>
        Promise.all([tx.query('SELECT pg_sleep(0.05), 1 AS n'), tx.query('SELECT 2 AS n'), tx.query('SELECT 3 AS n')]),
      );
      expect(answers.map((rows: { n: number }[]) => rows[0].n)).toEqual([1, 2, 3]);
    } finally {
      query.mockRestore();
    }
    expect(seen.length).toBeGreaterThanOrEqual(5); // BEGIN, the three reads, COMMIT
    expect(seen.every((n) => n === 0)).toBe(true);
  });
});
