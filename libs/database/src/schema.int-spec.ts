import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { actionRow, insertPlanRows } from '@app/testing/plan-rows';
import { createTestDatabase, DB_KINDS, openTestDatabase, OpenTestDatabase } from '@app/testing/test-database';
import { dataSourceOptions } from './data-source';
import { Action, Milestone, Plan } from './entities';
import { ForeignKeys1795392700000 } from './migrations/1795392700000-foreign-keys';
import { CORE_SCHEMA } from './schema';

const NOW = '2026-01-01T00:00:00.000Z';

const planTree = async (ds: DataSource) => {
  const { authorityId, planId } = await insertPlanRows(ds.manager);
  return { authority: { id: authorityId }, plan: { id: planId } };
};

function newAction(authorityId: string, planId: string, ref: string, ownerId: string | null = null): Action {
  return actionRow({ authorityId, planId, ref, title: 'Do it', ownerId }, NOW);
}

describe.each(DB_KINDS)('the schema guards itself (%s)', (kind) => {
  let t: OpenTestDatabase;
  beforeAll(async () => (t = await openTestDatabase(kind, { empty: true })));
  afterAll(() => t.close());

  it('refuses a second action with the same ref in one plan, and allows it in another', async () => {
    const { authority, plan } = await planTree(t.ds);
    await t.ds.manager.insert(Action, newAction(authority.id, plan.id, 'A1'));
    await expect(t.ds.manager.insert(Action, newAction(authority.id, plan.id, 'A1'))).rejects.toThrow(/unique|duplicate/i);
    const other = await planTree(t.ds);
    await t.ds.manager.insert(Action, newAction(other.authority.id, other.plan.id, 'A1'));
  });

  it('refuses a row that refers to a plan, authority or person that does not exist', async () => {
    const { authority, plan } = await planTree(t.ds);
    await expect(t.ds.manager.insert(Action, newAction(authority.id, randomUUID(), 'A1'))).rejects.toThrow(/foreign key/i);
    await expect(t.ds.manager.insert(Action, newAction(randomUUID(), plan.id, 'A1'))).rejects.toThrow(/foreign key/i);
    await expect(t.ds.manager.insert(Action, newAction(authority.id, plan.id, 'A1', randomUUID()))).rejects.toThrow(/foreign key/i);
    expect(await t.ds.manager.countBy(Action, { planId: plan.id })).toBe(0);
  });

  it("deletes an action's parts with it, and keeps a plan that still has actions", async () => {
    const { authority, plan } = await planTree(t.ds);
    const action = newAction(authority.id, plan.id, 'A1');
    await t.ds.manager.insert(Action, action);
    await t.ds.manager.insert(Milestone, {
      id: randomUUID(),
      authorityId: authority.id,
      actionId: action.id,
      title: 'M',
      dueDate: null,
      doneAt: null,
      createdAt: NOW,
    });
    await expect(t.ds.manager.delete(Plan, { id: plan.id })).rejects.toThrow(/foreign key/i);
    await t.ds.manager.delete(Action, { id: action.id });
    expect(await t.ds.manager.countBy(Milestone, { actionId: action.id })).toBe(0);
  });
});

describe('the SQLite schema of a new database', () => {
  let t: OpenTestDatabase;
  beforeAll(async () => (t = await openTestDatabase('sqlite', { empty: true })));
  afterAll(() => t.close());

  const foreignKeys = async (table: string) =>
    ((await t.ds.query(`PRAGMA foreign_key_list("${table}")`)) as { table: string; from: string; on_delete: string }[])
      .map((k) => `${k.from} -> ${k.table} ${k.on_delete}`)
      .sort();

  it('checks foreign keys on its connections', async () => {
    expect(await t.ds.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
  });

  it("declares the action's foreign keys and its parts' cascades", async () => {
    expect(await foreignKeys('action')).toEqual([
      'authorityId -> authority RESTRICT',
      'carriedFromId -> action SET NULL',
      'managerId -> app_user SET NULL',
      'organisationId -> organisation SET NULL',
      'ownerId -> app_user SET NULL',
      'planId -> improvement_plan RESTRICT',
    ]);
    expect(await foreignKeys('milestone')).toEqual(['actionId -> action CASCADE', 'authorityId -> authority RESTRICT']);
    expect(await foreignKeys('action_finding')).toContain('findingId -> finding RESTRICT');
  });

  it('gives every reference column of every table a foreign key', async () => {
    const tables = (await t.ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence')`)) as {
      name: string;
    }[];
    const missing: string[] = [];
    for (const { name } of tables) {
      const columns = (await t.ds.query(`PRAGMA table_info("${name}")`)) as { name: string }[];
      const keyed = new Set(((await t.ds.query(`PRAGMA foreign_key_list("${name}")`)) as { from: string }[]).map((k) => k.from));
      for (const c of columns) if (/Id$/.test(c.name) && !keyed.has(c.name)) missing.push(`${name}.${c.name}`);
    }
    expect(missing.sort()).toEqual(UNKEYED);
  });

  it('declares the unique action ref', async () => {
    const indexes = (await t.ds.query(`PRAGMA index_list("action")`)) as { name: string; unique: number }[];
    expect(indexes).toContainEqual(expect.objectContaining({ name: 'ux_action_ref', unique: 1 }));
    expect(await t.ds.query(`PRAGMA index_info("ux_action_ref")`)).toEqual([
      expect.objectContaining({ name: 'planId' }),
      expect.objectContaining({ name: 'ref' }),
    ]);
  });
});

describe.each(DB_KINDS)('adding the foreign keys to a database with data (%s)', (kind) => {
  const before = CORE_SCHEMA.migrations.slice(0, CORE_SCHEMA.migrations.indexOf(ForeignKeys1795392700000));
  const open = (config: Parameters<typeof dataSourceOptions>[0], migrations = CORE_SCHEMA.migrations) =>
    new DataSource(dataSourceOptions(config, { ...CORE_SCHEMA, migrations })).initialize();

  it('keeps rows that refer to real ones and refuses to go on over a dangling one', async () => {
    const db = await createTestDatabase(kind, { empty: true });
    const old = await open(db.config, before);
    await old.runMigrations();
    const { authorityId, planId } = await insertPlanRows(old.manager);
    await old.manager.insert(Action, [newAction(authorityId, planId, 'A1'), newAction(authorityId, randomUUID(), 'A2')]);
    await old.destroy();
    const current = await open(db.config);
    await expect(current.runMigrations({ transaction: 'each' })).rejects.toThrow(kind === 'sqlite' ? /action -> improvement_plan/ : /foreign key/);
    await current.query(`DELETE FROM "action" WHERE "ref" = 'A2'`);
    await current.runMigrations({ transaction: 'each' });
    expect(await current.manager.countBy(Action, { planId })).toBe(1);
    await current.destroy();
    await db.drop();
  });
});

// The audit record outlives what it names; a document's creator may be the command line ('cli'); a mail's messageId is SMTP's.
const UNKEYED = ['audit_event.actorId', 'audit_event.authorityId', 'audit_event.entityId', 'outbox_email.messageId', 'source_document.createdById'].sort();
