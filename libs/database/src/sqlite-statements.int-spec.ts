import {
  DataSource,
  EntitySubscriberInterface,
  EventSubscriber,
  NamedPlaceholdersNotSupportedError,
  QueryFailedError,
  QueryResult,
  QueryRunner,
} from 'typeorm';
import { useTestDatabase } from '@app/testing/use-test-database';
import { querySharedRunner, SendStatement, sqliteStatements } from './sqlite-statements';

/** A bare SQLite data source: TypeORM's own runner beside ours, on one connection. */
async function bareSqlite(options: { subscribers?: (new () => EntitySubscriberInterface)[] } = {}) {
  const ds = new DataSource({ type: 'better-sqlite3', database: ':memory:', logging: false, ...options });
  await ds.initialize();
  const runner = ds.driver.createQueryRunner('master');
  const typeorm = (sql: string, parameters?: unknown[], structured?: boolean): Promise<unknown> =>
    (Object.getPrototypeOf(runner) as { query: SendStatement }).query.call(runner, sql, parameters, structured);
  await typeorm('CREATE TABLE "item" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL UNIQUE, "done" INTEGER)');
  return { ds, runner, typeorm };
}

describe('SQLite statements, sent without TypeORM’s wrapping', () => {
  let ds: DataSource;
  let runner: QueryRunner;
  let typeorm: SendStatement;
  let ours: SendStatement;

  beforeEach(async () => {
    ({ ds, runner, typeorm } = await bareSqlite());
    ours = sqliteStatements(ds, runner);
  });
  afterEach(() => ds.destroy());

  it('answers reads and writes as TypeORM’s runner does, booleans bound as 1 and 0', async () => {
    for (const send of [typeorm, ours]) {
      await send('DELETE FROM "item"');
      const inserted = await send('INSERT INTO "item" ("name", "done") VALUES (?, ?)', ['first', true]);
      const structured = (await send('INSERT INTO "item" ("name", "done") VALUES (?, ?)', ['second', false], true)) as QueryResult;
      const updated = (await send('UPDATE "item" SET "done" = ? WHERE "done" = ?', [true, false], true)) as QueryResult;
      const rows = await send('SELECT "name", "done" FROM "item" WHERE "done" = ? ORDER BY "id"', [true]);
      const read = (await send('SELECT COUNT(*) AS "count" FROM "item"', [], true)) as QueryResult;
      expect({ inserted, structured: [structured.affected, structured.raw], updated: updated.affected, rows, read: [read.records, read.raw] }).toEqual({
        inserted: expect.any(Number),
        structured: [1, (inserted as number) + 1],
        updated: 1,
        rows: [
          { name: 'first', done: 1 },
          { name: 'second', done: 1 },
        ],
        read: [[{ count: 2 }], [{ count: 2 }]],
      });
    }
  });

  it('a failing statement rejects with TypeORM’s error, is logged, and changes nothing', async () => {
    await ours('INSERT INTO "item" ("name") VALUES (?)', ['only']);
    const failed = jest.spyOn(ds.logger, 'logQueryError');
    for (const [sql, parameters] of [
      ['INSERT INTO "item" ("name") VALUES (?)', ['only']],
      ['SELEKT 1', []],
    ] as const) {
      const error = (await ours(sql, [...parameters]).catch((e: unknown) => e)) as QueryFailedError;
      expect(error).toBeInstanceOf(QueryFailedError);
      expect([error.query, error.parameters]).toEqual([sql, parameters]);
    }
    expect(failed).toHaveBeenCalledTimes(2);
    expect(await ours('SELECT "name" FROM "item"')).toEqual([{ name: 'only' }]);
  });

  it('tells the logger of every statement, and prepares each text once, keeping the latest 100', async () => {
    const logged = jest.spyOn(ds.logger, 'logQuery');
    const connection = (ds.driver as unknown as { databaseConnection: { prepare: (sql: string) => unknown } }).databaseConnection;
    const prepare = jest.spyOn(connection, 'prepare');
    for (let i = 0; i < 3; i++) await ours('SELECT ? AS "n"', [i]);
    expect(logged.mock.calls.map(([sql, parameters]) => [sql, parameters])).toEqual([0, 1, 2].map((n) => ['SELECT ? AS "n"', [n]]));
    expect(prepare).toHaveBeenCalledTimes(1);

    for (let i = 0; i < 100; i++) await ours(`SELECT ${i} AS "n"`);
    await ours('SELECT ? AS "n"', [3]);
    expect(prepare).toHaveBeenCalledTimes(102);
  });

  it('sends statements through TypeORM’s runner while a subscriber listens to queries, and only then', async () => {
    const heard: string[] = [];
    @EventSubscriber()
    class QueryListener implements EntitySubscriberInterface {
      beforeQuery(event: { query: string }) {
        heard.push(event.query);
      }
    }
    @EventSubscriber()
    class LoadListener implements EntitySubscriberInterface {
      afterLoad() {}
    }
    for (const [listener, typeormSends] of [
      [QueryListener, true],
      [LoadListener, false],
    ] as const) {
      const other = await bareSqlite({ subscribers: [listener] });
      const typeorms = jest.spyOn(Object.getPrototypeOf(other.runner) as QueryRunner, 'query');
      try {
        expect(await sqliteStatements(other.ds, other.runner)('SELECT ? AS "n"', [1])).toEqual([{ n: 1 }]);
        expect(typeorms).toHaveBeenCalledTimes(typeormSends ? 1 : 0);
      } finally {
        typeorms.mockRestore();
        await other.ds.destroy();
      }
    }
    expect(heard).toEqual([expect.stringContaining('CREATE TABLE'), 'SELECT ? AS "n"']);
  });

  it('refuses named parameters as TypeORM’s runner does', async () => {
    await expect(ours('SELECT :n AS "n"', { n: 1 } as unknown as unknown[])).rejects.toBeInstanceOf(NamedPlaceholdersNotSupportedError);
  });

  it('statements sent through the data source go to the runner, with no entity manager made for each', async () => {
    runner.query = ours as QueryRunner['query'];
    querySharedRunner(ds, runner);
    const managers = jest.spyOn(ds, 'createEntityManager');
    const sent = jest.spyOn(runner, 'query');
    expect(await ds.manager.query('SELECT ? AS "n"', [7])).toEqual([{ n: 7 }]);
    expect(sent).toHaveBeenCalledWith('SELECT ? AS "n"', [7]);
    expect(managers).not.toHaveBeenCalled();
  });
});

describe('the app’s SQLite data source', () => {
  const database = useTestDatabase('sqlite');

  it('sends its statements this way', async () => {
    const prototype = Object.getPrototypeOf(database.ds.driver.createQueryRunner('master')) as QueryRunner;
    const typeorms = jest.spyOn(prototype, 'query');
    const logged = jest.spyOn(database.ds.logger, 'logQuery');
    expect(await database.ds.manager.query('SELECT 1 AS "one"')).toEqual([{ one: 1 }]);
    expect(typeorms).not.toHaveBeenCalled();
    expect(logged).toHaveBeenCalledWith('SELECT 1 AS "one"', [], expect.anything());
  });
});
