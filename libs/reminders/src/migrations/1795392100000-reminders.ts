import { SqlMigration } from '@app/database/migrations/sql-migration';

/**
 * Reminders and escalations: reminder rows (the source of truth the queue is rebuilt from),
 * in-app notifications, the email outbox, per-user notification settings, calendar feed tokens
 * and per-plan reminder rules. Drafted with libs/database/src/schema-sql.ts and reviewed by hand.
 */
export class Reminders1795392100000 extends SqlMigration {
  readonly name = 'Reminders1795392100000';
  protected readonly steps = { postgres: { up: POSTGRES_UP, down: POSTGRES_DOWN }, sqlite: { up: SQLITE_UP, down: SQLITE_DOWN } };
}

const POSTGRES_UP = [
  'CREATE TABLE "calendar_feed_token" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "userId" character varying(36) NOT NULL, "tokenHash" character varying(64) NOT NULL, "createdAt" character varying(30) NOT NULL, "revokedAt" character varying(30), CONSTRAINT "PK_e016889d5c740abfa7277e0431b" PRIMARY KEY ("id"))',
  'CREATE INDEX "ix_calendar_feed_token_user" ON "calendar_feed_token"  ("authorityId", "userId") ',
  'CREATE UNIQUE INDEX "ux_calendar_feed_token_hash" ON "calendar_feed_token"  ("tokenHash") ',
  'CREATE TABLE "notification" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "userId" character varying(36) NOT NULL, "reminderId" character varying(36), "actionId" character varying(36), "kind" character varying(30) NOT NULL, "title" character varying(300) NOT NULL, "body" text NOT NULL, "link" character varying(500) NOT NULL, "createdAt" character varying(30) NOT NULL, "readAt" character varying(30), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))',
  'CREATE INDEX "ix_notification_user" ON "notification"  ("authorityId", "userId", "createdAt") ',
  'CREATE UNIQUE INDEX "ux_notification_reminder" ON "notification"  ("reminderId") ',
  'CREATE TABLE "notification_settings" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "userId" character varying(36) NOT NULL, "email" text NOT NULL, "digestOnly" boolean NOT NULL, "onLeave" boolean NOT NULL, "leaveUntil" character varying(10), "delegateId" character varying(36), "updatedAt" character varying(30) NOT NULL, CONSTRAINT "PK_d131abd7996c475ef768d4559ba" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "ux_notification_settings_user" ON "notification_settings"  ("authorityId", "userId") ',
  'CREATE TABLE "outbox_email" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "reminderId" character varying(36), "userId" character varying(36) NOT NULL, "toAddress" character varying(254) NOT NULL, "subject" character varying(300) NOT NULL, "textBody" text NOT NULL, "htmlBody" text NOT NULL, "messageId" character varying(200) NOT NULL, "transport" character varying(10) NOT NULL, "createdAt" character varying(30) NOT NULL, CONSTRAINT "PK_b55f4d8ab961614aa75da7a668d" PRIMARY KEY ("id"))',
  'CREATE INDEX "ix_outbox_email_authority" ON "outbox_email"  ("authorityId", "createdAt") ',
  'CREATE UNIQUE INDEX "ux_outbox_email_reminder" ON "outbox_email"  ("reminderId") ',
  'CREATE TABLE "reminder" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "actionId" character varying(36), "planId" character varying(36), "kind" character varying(30) NOT NULL, "offsetDays" integer, "forDate" character varying(10) NOT NULL, "recipientId" character varying(36) NOT NULL, "deliveredToId" character varying(36), "dueAt" character varying(30) NOT NULL, "runAt" character varying(30) NOT NULL, "state" character varying(12) NOT NULL, "dedupeKey" character varying(200) NOT NULL, "attempts" integer NOT NULL, "lastError" character varying(1000), "outcome" character varying(200), "queuedAt" character varying(30), "claimedAt" character varying(30), "sentAt" character varying(30), "createdAt" character varying(30) NOT NULL, "updatedAt" character varying(30) NOT NULL, CONSTRAINT "PK_9ec029d17cb8dece186b9221ede" PRIMARY KEY ("id"))',
  'CREATE INDEX "ix_reminder_authority" ON "reminder"  ("authorityId", "state", "dueAt") ',
  'CREATE INDEX "ix_reminder_action" ON "reminder"  ("actionId", "state") ',
  'CREATE INDEX "ix_reminder_state_run" ON "reminder"  ("state", "runAt") ',
  'CREATE UNIQUE INDEX "ux_reminder_dedupe" ON "reminder"  ("dedupeKey") ',
  'CREATE TABLE "reminder_plan_settings" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "planId" character varying(36) NOT NULL, "rules" text NOT NULL, "updatedAt" character varying(30) NOT NULL, CONSTRAINT "PK_99ef8f7750c8b4f1c4938282c5e" PRIMARY KEY ("id"))',
  'CREATE UNIQUE INDEX "ux_reminder_plan_settings_plan" ON "reminder_plan_settings"  ("planId") ',
];

