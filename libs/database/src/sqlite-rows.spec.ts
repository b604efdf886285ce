import Database from 'better-sqlite3';
import { readRows } from './sqlite-statements';

/** readRows makes a read's rows from better-sqlite3's arrays: they must be the rows better-sqlite3 makes itself. */
describe('readRows', () => {
  let db: Database.Database;

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec(`CREATE TABLE "item" ("id" INTEGER PRIMARY KEY, "name" TEXT, "size" REAL, "data" BLOB);
      INSERT INTO "item" VALUES (1, 'first', 1.5, x'0102'), (2, NULL, NULL, NULL), (3, 'third', 3, x'')`);
  });
  afterEach(() => db.close());

  const texts = [
    'SELECT * FROM "item" ORDER BY "id"',
    'SELECT "name" AS "label", "id" * 2 AS "twice", COUNT(*) OVER () AS "count" FROM "item" WHERE "id" > ? ORDER BY "id"',
    // Two columns of one name: the later wins, as in better-sqlite3's own rows.
    'SELECT a."id", a."name", b."id", b."name" FROM "item" a JOIN "item" b ON b."id" = a."id" + 1',
    'SELECT "id" FROM "item" WHERE "id" > 99',
  ];

  it.each(texts)('answers what better-sqlite3 answers: %s', (sql) => {
    const values = sql.includes('?') ? [1] : [];
    expect(readRows(db.prepare(sql), values)).toEqual(db.prepare(sql).all(...values));
  });

  it('leaves the statement answering objects, after a failure too', () => {
    const statement = db.prepare('SELECT "id", "name" FROM "item" WHERE "id" = ?');
    readRows(statement, [1]);
    expect(statement.get(1)).toEqual({ id: 1, name: 'first' });
    expect(() => readRows(statement, [{}])).toThrow();
    expect(statement.get(1)).toEqual({ id: 1, name: 'first' });
  });
});
