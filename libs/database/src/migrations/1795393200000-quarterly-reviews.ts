import { QueryRunner } from 'typeorm';
import { refuseDanglingRows, SqlMigration } from './sql-migration';

/** Quarterly reviews: measure values by period, a measure's owner and roll-up rule, reviews, judgements, follow-ups. */
export class QuarterlyReviews1795393200000 extends SqlMigration {
  readonly name = 'QuarterlyReviews1795393200000';
  protected readonly steps = { postgres: { up: POSTGRES_UP, down: POSTGRES_DOWN }, sqlite: { up: SQLITE_UP, down: SQLITE_DOWN } };

  async up(queryRunner: QueryRunner): Promise<void> {
    await super.up(queryRunner);
    await refuseDanglingRows(queryRunner);
  }
}

const POSTGRES_UP = [
  'CREATE TABLE "measure_value" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "measureId" character varying(36) NOT NULL, "period" character varying(10) NOT NULL, "quarter" character varying(10) NOT NULL, "value" double precision NOT NULL, "national" double precision, "comparator" double precision, "commentary" character varying(2000), "reason" character varying(1000), "supersededValue" double precision, "enteredById" character varying(36) NOT NULL, "enteredAt" character varying(30) NOT NULL, "replacedAt" character varying(30), CONSTRAINT "PK_066da64f0071f7e2658da9fcb28" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "ux_measure_value_current" ON "measure_value" ("measureId", "period") WHERE "replacedAt" IS NULL',
  'CREATE INDEX "ix_measure_value_measure" ON "measure_value" ("measureId", "period")',
  'CREATE TABLE "review" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "planId" character varying(36) NOT NULL, "quarter" character varying(10) NOT NULL, "status" character varying(10) NOT NULL, "frozen" text, "createdById" character varying(36) NOT NULL, "createdAt" character varying(30) NOT NULL, "signedById" character varying(36), "signedAt" character varying(30), CONSTRAINT "PK_2e4299a343a81574217255c00ca" PRIMARY KEY ("id"))',
  'CREATE INDEX "ix_review_authority" ON "review" ("authorityId", "quarter")',
  'CREATE UNIQUE INDEX "ux_review_plan_quarter" ON "review" ("planId", "quarter")',
  'CREATE TABLE "review_judgement" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "reviewId" character varying(36) NOT NULL, "area" character varying(300) NOT NULL, "judgement" character varying(20) NOT NULL, "comment" text NOT NULL, "recordedById" character varying(36) NOT NULL, "recordedAt" character varying(30) NOT NULL, CONSTRAINT "PK_b7c3cc35d023f3f15dda6045548" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "ux_review_judgement_area" ON "review_judgement" ("reviewId", "area")',
  'CREATE TABLE "review_follow_up" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "reviewId" character varying(36) NOT NULL, "actionId" character varying(36) NOT NULL, "createdAt" character varying(30) NOT NULL, CONSTRAINT "PK_cf8ce4699c80929cd8cb444e1c6" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "ux_review_follow_up_action" ON "review_follow_up" ("actionId")',
  'CREATE INDEX "ix_review_follow_up_review" ON "review_follow_up" ("reviewId")',
  `ALTER TABLE "measure" ADD "rollup" character varying(10) NOT NULL DEFAULT 'last'`,
  'ALTER TABLE "measure" ADD "ownerId" character varying(36)',
  'ALTER TABLE "measure" ADD CONSTRAINT "FK_cc173bd3e17ec25c928601a7271" FOREIGN KEY ("ownerId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
  'ALTER TABLE "measure_value" ADD CONSTRAINT "FK_e535016b74bd9cb1e249fd2fbc2" FOREIGN KEY ("authorityId") REFERENCES "authority"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "measure_value" ADD CONSTRAINT "FK_347336df8548ffe0b4ac33fb5d5" FOREIGN KEY ("measureId") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE "measure_value" ADD CONSTRAINT "FK_062e97b9fc2a75e80826ef1ef3c" FOREIGN KEY ("enteredById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "review" ADD CONSTRAINT "FK_a120ba4eb2d3f891cab99266331" FOREIGN KEY ("authorityId") REFERENCES "authority"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "review" ADD CONSTRAINT "FK_e85de311d86e56e44ca1ddd9802" FOREIGN KEY ("planId") REFERENCES "improvement_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "review" ADD CONSTRAINT "FK_7f1febb5465b721169034ec247f" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "review" ADD CONSTRAINT "FK_d3c86d0e307c0b04cf46fa3d7a0" FOREIGN KEY ("signedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "review_judgement" ADD CONSTRAINT "FK_82dd799ac0f05ffd6fde4cdca21" FOREIGN KEY ("authorityId") REFERENCES "authority"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "review_judgement" ADD CONSTRAINT "FK_0cbaec429a532455a7b10670000" FOREIGN KEY ("reviewId") REFERENCES "review"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE "review_judgement" ADD CONSTRAINT "FK_3b32ba7153a9b5c4e49da8d4743" FOREIGN KEY ("recordedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "review_follow_up" ADD CONSTRAINT "FK_0f6f8ae88edb1fb412349995a74" FOREIGN KEY ("authorityId") REFERENCES "authority"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "review_follow_up" ADD CONSTRAINT "FK_fe52a44a1a9d46c15ce560b9f65" FOREIGN KEY ("reviewId") REFERENCES "review"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE "review_follow_up" ADD CONSTRAINT "FK_d5dca7f6897281f051c60152341" FOREIGN KEY ("actionId") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
];