const POSTGRES_DOWN = [
  'DROP INDEX "public"."ux_reminder_plan_settings_plan"',
  'DROP TABLE "reminder_plan_settings"',
  'DROP INDEX "public"."ux_reminder_dedupe"',
  'DROP INDEX "public"."ix_reminder_state_run"',
  'DROP INDEX "public"."ix_reminder_action"',
  'DROP INDEX "public"."ix_reminder_authority"',
  'DROP TABLE "reminder"',
  'DROP INDEX "public"."ux_outbox_email_reminder"',
  'DROP INDEX "public"."ix_outbox_email_authority"',
  'DROP TABLE "outbox_email"',
  'DROP INDEX "public"."ux_notification_settings_user"',
  'DROP TABLE "notification_settings"',
  'DROP INDEX "public"."ux_notification_reminder"',
  'DROP INDEX "public"."ix_notification_user"',
  'DROP TABLE "notification"',
  'DROP INDEX "public"."ux_calendar_feed_token_hash"',
  'DROP INDEX "public"."ix_calendar_feed_token_user"',
  'DROP TABLE "calendar_feed_token"',
];

const SQLITE_UP = [
  'CREATE TABLE "calendar_feed_token" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdAt" varchar(30) NOT NULL, "revokedAt" varchar(30))',
  'CREATE INDEX "ix_calendar_feed_token_user" ON "calendar_feed_token" ("authorityId", "userId") ',
  'CREATE UNIQUE INDEX "ux_calendar_feed_token_hash" ON "calendar_feed_token" ("tokenHash") ',
  'CREATE TABLE "notification" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "reminderId" varchar(36), "actionId" varchar(36), "kind" varchar(30) NOT NULL, "title" varchar(300) NOT NULL, "body" text NOT NULL, "link" varchar(500) NOT NULL, "createdAt" varchar(30) NOT NULL, "readAt" varchar(30))',
  'CREATE INDEX "ix_notification_user" ON "notification" ("authorityId", "userId", "createdAt") ',
  'CREATE UNIQUE INDEX "ux_notification_reminder" ON "notification" ("reminderId") ',
  'CREATE TABLE "notification_settings" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "email" text NOT NULL, "digestOnly" boolean NOT NULL, "onLeave" boolean NOT NULL, "leaveUntil" varchar(10), "delegateId" varchar(36), "updatedAt" varchar(30) NOT NULL)',
  'CREATE UNIQUE INDEX "ux_notification_settings_user" ON "notification_settings" ("authorityId", "userId") ',
  'CREATE TABLE "outbox_email" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "reminderId" varchar(36), "userId" varchar(36) NOT NULL, "toAddress" varchar(254) NOT NULL, "subject" varchar(300) NOT NULL, "textBody" text NOT NULL, "htmlBody" text NOT NULL, "messageId" varchar(200) NOT NULL, "transport" varchar(10) NOT NULL, "createdAt" varchar(30) NOT NULL)',
  'CREATE INDEX "ix_outbox_email_authority" ON "outbox_email" ("authorityId", "createdAt") ',
  'CREATE UNIQUE INDEX "ux_outbox_email_reminder" ON "outbox_email" ("reminderId") ',
  'CREATE TABLE "reminder" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "actionId" varchar(36), "planId" varchar(36), "kind" varchar(30) NOT NULL, "offsetDays" integer, "forDate" varchar(10) NOT NULL, "recipientId" varchar(36) NOT NULL, "deliveredToId" varchar(36), "dueAt" varchar(30) NOT NULL, "runAt" varchar(30) NOT NULL, "state" varchar(12) NOT NULL, "dedupeKey" varchar(200) NOT NULL, "attempts" integer NOT NULL, "lastError" varchar(1000), "outcome" varchar(200), "queuedAt" varchar(30), "claimedAt" varchar(30), "sentAt" varchar(30), "createdAt" varchar(30) NOT NULL, "updatedAt" varchar(30) NOT NULL)',
  'CREATE INDEX "ix_reminder_authority" ON "reminder" ("authorityId", "state", "dueAt") ',
  'CREATE INDEX "ix_reminder_action" ON "reminder" ("actionId", "state") ',
  'CREATE INDEX "ix_reminder_state_run" ON "reminder" ("state", "runAt") ',
  'CREATE UNIQUE INDEX "ux_reminder_dedupe" ON "reminder" ("dedupeKey") ',
  'CREATE TABLE "reminder_plan_settings" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "planId" varchar(36) NOT NULL, "rules" text NOT NULL, "updatedAt" varchar(30) NOT NULL)',
  'CREATE UNIQUE INDEX "ux_reminder_plan_settings_plan" ON "reminder_plan_settings" ("planId") ',
];

const SQLITE_DOWN = [
  'DROP INDEX "ux_reminder_plan_settings_plan"',
  'DROP TABLE "reminder_plan_settings"',
  'DROP INDEX "ux_reminder_dedupe"',
  'DROP INDEX "ix_reminder_state_run"',
  'DROP INDEX "ix_reminder_action"',
  'DROP INDEX "ix_reminder_authority"',
  'DROP TABLE "reminder"',
  'DROP INDEX "ux_outbox_email_reminder"',
  'DROP INDEX "ix_outbox_email_authority"',
  'DROP TABLE "outbox_email"',
  'DROP INDEX "ux_notification_settings_user"',
  'DROP TABLE "notification_settings"',
  'DROP INDEX "ux_notification_reminder"',
  'DROP INDEX "ix_notification_user"',
  'DROP TABLE "notification"',
  'DROP INDEX "ux_calendar_feed_token_hash"',
  'DROP INDEX "ix_calendar_feed_token_user"',
  'DROP TABLE "calendar_feed_token"',
];
