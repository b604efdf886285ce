import { SqlMigration } from './sql-migration';

/** Performance measures, and the measures each action should move. */
export class Measures1795392300000 extends SqlMigration {
  readonly name = 'Measures1795392300000';
  protected readonly steps = { postgres: { up: POSTGRES_UP, down: DOWN }, sqlite: { up: SQLITE_UP, down: DOWN } };
}

const POSTGRES_UP = [
  'CREATE TABLE "measure" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "name" character varying(300) NOT NULL, "unit" character varying(10) NOT NULL, "polarity" character varying(10) NOT NULL, "target" double precision, "bandLow" double precision, "bandHigh" double precision, "tolerance" double precision, "createdAt" character varying(30) NOT NULL, CONSTRAINT "PK_measure" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "ux_measure_name" ON "measure" ("authorityId", "name")',
  'CREATE TABLE "action_measure" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "actionId" character varying(36) NOT NULL, "measureId" character varying(36) NOT NULL, CONSTRAINT "PK_action_measure" PRIMARY KEY ("id"))',
  'CREATE INDEX "ix_action_measure_measure" ON "action_measure" ("measureId")',
  'CREATE UNIQUE INDEX "ux_action_measure" ON "action_measure" ("actionId", "measureId")',
];

const SQLITE_UP = [
  'CREATE TABLE "measure" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "name" varchar(300) NOT NULL, "unit" varchar(10) NOT NULL, "polarity" varchar(10) NOT NULL, "target" double precision, "bandLow" double precision, "bandHigh" double precision, "tolerance" double precision, "createdAt" varchar(30) NOT NULL)',
  'CREATE UNIQUE INDEX "ux_measure_name" ON "measure" ("authorityId", "name")',
  'CREATE TABLE "action_measure" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "actionId" varchar(36) NOT NULL, "measureId" varchar(36) NOT NULL)',
  'CREATE INDEX "ix_action_measure_measure" ON "action_measure" ("measureId")',
  'CREATE UNIQUE INDEX "ux_action_measure" ON "action_measure" ("actionId", "measureId")',
];

// Index names are unique per schema on both databases, so one list drops them.
const DOWN = [
  'DROP INDEX "ux_action_measure"',
  'DROP INDEX "ix_action_measure_measure"',
  'DROP TABLE "action_measure"',
  'DROP INDEX "ux_measure_name"',
  'DROP TABLE "measure"',
];
