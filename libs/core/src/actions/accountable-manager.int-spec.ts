import { randomUUID } from 'node:crypto';
import { Action, Membership, User } from '@app/database/entities';
import { runSql } from '@app/database/sql';
import { insertPlanRows } from '@app/testing/plan-rows';
import { DB_KINDS } from '@app/testing/test-database';
import { useTestDatabase } from '@app/testing/use-test-database';
import { ACCOUNTABLE_MANAGER_ID_SQL, ACCOUNTABLE_MANAGER_SQL, accountableManagerAmongSql, accountableManagerOf } from './accountable-manager';

const NOW = '2026-01-01T00:00:00.000Z';

describe.each(DB_KINDS)('the accountable manager, in TypeScript and in SQL (%s)', (kind) => {
  const database = useTestDatabase(kind);

  it('is the action’s own manager, else its owner’s line manager in this council, the same in every form', async () => {
    const { manager: db } = database.ds;
    const { authorityId, planId } = await insertPlanRows(db);
    const other = await insertPlanRows(db);
    const person = async (name: string) => {
      const id = randomUUID();
      await db.insert(User, { id, email: `${id}@council.test`, displayName: name, passwordHash: 'x', active: true, createdAt: NOW });
      return id;
    };
    const member = (userId: string, managerId: string | null, council = authorityId) =>
      db.insert(Membership, {
        id: randomUUID(),
        authorityId: council,
        userId,
        roles: ['viewer'],
        managerId,
        organisationId: null,
        active: true,
        createdAt: NOW,
      });
    const [lee, kim] = [await person('Lee'), await person('Kim')];
    const [managed, unmanaged, kimsReport] = [await person('Managed'), await person('Unmanaged'), await person('Kim’s report')];
    for (const id of [lee, kim]) await member(id, null);
    await member(managed, lee);
    await member(unmanaged, null);
    await member(kimsReport, kim);
    // Lee line-manages the unmanaged owner in another council only: that says nothing about this one.
    await member(lee, null, other.authorityId);
    await member(unmanaged, lee, other.authorityId);

    const owners = [managed, unmanaged, kimsReport, null];
    const managers = [null, lee, kim];
    const actions: Action[] = owners.flatMap((ownerId, i) =>
      managers.map((managerId, j) => ({
        ...{ id: randomUUID(), authorityId, planId, ref: `A${i}${j}`, title: 't', description: '', timescale: 'unspecified' as const, ownerId, managerId },
        ...{ organisationId: null, dueDate: null, warnFrom: null, status: 'not_started' as const, statusReason: null, atRisk: false, ragOverride: null },
        ...{ ragOverrideReason: null, carriedFromId: null, version: 1, createdAt: NOW, updatedAt: NOW },
      })),
    );
    await db.insert(Action, actions);

    const lineManagerOf = async (userId: string) => (await db.findOneBy(Membership, { authorityId, userId }))?.managerId ?? null;
    const resolved = new Map<string, string | null>();
    for (const a of actions) resolved.set(a.id, await accountableManagerOf(a, lineManagerOf));
    for (const candidate of [lee, kim]) {
      const sql = `SELECT a."id" FROM "action" a WHERE a."authorityId" = :authorityId AND ${ACCOUNTABLE_MANAGER_SQL}`;
      const bySql = (await runSql(db, sql, { authorityId, managerId: candidate })).map((r) => r.id as string).sort();
      const byRule = actions
        .filter((a) => resolved.get(a.id) === candidate)
        .map((a) => a.id)
        .sort();
      expect(bySql).toEqual(byRule);
    }
    // The list form (both at once) and the value form (each action's accountable manager, read in its own council).
    const among = `SELECT a."id" FROM "action" a WHERE a."authorityId" = :authorityId AND ${accountableManagerAmongSql('managers')}`;
    const byAmong = (await runSql(db, among, { authorityId, managers: [lee, kim] })).map((r) => r.id as string).sort();
    expect(byAmong).toEqual(
      actions
        .filter((a) => [lee, kim].some((m) => m === resolved.get(a.id)))
        .map((a) => a.id)
        .sort(),
    );
    const values = await runSql(db, `SELECT a."id", ${ACCOUNTABLE_MANAGER_ID_SQL} AS "accountable" FROM "action" a WHERE a."authorityId" = :authorityId`, {
      authorityId,
    });
    expect(new Map(values.map((r) => [r.id as string, (r.accountable as string | null) ?? null]))).toEqual(resolved);
    // Each case once: named managers win, the line manager fills in, nobody answers for an unmanaged owner's.
    const refs = (id: string | null) =>
      actions
        .filter((a) => resolved.get(a.id) === id)
        .map((a) => a.ref)
        .sort();
    expect(refs(lee)).toEqual(['A00', 'A01', 'A11', 'A21', 'A31']);
    expect(refs(kim)).toEqual(['A02', 'A12', 'A20', 'A22', 'A32']);
    expect(refs(null)).toEqual(['A10', 'A30']);
  });
});
