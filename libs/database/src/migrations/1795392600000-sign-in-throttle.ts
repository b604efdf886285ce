import { SqlMigration } from './sql-migration';

/** The sign-in throttle's counters, one row per (kind, key): checked and counted in one statement. */
export class SignInThrottle1795392600000 extends SqlMigration {
  readonly name = 'SignInThrottle1795392600000';
  protected readonly steps = { postgres: { up: POSTGRES_UP, down: DOWN }, sqlite: { up: SQLITE_UP, down: DOWN } };
}

const POSTGRES_UP = [
  'CREATE TABLE "sign_in_throttle" ("kind" character varying(20) NOT NULL, "key" character varying(330) NOT NULL, "failures" integer NOT NULL, "windowStartedAt" character varying(30) NOT NULL, "nextAttemptAt" character varying(30) NOT NULL, CONSTRAINT "PK_sign_in_throttle" PRIMARY KEY ("kind", "key"))',
  'CREATE INDEX "ix_sign_in_throttle_window" ON "sign_in_throttle" ("windowStartedAt")',
];

const SQLITE_UP = [
  'CREATE TABLE "sign_in_throttle" ("kind" varchar(20) NOT NULL, "key" varchar(330) NOT NULL, "failures" integer NOT NULL, "windowStartedAt" varchar(30) NOT NULL, "nextAttemptAt" varchar(30) NOT NULL, PRIMARY KEY ("kind", "key"))',
  'CREATE INDEX "ix_sign_in_throttle_window" ON "sign_in_throttle" ("windowStartedAt")',
];

const DOWN = ['DROP INDEX "ix_sign_in_throttle_window"', 'DROP TABLE "sign_in_throttle"'];
