import { randomUUID } from 'node:crypto';
import { Action } from '@app/database/entities';
import { insertMany, runSql, selectEntities } from '@app/database/sql';
import { insertPlanRows } from '@app/testing/plan-rows';
import { DB_KINDS } from '@app/testing/test-database';
import { useTestDatabase } from '@app/testing/use-test-database';
import { toAction } from './action.repository';

describe.each(DB_KINDS)('action rows read plain (%s)', (kind) => {
  const database = useTestDatabase(kind);

  it("reads every column as TypeORM's conversion would, in the entity's order", async () => {
    const { authorityId, planId, userId } = await insertPlanRows(database.ds.manager);
    const row = (i: number, atRisk: boolean): Action => ({
      ...{ id: randomUUID(), authorityId, planId, ref: `A${i}`, title: 'it\'s "quoted"', description: '', timescale: 'three_months' },
      ...{ ownerId: i ? userId : null, managerId: null, organisationId: null, dueDate: i ? '2027-02-28' : null, warnFrom: null, status: 'blocked' },
      ...{ statusReason: i ? 'waiting' : null, atRisk, ragOverride: i ? 'amber' : null, ragOverrideReason: i ? 'because' : null, carriedFromId: null },
      ...{ version: 7 + i, createdAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-24T10:00:00.000Z' },
    });
    await insertMany(database.ds.manager, Action, [row(0, false), row(1, true)]);
    const sql = 'SELECT * FROM "action" WHERE "authorityId" = :a ORDER BY "ref"';
    const plain = (await runSql(database.ds.manager, sql, { a: authorityId })).map(toAction);
    const hydrated = await selectEntities(database.ds.manager, Action, sql, { a: authorityId });
    expect(plain).toEqual(hydrated);
    expect(plain.map((a) => Object.keys(a))).toEqual(hydrated.map((a) => Object.keys(a)));
    expect(plain.map((a) => a.atRisk)).toEqual([false, true]);
  });
});
