import { DB_KINDS } from '@app/testing/test-database';
import { useTestDatabase } from '@app/testing/use-test-database';
import { insertPlanRows } from '@app/testing/plan-rows';
import { ACTION_STATUSES, addDays, deriveRag, effectiveRag, Rag } from '@app/domain';
import { Action } from '@app/database/entities';
import { newId } from '../ids';
import { ragSql, ragSqlParams } from './action-rag';

const TODAY = '2026-11-23';
const WARNING = 14;
const DUE_DATES = [null, addDays(TODAY, -1), TODAY, addDays(TODAY, WARNING), addDays(TODAY, WARNING + 1)];
const OVERRIDES: (Rag | null)[] = [null, 'red', 'blue'];

describe.each(DB_KINDS)('the SQL RAG rule agrees with the domain rule (%s)', (kind) => {
  const database = useTestDatabase(kind);

  it('for every status, due date, at-risk flag and override', async () => {
    const cases = ACTION_STATUSES.flatMap((status) =>
      DUE_DATES.flatMap((dueDate) => [true, false].flatMap((atRisk) => OVERRIDES.map((ragOverride) => ({ status, dueDate, atRisk, ragOverride })))),
    );
    const { authorityId, planId } = await insertPlanRows(database.ds.manager);
    const rows = cases.map((c, i) => ({
      id: newId(),
      authorityId,
      planId,
      ref: `A${i}`,
      title: 't',
      description: '',
      timescale: 'unspecified' as const,
      ownerId: null,
      managerId: null,
      organisationId: null,
      dueDate: c.dueDate,
      warnFrom: c.dueDate ? addDays(c.dueDate, -WARNING) : null,
      status: c.status,
      statusReason: null,
      atRisk: c.atRisk,
      ragOverride: c.ragOverride,
      ragOverrideReason: c.ragOverride ? 'why' : null,
      carriedFromId: null,
      version: 1,
      createdAt: '',
      updatedAt: '',
    }));
    await database.ds.manager.insert(Action, rows);
    const found = await database.ds.manager
      .createQueryBuilder(Action, 'a')
      .select('a.ref', 'ref')
      .addSelect(ragSql('a'), 'rag')
      .setParameters(ragSqlParams(TODAY))
      .getRawMany();
    const sqlRag = new Map(found.map((r) => [r.ref, r.rag ?? null]));
    const mismatches = cases.filter(
      (c, i) => effectiveRag(deriveRag({ ...c, today: TODAY, warningWindowDays: WARNING }), c.ragOverride) !== sqlRag.get(`A${i}`),
    );
    expect(cases.length).toBe(ACTION_STATUSES.length * DUE_DATES.length * 2 * OVERRIDES.length);
    expect(mismatches).toEqual([]);
  });
});
