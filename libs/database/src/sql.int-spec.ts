import { DB_KINDS } from '@app/testing/test-database';
import { useTestDatabase } from '@app/testing/use-test-database';
import { actionRow, insertPlanRows } from '@app/testing/plan-rows';
import { Action, AuditEvent, Plan } from './entities';
import { bindParameters, insertMany, refreshStatistics, runSql, selectCount, selectEntities, selectEntity, selectPairs, SqlParams, updateRows } from './sql';

const AWKWARD = ['plain', "it's", 'back\\slash', '{"braces": [1, 2]}', 'comma, "quoted"', 'NULL', 'ünïcødé — ✓', ''];

const action = (i: number, text: string): Action =>
  actionRow(
    {
      ...{ authorityId: 'a1', planId: 'p1', ref: `A${i}`, title: text, description: text, ownerId: i % 2 ? null : 'u1' },
      ...{ dueDate: i % 3 ? '2027-01-31' : null, statusReason: i % 2 ? text : null, atRisk: i % 2 === 0, version: i },
    },
    '2026-11-23T10:00:00.000Z',
  );

describe.each(DB_KINDS)('hand-written SQL (%s)', (kind) => {
  const database = useTestDatabase(kind);
  beforeAll(() => insertPlanRows(database.ds.manager, { authorityId: 'a1', planId: 'p1', userId: 'u1' }));

  it('inserts many rows and reads them back exactly, whatever the text holds', async () => {
    const rows = AWKWARD.map((text, i) => action(i, text));
    await database.ds.transaction((tx) => insertMany(tx, Action, rows));
    const back = await selectEntities(database.ds.manager, Action, 'SELECT * FROM "action" WHERE "authorityId" = :a ORDER BY "version"', { a: 'a1' });
    expect(back).toEqual(rows);
  });

  it('leaves generated columns to the database and can skip rows that break a unique key', async () => {
    const event = {
      authorityId: 'a1',
      entityType: 'action',
      entityId: 'x',
      event: 'e',
      actorId: null,
      subject: null,
      ip: null,
      before: null,
      after: '{"a":"b"}',
      at: '2026-11-23T10:00:00.000Z',
    } as AuditEvent;
    await insertMany(database.ds.manager, AuditEvent, [event, event]);
    const seqs = (await selectEntities(database.ds.manager, AuditEvent, 'SELECT * FROM "audit_event" WHERE "entityId" = :id ORDER BY "seq"', { id: 'x' })).map(
      (e) => e.seq,
    );
    expect(seqs).toHaveLength(2);
    expect(seqs[1]).toBeGreaterThan(seqs[0]);
    const again = action(99, 'again');
    await insertMany(database.ds.manager, Action, [again]);
    await expect(insertMany(database.ds.manager, Action, [again])).rejects.toThrow();
    await insertMany(database.ds.manager, Action, [again, action(100, 'new')], { ignoreConflicts: true });
    expect(await selectCount(database.ds.manager, 'SELECT COUNT(*) AS "count" FROM "action" WHERE "ref" IN (:...refs)', { refs: ['A99', 'A100'] })).toBe(2);
  });

  it('reports how many rows an update changed', async () => {
    const changed = await updateRows(database.ds.manager, 'action', { atRisk: true, title: "it's done" }, '"authorityId" = :a AND "version" < :v', {
      a: 'a1',
      v: 3,
    });
    expect(changed).toBe(3);
    expect(await updateRows(database.ds.manager, 'action', { title: 'none' }, '"authorityId" = :a', { a: 'nobody' })).toBe(0);
  });

  it('sets a column from SQL when given a function', async () => {
    const before = await selectEntities(database.ds.manager, Action, 'SELECT * FROM "action" WHERE "ref" = :ref', { ref: 'A1' });
    expect(await updateRows(database.ds.manager, 'action', { version: () => '"version" + 10', title: 'bumped' }, '"ref" = :ref', { ref: 'A1' })).toBe(1);
    const [after] = await selectEntities(database.ds.manager, Action, 'SELECT * FROM "action" WHERE "ref" = :ref', { ref: 'A1' });
    expect(after).toMatchObject({ version: before[0].version + 10, title: 'bumped' });
  });

  it('reads two joined tables in one statement, each row hydrated as its own entity, columns of the same name kept apart', async () => {
    const row = action(200, "joined, it's");
    await insertMany(database.ds.manager, Action, [row]);
    const from = 'FROM "action" a JOIN "improvement_plan" p ON p."id" = a."planId" WHERE a."id" = :id';
    const [[read, plan], ...rest] = await selectPairs(database.ds.manager, [Action, 'a'], [Plan, 'p'], from, { id: row.id });
    expect(rest).toEqual([]);
    expect(read).toEqual(row);
    expect(plan).toEqual(await selectEntity(database.ds.manager, Plan, 'SELECT * FROM "improvement_plan" WHERE "id" = :id', { id: 'p1' }));
    expect(plan.id).toBe('p1');
    expect(await selectPairs(database.ds.manager, [Action, 'a'], [Plan, 'p'], from, { id: 'none' })).toEqual([]);
  });

  it('binds named parameters as the driver does, each text once where the values allow', async () => {
    const driver = database.ds.driver;
    const escape = jest.spyOn(driver, 'escapeQueryWithParameters');
    const text = 'SELECT :a AS "a", :b AS "b", :a AS "again", :missing AS "left" WHERE :flag OR :flag';
    const cases: SqlParams[] = [
      { a: "it's", b: null, flag: true },
      { a: 'second', b: 'x', flag: false },
      { a: 'third', b: undefined, flag: true, unused: 'u' },
      { a: 'fourth', b: 'y', flag: true },
      { a: 'fifth', b: 'y', flag: true, missing: 'given now' },
    ];
    // The driver writes a boolean as 1 or 0 on SQLite; the runner does the same with what it is sent.
    const asSent = (v: unknown) => (typeof v === 'boolean' ? Number(v) : v);
    for (const params of cases) {
      const [expectedText, expectedValues] = driver.escapeQueryWithParameters(text, params);
      const [boundText, boundValues] = bindParameters(database.ds.manager, text, params);
      expect(boundText).toBe(expectedText);
      expect(boundValues.map(asSent)).toEqual(expectedValues.map(asSent));
    }
    // The text was bound by the driver for the first of each set of names given; the fourth gives the first's.
    escape.mockClear();
    bindParameters(database.ds.manager, text, { a: 'sixth', b: 'z', flag: false });
    expect(escape).not.toHaveBeenCalled();

    // Numbers too: written into the text on SQLite, so bound once for each number there; values on PostgreSQL.
    const numbers: [number, number][] = [
      [7, 1],
      [7, 0],
      [8, 1],
      [7, 0],
    ]; // a number, and the driver's bindings on SQLite
    for (const [a, onSqlite] of numbers) {
      const params = { a, b: 'n', flag: true };
      const [expectedText, expectedValues] = driver.escapeQueryWithParameters(text, params);
      escape.mockClear();
      const [boundText, boundValues] = bindParameters(database.ds.manager, text, params);
      expect(boundText).toBe(expectedText);
      expect(boundValues.map(asSent)).toEqual(expectedValues.map(asSent));
      expect(escape).toHaveBeenCalledTimes(kind === 'postgres' ? 0 : onSqlite);
    }
    // Dates are the driver's every time.
    const dated = { a: new Date('2026-12-05T09:00:00Z'), b: 'd', flag: true };
    escape.mockClear();
    expect(bindParameters(database.ds.manager, text, dated)).toEqual(driver.escapeQueryWithParameters(text, dated));
    expect(escape).toHaveBeenCalledTimes(2);
    // Lists: written out on SQLite, as the driver does; one array on PostgreSQL, so one text whatever the length.
    const list = 'SELECT 1 WHERE 1 IN (:...ids) AND :name IS NOT NULL';
    for (const ids of [['x'], ['x', 'y', 'z']]) {
      const bound = bindParameters(database.ds.manager, list, { ids, name: 'n' });
      if (kind === 'sqlite') expect(bound).toEqual(driver.escapeQueryWithParameters(list, { ids, name: 'n' }));
      else expect(bound).toEqual(['SELECT 1 WHERE 1 = ANY($1) AND $2 IS NOT NULL', [ids, 'n']]);
    }
    const [bound, values] = bindParameters(database.ds.manager, 'SELECT :a AS "a", :b AS "b"', { a: "it's", b: null });
    expect(await database.ds.query(bound, values)).toEqual([{ a: "it's", b: null }]);
  });

  it('reads the rows a list names, whatever its length', async () => {
    await insertMany(database.ds.manager, Action, [action(300, 'listed'), action(301, 'listed'), action(302, 'listed')]);
    const text = 'SELECT "ref" FROM "action" WHERE "authorityId" = :a AND "ref" IN (:...refs) ORDER BY "ref"';
    const refs = async (list: string[]) => (await runSql(database.ds.manager, text, { a: 'a1', refs: list })).map((r) => r.ref);
    expect(await refs(['A300'])).toEqual(['A300']);
    expect(await refs(['A302', 'none', 'A300'])).toEqual(['A300', 'A302']);
    // More than a PostgreSQL statement can bind values for (65,535) goes in there as one array.
    if (kind === 'postgres') expect(await refs([...Array.from({ length: 70_000 }, (_, i) => `B${i}`), 'A301'])).toEqual(['A301']);
  });

  it('gives the planner statistics for a table', async () => {
    await database.ds.transaction((tx) => refreshStatistics(tx, 'action'));
    const stats =
      kind === 'postgres'
        ? await database.ds.query(`SELECT reltuples FROM pg_class WHERE relname = 'action' AND reltuples > 0`)
        : await database.ds.query(`SELECT stat FROM sqlite_stat1 WHERE tbl = 'action'`);
    expect(stats.length).toBeGreaterThan(0);
  });
});
