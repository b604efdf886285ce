import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { actionRow, insertPlanRows } from '@app/testing/plan-rows';
import { createTestDatabase, DB_KINDS, TestDatabase } from '@app/testing/test-database';
import { dataSourceOptions } from '../data-source';
import { Action, Finding, Measure, SourceDocument } from '../entities';
import { CORE_SCHEMA } from '../schema';
import { PlanLinks1795394700000 } from './1795394700000-plan-links';

const NOW = '2026-01-01T00:00:00.000Z';

describe.each(DB_KINDS)("the migration that gives each link its action's plan (%s)", (kind) => {
  let db: TestDatabase;
  let ds: DataSource;
  const migration = new PlanLinks1795394700000();
  beforeAll(async () => {
    db = await createTestDatabase(kind, { empty: true });
    ds = new DataSource(dataSourceOptions(db.config, CORE_SCHEMA));
    await ds.initialize();
    await ds.runMigrations();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  /** A plan with one action answering a finding and moving a measure, its links written as they were before the migration. */
  async function linksAsBefore(section: string, actionOf: (planId: string) => string = (planId) => planId) {
    const { authorityId, planId } = await insertPlanRows(ds.manager);
    const documentId = randomUUID();
    await ds.manager.insert(SourceDocument, {
      ...{ id: documentId, authorityId, title: 'Report', kind: 'inspection', inspectorates: [], inspectionStart: null, inspectionEnd: null },
      ...{ publishedOn: null, contentHash: null, body: null, createdById: null, createdAt: NOW },
    });
    const finding = { id: randomUUID(), authorityId, documentId, section, timescale: 'unspecified', text: 'Do better' } as const;
    await ds.manager.insert(Finding, { ...finding, ownerOrg: null, lineStart: null, lineEnd: null, position: 0 });
    const measureId = randomUUID();
    await ds.manager.insert(Measure, {
      ...{ id: measureId, authorityId, name: `Measure ${measureId}`, unit: 'count', polarity: 'higher', target: null, bandLow: null, bandHigh: null },
      ...{ tolerance: null, rollup: 'last', ownerId: null, createdAt: NOW },
    });
    const action = actionRow({ authorityId, planId: actionOf(planId), ref: 'A1', title: 'Act' });
    await ds.manager.insert(Action, action);
    const [p1, p2, p3, p4] = kind === 'postgres' ? ['$1', '$2', '$3', '$4'] : ['?', '?', '?', '?'];
    await ds.query(`INSERT INTO "action_finding" ("id", "authorityId", "actionId", "findingId") VALUES (${p1}, ${p2}, ${p3}, ${p4})`, [
      randomUUID(),
      authorityId,
      action.id,
      finding.id,
    ]);
    await ds.query(`INSERT INTO "action_measure" ("id", "authorityId", "actionId", "measureId") VALUES (${p1}, ${p2}, ${p3}, ${p4})`, [
      randomUUID(),
      authorityId,
      action.id,
      measureId,
    ]);
    return { planId, actionId: action.id };
  }

  it('fills the links there are from their actions and findings, and undoes', async () => {
    const runner = ds.createQueryRunner();
    const links = (table: string) => ds.query(`SELECT * FROM "${table}" ORDER BY "actionId"`) as Promise<Record<string, unknown>[]>;
    try {
      await migration.down(runner);
      const plans = [await linksAsBefore('Leadership'), await linksAsBefore('Help and protection')];
      await migration.up(runner);
      const byAction = (rows: Record<string, unknown>[], field: string) => new Map(rows.map((r) => [r.actionId, r[field]]));
      const findingLinks = await links('action_finding');
      expect(findingLinks).toHaveLength(2);
      expect(byAction(findingLinks, 'planId')).toEqual(new Map(plans.map((p) => [p.actionId, p.planId])));
      expect(byAction(findingLinks, 'section')).toEqual(
        new Map([
          [plans[0].actionId, 'Leadership'],
          [plans[1].actionId, 'Help and protection'],
        ]),
      );
      expect(byAction(await links('action_measure'), 'planId')).toEqual(new Map(plans.map((p) => [p.actionId, p.planId])));
      await migration.down(runner);
      for (const table of ['action_finding', 'action_measure']) {
        const rows = await links(table);
        expect(rows).toHaveLength(2);
        for (const row of rows) expect(row).not.toHaveProperty('planId');
      }
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  });

  if (kind === 'sqlite') {
    // SQLite migrates with foreign keys off, so it checks the rebuilt tables itself.
    it("refuses a link whose action's plan does not exist", async () => {
      const runner = ds.createQueryRunner();
      try {
        await migration.down(runner);
        await ds.query('PRAGMA foreign_keys = OFF');
        await linksAsBefore('Leadership', () => randomUUID());
        await expect(migration.up(runner)).rejects.toThrow(
          'Rows refer to rows that do not exist (action_finding -> improvement_plan, action_measure -> improvement_plan)',
        );
      } finally {
        await ds.query('PRAGMA foreign_keys = ON');
        await runner.release();
      }
    });
  }
});