const POSTGRES_DOWN = [
  'DROP TABLE "review_follow_up"',
  'DROP TABLE "review_judgement"',
  'DROP TABLE "review"',
  'DROP TABLE "measure_value"',
  'ALTER TABLE "measure" DROP CONSTRAINT "FK_cc173bd3e17ec25c928601a7271"',
  'ALTER TABLE "measure" DROP COLUMN "ownerId"',
  'ALTER TABLE "measure" DROP COLUMN "rollup"',
];

const MEASURE_COLUMNS = '"id", "authorityId", "name", "unit", "polarity", "target", "bandLow", "bandHigh", "tolerance", "createdAt"';
const MEASURE_BASE =
  '"id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "name" varchar(300) NOT NULL, "unit" varchar(10) NOT NULL, "polarity" varchar(10) NOT NULL, "target" double precision, "bandLow" double precision, "bandHigh" double precision, "tolerance" double precision, "createdAt" varchar(30) NOT NULL';
const MEASURE_AUTHORITY_FK =
  'CONSTRAINT "FK_9a5cf92be3bc71a122c5cb2f730" FOREIGN KEY ("authorityId") REFERENCES "authority" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION';

const SQLITE_UP = [
  'DROP INDEX "ux_measure_name"',
  `CREATE TABLE "temporary_measure" (${MEASURE_BASE}, "rollup" varchar(10) NOT NULL DEFAULT ('last'), "ownerId" varchar(36), ${MEASURE_AUTHORITY_FK}, CONSTRAINT "FK_cc173bd3e17ec25c928601a7271" FOREIGN KEY ("ownerId") REFERENCES "app_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
  `INSERT INTO "temporary_measure"(${MEASURE_COLUMNS}) SELECT ${MEASURE_COLUMNS} FROM "measure"`,
  'DROP TABLE "measure"',
  'ALTER TABLE "temporary_measure" RENAME TO "measure"',
  'CREATE UNIQUE INDEX "ux_measure_name" ON "measure" ("authorityId", "name")',
  'CREATE TABLE "measure_value" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "measureId" varchar(36) NOT NULL, "period" varchar(10) NOT NULL, "quarter" varchar(10) NOT NULL, "value" double precision NOT NULL, "national" double precision, "comparator" double precision, "commentary" varchar(2000), "reason" varchar(1000), "supersededValue" double precision, "enteredById" varchar(36) NOT NULL, "enteredAt" varchar(30) NOT NULL, "replacedAt" varchar(30), CONSTRAINT "FK_e535016b74bd9cb1e249fd2fbc2" FOREIGN KEY ("authorityId") REFERENCES "authority" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_347336df8548ffe0b4ac33fb5d5" FOREIGN KEY ("measureId") REFERENCES "measure" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_062e97b9fc2a75e80826ef1ef3c" FOREIGN KEY ("enteredById") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
  'CREATE UNIQUE INDEX "ux_measure_value_current" ON "measure_value" ("measureId", "period") WHERE "replacedAt" IS NULL',
  'CREATE INDEX "ix_measure_value_measure" ON "measure_value" ("measureId", "period")',
  'CREATE TABLE "review" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "planId" varchar(36) NOT NULL, "quarter" varchar(10) NOT NULL, "status" varchar(10) NOT NULL, "frozen" text, "createdById" varchar(36) NOT NULL, "createdAt" varchar(30) NOT NULL, "signedById" varchar(36), "signedAt" varchar(30), CONSTRAINT "FK_a120ba4eb2d3f891cab99266331" FOREIGN KEY ("authorityId") REFERENCES "authority" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e85de311d86e56e44ca1ddd9802" FOREIGN KEY ("planId") REFERENCES "improvement_plan" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_7f1febb5465b721169034ec247f" FOREIGN KEY ("createdById") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_d3c86d0e307c0b04cf46fa3d7a0" FOREIGN KEY ("signedById") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
  'CREATE INDEX "ix_review_authority" ON "review" ("authorityId", "quarter")',
  'CREATE UNIQUE INDEX "ux_review_plan_quarter" ON "review" ("planId", "quarter")',
  'CREATE TABLE "review_judgement" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "reviewId" varchar(36) NOT NULL, "area" varchar(300) NOT NULL, "judgement" varchar(20) NOT NULL, "comment" text NOT NULL, "recordedById" varchar(36) NOT NULL, "recordedAt" varchar(30) NOT NULL, CONSTRAINT "FK_82dd799ac0f05ffd6fde4cdca21" FOREIGN KEY ("authorityId") REFERENCES "authority" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_0cbaec429a532455a7b10670000" FOREIGN KEY ("reviewId") REFERENCES "review" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_3b32ba7153a9b5c4e49da8d4743" FOREIGN KEY ("recordedById") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
  'CREATE UNIQUE INDEX "ux_review_judgement_area" ON "review_judgement" ("reviewId", "area")',
  'CREATE TABLE "review_follow_up" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "reviewId" varchar(36) NOT NULL, "actionId" varchar(36) NOT NULL, "createdAt" varchar(30) NOT NULL, CONSTRAINT "FK_0f6f8ae88edb1fb412349995a74" FOREIGN KEY ("authorityId") REFERENCES "authority" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_fe52a44a1a9d46c15ce560b9f65" FOREIGN KEY ("reviewId") REFERENCES "review" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_d5dca7f6897281f051c60152341" FOREIGN KEY ("actionId") REFERENCES "action" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE UNIQUE INDEX "ux_review_follow_up_action" ON "review_follow_up" ("actionId")',
  'CREATE INDEX "ix_review_follow_up_review" ON "review_follow_up" ("reviewId")',
];

const SQLITE_DOWN = [
  'DROP TABLE "review_follow_up"',
  'DROP TABLE "review_judgement"',
  'DROP TABLE "review"',
  'DROP TABLE "measure_value"',
  'DROP INDEX "ux_measure_name"',
  `CREATE TABLE "temporary_measure" (${MEASURE_BASE}, ${MEASURE_AUTHORITY_FK})`,
  `INSERT INTO "temporary_measure"(${MEASURE_COLUMNS}) SELECT ${MEASURE_COLUMNS} FROM "measure"`,
  'DROP TABLE "measure"',
  'ALTER TABLE "temporary_measure" RENAME TO "measure"',
  'CREATE UNIQUE INDEX "ux_measure_name" ON "measure" ("authorityId", "name")',
];
