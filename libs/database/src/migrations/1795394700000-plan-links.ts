import { QueryRunner } from 'typeorm';
import { refuseDanglingRows, SqlMigration } from './sql-migration';

// The tables' columns and keys before and after (SQLite rebuilds a table to add a NOT NULL column or a key).
const ID = '"id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "actionId" varchar(36) NOT NULL';
const FINDING_KEYS =
  'CONSTRAINT "FK_6fb20f346e2771f798b25bf8c44" FOREIGN KEY ("findingId") REFERENCES "finding" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, ' +
  'CONSTRAINT "FK_bb6c56a018a63148a5833609658" FOREIGN KEY ("actionId") REFERENCES "action" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, ' +
  'CONSTRAINT "FK_efcbed44398dd148e587b40e0c7" FOREIGN KEY ("authorityId") REFERENCES "authority" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION';
const MEASURE_KEYS =
  'CONSTRAINT "FK_167dcc693105154044600f13f1c" FOREIGN KEY ("measureId") REFERENCES "measure" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, ' +
  'CONSTRAINT "FK_666cd2dd46907868c2d67bb4f09" FOREIGN KEY ("actionId") REFERENCES "action" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, ' +
  'CONSTRAINT "FK_cf4dd6e4a50a2f1af40c4667de9" FOREIGN KEY ("authorityId") REFERENCES "authority" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION';
const FINDING_PLAN_KEY =
  'CONSTRAINT "FK_241d10d5c6351178fab6bc5cd61" FOREIGN KEY ("planId") REFERENCES "improvement_plan" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION';
const MEASURE_PLAN_KEY =
  'CONSTRAINT "FK_c1543cea313e8659e84525db188" FOREIGN KEY ("planId") REFERENCES "improvement_plan" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION';

const OLD_INDEXES = [
  'CREATE INDEX "ix_action_finding_finding" ON "action_finding" ("findingId")',
  'CREATE INDEX "ix_action_finding_action" ON "action_finding" ("actionId")',
  'CREATE INDEX "ix_action_measure_measure" ON "action_measure" ("measureId")',
  'CREATE UNIQUE INDEX "ux_action_measure" ON "action_measure" ("actionId", "measureId")',
];
const NEW_INDEXES = [
  'CREATE INDEX "ix_action_finding_plan" ON "action_finding" ("authorityId", "planId", "section")',
  'CREATE INDEX "ix_action_measure_plan" ON "action_measure" ("authorityId", "planId", "measureId")',
];

const SQLITE_UP = [
  `CREATE TABLE "new_action_finding" (${ID}, "findingId" varchar(36) NOT NULL, "planId" varchar(36) NOT NULL, "section" varchar(300) NOT NULL, ${FINDING_KEYS}, ${FINDING_PLAN_KEY})`,
  `INSERT INTO "new_action_finding" ("id", "authorityId", "actionId", "findingId", "planId", "section")
    SELECT l."id", l."authorityId", l."actionId", l."findingId", a."planId", f."section" FROM "action_finding" l
    LEFT JOIN "action" a ON a."id" = l."actionId" LEFT JOIN "finding" f ON f."id" = l."findingId"`,
  'DROP TABLE "action_finding"',
  'ALTER TABLE "new_action_finding" RENAME TO "action_finding"',
  `CREATE TABLE "new_action_measure" (${ID}, "measureId" varchar(36) NOT NULL, "planId" varchar(36) NOT NULL, ${MEASURE_KEYS}, ${MEASURE_PLAN_KEY})`,
  `INSERT INTO "new_action_measure" ("id", "authorityId", "actionId", "measureId", "planId")
    SELECT l."id", l."authorityId", l."actionId", l."measureId", a."planId" FROM "action_measure" l LEFT JOIN "action" a ON a."id" = l."actionId"`,
  'DROP TABLE "action_measure"',
  'ALTER TABLE "new_action_measure" RENAME TO "action_measure"',
  ...OLD_INDEXES,
  ...NEW_INDEXES,
];
const SQLITE_DOWN = [
  `CREATE TABLE "old_action_finding" (${ID}, "findingId" varchar(36) NOT NULL, ${FINDING_KEYS})`,
  'INSERT INTO "old_action_finding" ("id", "authorityId", "actionId", "findingId") SELECT "id", "authorityId", "actionId", "findingId" FROM "action_finding"',
  'DROP TABLE "action_finding"',
  'ALTER TABLE "old_action_finding" RENAME TO "action_finding"',
  `CREATE TABLE "old_action_measure" (${ID}, "measureId" varchar(36) NOT NULL, ${MEASURE_KEYS})`,
  'INSERT INTO "old_action_measure" ("id", "authorityId", "actionId", "measureId") SELECT "id", "authorityId", "actionId", "measureId" FROM "action_measure"',
  'DROP TABLE "action_measure"',
  'ALTER TABLE "old_action_measure" RENAME TO "action_measure"',
  ...OLD_INDEXES,
];

const POSTGRES_UP = [
  'ALTER TABLE "action_finding" ADD "planId" character varying(36)',
  'ALTER TABLE "action_finding" ADD "section" character varying(300)',
  'UPDATE "action_finding" l SET "planId" = a."planId", "section" = f."section" FROM "action" a, "finding" f WHERE a."id" = l."actionId" AND f."id" = l."findingId"',
  'ALTER TABLE "action_finding" ALTER COLUMN "planId" SET NOT NULL, ALTER COLUMN "section" SET NOT NULL',
  'ALTER TABLE "action_measure" ADD "planId" character varying(36)',
  'UPDATE "action_measure" l SET "planId" = a."planId" FROM "action" a WHERE a."id" = l."actionId"',
  'ALTER TABLE "action_measure" ALTER COLUMN "planId" SET NOT NULL',
  ...NEW_INDEXES,
  `ALTER TABLE "action_finding" ADD ${FINDING_PLAN_KEY.replace(' ("id")', '("id")')}`,
  `ALTER TABLE "action_measure" ADD ${MEASURE_PLAN_KEY.replace(' ("id")', '("id")')}`,
];
const POSTGRES_DOWN = [
  'ALTER TABLE "action_measure" DROP CONSTRAINT "FK_c1543cea313e8659e84525db188"',
  'ALTER TABLE "action_finding" DROP CONSTRAINT "FK_241d10d5c6351178fab6bc5cd61"',
  'DROP INDEX "ix_action_measure_plan"',
  'DROP INDEX "ix_action_finding_plan"',
  'ALTER TABLE "action_measure" DROP COLUMN "planId"',
  'ALTER TABLE "action_finding" DROP COLUMN "section"',
  'ALTER TABLE "action_finding" DROP COLUMN "planId"',
];

/**
 * Each link of an action to a finding keeps the action's plan and the finding's section, and each
 * link to a measure the action's plan (see ActionFinding and ActionMeasure): a review page read the
 * plan's themes and measures through every action and finding, half of its SQL at a million
 * actions. Existing links are filled from their actions and findings (a link to neither fails the
 * migration rather than being dropped: the columns refuse a null).
 */
export class PlanLinks1795394700000 extends SqlMigration {
  readonly name = 'PlanLinks1795394700000';
  protected readonly steps = { postgres: { up: POSTGRES_UP, down: POSTGRES_DOWN }, sqlite: { up: SQLITE_UP, down: SQLITE_DOWN } };

  async up(queryRunner: QueryRunner): Promise<void> {
    await super.up(queryRunner);
    await refuseDanglingRows(queryRunner, ['action_finding', 'action_measure']);
  }
}
