import { DataSource, EntityManager } from 'typeorm';
import { DatabaseConfig } from '@app/config';
import { DB_KINDS } from '@app/testing/test-database';
import { useTestDatabase } from '@app/testing/use-test-database';
import { openDatabase } from './data-source';
import { runSql } from './sql';
import { Transactions } from './transactions';

/** The statements prepared on the manager's connection whose text holds `marker`. */
const prepared = async (tx: EntityManager, marker: string) =>
  (await runSql(tx, 'SELECT "statement" FROM pg_prepared_statements WHERE "statement" LIKE :like ORDER BY "statement"', { like: `%${marker}%` })).map(
    (r) => r.statement,
  );

(DB_KINDS.includes('postgres') ? describe : describe.skip)('PostgreSQL: the statements the code writes are sent named', () => {
  const database = useTestDatabase('postgres');
  const inTransaction = <T>(ds: DataSource, work: (tx: EntityManager) => Promise<T>) => new Transactions(ds).run(work);

  it('prepares a text once on a connection, with numbers or a list (IN) among its values, and leaves a text with a list written out unnamed', async () => {
    const seen = await inTransaction(database.ds, async (tx) => {
      const answers = [];
      for (const n of ['1', '2']) answers.push(await runSql(tx, 'SELECT :n::int AS "named_fixed"', { n }));
      for (const limit of [1, 2]) answers.push(await runSql(tx, 'SELECT g AS "named_limit" FROM generate_series(1, 5) g LIMIT :limit', { limit }));
      for (const ids of [[1, 2, 3], [4]]) answers.push(await runSql(tx, 'SELECT 1 AS "named_list" WHERE 1 IN (:...ids)', { ids }));
      answers.push(await runSql(tx, 'SELECT COALESCE(:...ids) AS "named_written"', { ids: [5, 6] }));
      return { answers, prepared: await prepared(tx, 'named_') };
    });
    const fixedAndLimit = [[{ named_fixed: 1 }], [{ named_fixed: 2 }], [{ named_limit: 1 }], [{ named_limit: 1 }, { named_limit: 2 }]];
    expect(seen.answers).toEqual([...fixedAndLimit, [{ named_list: 1 }], [], [{ named_written: '5' }]]);
    expect(seen.prepared).toEqual([
      'SELECT $1::int AS "named_fixed"',
      'SELECT 1 AS "named_list" WHERE 1 = ANY($1)',
      'SELECT g AS "named_limit" FROM generate_series(1, 5) g LIMIT $1',
    ]);
  });

  it('reports a failed statement by its text, as TypeORM does', async () => {
    await expect(runSql(database.ds.manager, 'SELECT :n::int AS "named_failing"', { n: 'not a number' })).rejects.toMatchObject({
      query: 'SELECT $1::int AS "named_failing"',
      message: expect.stringContaining('invalid input syntax for type integer'),
    });
  });

  it('prepares a statement afresh once a migration has changed a table it reads with *', async () => {
    const read = (m: EntityManager) => runSql(m, 'SELECT * FROM "named_changing" ORDER BY "a"');
    await runSql(database.ds.manager, 'CREATE TABLE "named_changing" ("a" int)');
    await runSql(database.ds.manager, 'INSERT INTO "named_changing" VALUES (1)');
    // Every pooled connection prepares it: ten reads side by side take the pool's ten.
    await Promise.all(Array.from({ length: 10 }, () => read(database.ds.manager)));
    await runSql(database.ds.manager, 'ALTER TABLE "named_changing" ADD COLUMN "b" text');

    // Outside a transaction, the refused statement is sent again; inside one, the refusal ends it, and the next one reads.
    expect(await Promise.all(Array.from({ length: 10 }, () => read(database.ds.manager)))).toEqual(Array(10).fill([{ a: 1, b: null }]));
    await runSql(database.ds.manager, 'ALTER TABLE "named_changing" ADD COLUMN "c" text');
    const refused = await inTransaction(database.ds, read).catch((error: { code?: string }) => error.code);
    expect(refused).toBe('0A000');
    expect(await inTransaction(database.ds, read)).toEqual([{ a: 1, b: null, c: null }]);
  });

  it('sends every statement unnamed when told to (PG_NAMED_STATEMENTS=false, for a pooler that cannot keep them)', async () => {
    const config = database.db.config as Extract<DatabaseConfig, { kind: 'postgres' }>;
    const ds = await openDatabase({ ...config, namedStatements: false }, { entities: [], migrations: [] });
    try {
      const seen = await inTransaction(ds, async (tx) => {
        await runSql(tx, 'SELECT :n::int AS "unnamed_fixed"', { n: '1' });
        return prepared(tx, 'unnamed_');
      });
      expect(seen).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
