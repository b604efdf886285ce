import { Client } from 'pg';
import { DB_KINDS } from '@app/testing/test-database';
import { useTestDatabase } from '@app/testing/use-test-database';
import { Transactions } from './transactions';
import { DatabaseConfig } from '@app/config';
import { openDatabase } from './data-source';
import { runSql } from './sql';

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

  it('sends the texts the code writes by name, parsed once per connection, and lists and failures as before', async () => {
    const prepared = (tx: Parameters<Parameters<Transactions['run']>[0]>[0]) =>
      runSql(tx, 'SELECT "statement" FROM pg_prepared_statements WHERE "statement" LIKE :like', { like: '%from_the_code%' });
    const seen = await new Transactions(database.ds).run(async (tx) => {
      const answers = [];
      for (const n of ['1', '2']) answers.push(await runSql(tx, 'SELECT :n::int AS "from_the_code"', { n }));
      await runSql(tx, 'SELECT 1 AS "from_the_code_list" WHERE 1 IN (:...ids)', { ids: [1, 2, 3] });
      return { answers, prepared: (await prepared(tx)).map((r) => r.statement) };
    });
    expect(seen.answers).toEqual([[{ from_the_code: 1 }], [{ from_the_code: 2 }]]);
    // One prepared statement for the two runs of the fixed text; the list's text, written out, is not kept.
    expect(seen.prepared).toEqual(['SELECT $1::int AS "from_the_code"']);
    await expect(runSql(database.ds.manager, 'SELECT :n::int AS "from_the_code_failing"', { n: 'not a number' })).rejects.toMatchObject({
      query: 'SELECT $1::int AS "from_the_code_failing"',
      message: expect.stringContaining('invalid input syntax for type integer'),
    });
  });

  it('sends every statement unnamed when told to (PG_NAMED_STATEMENTS=false, for a pooler that cannot keep them)', async () => {
    const config = database.db.config as Extract<DatabaseConfig, { kind: 'postgres' }>;
    const ds = await openDatabase({ ...config, namedStatements: false }, { entities: [], migrations: [] });
    try {
      const prepared = await new Transactions(ds).run(async (tx) => {
        await runSql(tx, 'SELECT :n::int AS "from_the_code_unnamed"', { n: '1' });
        return runSql(tx, 'SELECT "statement" FROM pg_prepared_statements WHERE "statement" LIKE :like', { like: '%from_the_code_unnamed%' });
      });
      expect(prepared).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
