import { SqlMigration } from '@app/database/migrations/sql-migration';

/**
 * Reminders to a measure's owner to enter a quarter's value are reminder rows like an action's,
 * naming the measure (deleted with it). SQLite adds the foreign key by rebuilding the table; the
 * new column is empty, so no row can dangle.
 */
export class ReminderMeasure1795394200000 extends SqlMigration {
  readonly name = 'ReminderMeasure1795394200000';
  protected readonly steps = {
    postgres: {
      up: [
        'ALTER TABLE "reminder" ADD "measureId" character varying(36)',
        'CREATE INDEX "ix_reminder_measure" ON "reminder" ("measureId", "state")',
        'ALTER TABLE "reminder" ADD CONSTRAINT "FK_58b7c7b7efbac0a81d8a12c0b5a" FOREIGN KEY ("measureId") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
      ],
      down: [
        'ALTER TABLE "reminder" DROP CONSTRAINT "FK_58b7c7b7efbac0a81d8a12c0b5a"',
        'DROP INDEX "ix_reminder_measure"',
        'ALTER TABLE "reminder" DROP COLUMN "measureId"',
      ],
    },
    sqlite: {
      up: [
        'DROP INDEX "ix_reminder_authority"',
        'DROP INDEX "ix_reminder_action"',
        'DROP INDEX "ix_reminder_state_run"',
        'DROP INDEX "ux_reminder_dedupe"',
        'DROP INDEX "ix_reminder_state_queued"',
        'CREATE TABLE "temporary_reminder" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "actionId" varchar(36), "planId" varchar(36), "kind" varchar(30) NOT NULL, "offsetDays" integer, "forDate" varchar(10) NOT NULL, "recipientId" varchar(36) NOT NULL, "deliveredToId" varchar(36), "dueAt" varchar(30) NOT NULL, "runAt" varchar(30) NOT NULL, "state" varchar(12) NOT NULL, "dedupeKey" varchar(200) NOT NULL, "attempts" integer NOT NULL, "lastError" varchar(1000), "outcome" varchar(200), "queuedAt" varchar(30), "claimedAt" varchar(30), "sentAt" varchar(30), "createdAt" varchar(30) NOT NULL, "updatedAt" varchar(30) NOT NULL, "claimToken" varchar(36), "measureId" varchar(36), CONSTRAINT "FK_1730f8bf1dc4ebed1d156439123" FOREIGN KEY ("deliveredToId") REFERENCES "app_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_9284513843f955dfd1ead3d8d4a" FOREIGN KEY ("recipientId") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_d5b6c3de01b6dea21ac5d7bfc40" FOREIGN KEY ("planId") REFERENCES "improvement_plan" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_f6dbef5750f8445c8d8d03fc028" FOREIGN KEY ("actionId") REFERENCES "action" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_d885f78994143a4a2a214a39287" FOREIGN KEY ("authorityId") REFERENCES "authority" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_58b7c7b7efbac0a81d8a12c0b5a" FOREIGN KEY ("measureId") REFERENCES "measure" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
        'INSERT INTO "temporary_reminder"("id", "authorityId", "actionId", "planId", "kind", "offsetDays", "forDate", "recipientId", "deliveredToId", "dueAt", "runAt", "state", "dedupeKey", "attempts", "lastError", "outcome", "queuedAt", "claimedAt", "sentAt", "createdAt", "updatedAt", "claimToken") SELECT "id", "authorityId", "actionId", "planId", "kind", "offsetDays", "forDate", "recipientId", "deliveredToId", "dueAt", "runAt", "state", "dedupeKey", "attempts", "lastError", "outcome", "queuedAt", "claimedAt", "sentAt", "createdAt", "updatedAt", "claimToken" FROM "reminder"',
        'DROP TABLE "reminder"',
        'ALTER TABLE "temporary_reminder" RENAME TO "reminder"',
        'CREATE INDEX "ix_reminder_authority" ON "reminder" ("authorityId", "state", "dueAt")',
        'CREATE INDEX "ix_reminder_action" ON "reminder" ("actionId", "state")',
        'CREATE INDEX "ix_reminder_state_run" ON "reminder" ("state", "runAt")',
        'CREATE UNIQUE INDEX "ux_reminder_dedupe" ON "reminder" ("dedupeKey")',
        'CREATE INDEX "ix_reminder_state_queued" ON "reminder" ("state", "queuedAt")',
        'CREATE INDEX "ix_reminder_measure" ON "reminder" ("measureId", "state")',
      ],
      down: [
        'DROP INDEX "ix_reminder_measure"',
        'DROP INDEX "ix_reminder_authority"',
        'DROP INDEX "ix_reminder_action"',
        'DROP INDEX "ix_reminder_state_run"',
        'DROP INDEX "ux_reminder_dedupe"',
        'DROP INDEX "ix_reminder_state_queued"',
        'ALTER TABLE "reminder" RENAME TO "temporary_reminder"',
        'CREATE TABLE "reminder" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "actionId" varchar(36), "planId" varchar(36), "kind" varchar(30) NOT NULL, "offsetDays" integer, "forDate" varchar(10) NOT NULL, "recipientId" varchar(36) NOT NULL, "deliveredToId" varchar(36), "dueAt" varchar(30) NOT NULL, "runAt" varchar(30) NOT NULL, "state" varchar(12) NOT NULL, "dedupeKey" varchar(200) NOT NULL, "attempts" integer NOT NULL, "lastError" varchar(1000), "outcome" varchar(200), "queuedAt" varchar(30), "claimedAt" varchar(30), "sentAt" varchar(30), "createdAt" varchar(30) NOT NULL, "updatedAt" varchar(30) NOT NULL, "claimToken" varchar(36), CONSTRAINT "FK_1730f8bf1dc4ebed1d156439123" FOREIGN KEY ("deliveredToId") REFERENCES "app_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_9284513843f955dfd1ead3d8d4a" FOREIGN KEY ("recipientId") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_d5b6c3de01b6dea21ac5d7bfc40" FOREIGN KEY ("planId") REFERENCES "improvement_plan" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_f6dbef5750f8445c8d8d03fc028" FOREIGN KEY ("actionId") REFERENCES "action" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_d885f78994143a4a2a214a39287" FOREIGN KEY ("authorityId") REFERENCES "authority" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
        'INSERT INTO "reminder"("id", "authorityId", "actionId", "planId", "kind", "offsetDays", "forDate", "recipientId", "deliveredToId", "dueAt", "runAt", "state", "dedupeKey", "attempts", "lastError", "outcome", "queuedAt", "claimedAt", "sentAt", "createdAt", "updatedAt", "claimToken") SELECT "id", "authorityId", "actionId", "planId", "kind", "offsetDays", "forDate", "recipientId", "deliveredToId", "dueAt", "runAt", "state", "dedupeKey", "attempts", "lastError", "outcome", "queuedAt", "claimedAt", "sentAt", "createdAt", "updatedAt", "claimToken" FROM "temporary_reminder"',
        'DROP TABLE "temporary_reminder"',
        'CREATE INDEX "ix_reminder_authority" ON "reminder" ("authorityId", "state", "dueAt")',
        'CREATE INDEX "ix_reminder_action" ON "reminder" ("actionId", "state")',
        'CREATE INDEX "ix_reminder_state_run" ON "reminder" ("state", "runAt")',
        'CREATE UNIQUE INDEX "ux_reminder_dedupe" ON "reminder" ("dedupeKey")',
        'CREATE INDEX "ix_reminder_state_queued" ON "reminder" ("state", "queuedAt")',
      ],
    },
  };
}
