import { SqlMigration } from './sql-migration';

/**
 * Board meetings: the meeting, its attendance, its agenda and the decisions recorded at it. Drafted
 * with libs/reminders/src/schema-sql.ts and reviewed by hand (new tables, so SQLite needs no rebuild).
 */
export class Meetings1795393100000 extends SqlMigration {
  readonly name = 'Meetings1795393100000';
  protected readonly steps = { postgres: { up: POSTGRES_UP, down: DOWN }, sqlite: { up: SQLITE_UP, down: DOWN } };
}

const POSTGRES_UP = [
  'CREATE TABLE "meeting" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "boardId" character varying(36) NOT NULL, "planId" character varying(36) NOT NULL, "date" character varying(10) NOT NULL, "startTime" character varying(5) NOT NULL, "durationMinutes" integer NOT NULL, "place" character varying(300) NOT NULL, "status" character varying(20) NOT NULL, "minutesNarrative" text, "minutesText" text, "minutesApprovedAt" character varying(30), "minutesApprovedById" character varying(36), "sequence" integer NOT NULL, "createdAt" character varying(30) NOT NULL, "updatedAt" character varying(30) NOT NULL, CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))',
  'CREATE INDEX "ix_meeting_plan_date" ON "meeting"  ("planId", "date") ',
  'CREATE INDEX "ix_meeting_board_date" ON "meeting"  ("authorityId", "boardId", "date") ',
  'CREATE TABLE "meeting_attendee" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "meetingId" character varying(36) NOT NULL, "userId" character varying(36), "guestName" character varying(200), "attendance" character varying(20) NOT NULL, CONSTRAINT "PK_503e099c618ff1a7ac117352ca7" PRIMARY KEY ("id"))',
  'CREATE INDEX "ix_meeting_attendee_meeting" ON "meeting_attendee"  ("meetingId") ',
  'CREATE TABLE "agenda_item" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "meetingId" character varying(36) NOT NULL, "actionId" character varying(36), "title" character varying(300) NOT NULL, "section" character varying(100), "presenterId" character varying(36), "minutesAllotted" integer, "position" integer NOT NULL, "reasons" character varying(200) NOT NULL, "chairEdited" boolean NOT NULL, "carriedFromId" character varying(36), "createdAt" character varying(30) NOT NULL, CONSTRAINT "PK_413623e61232799619c2e0a1d42" PRIMARY KEY ("id"))',
  'CREATE INDEX "ix_agenda_item_meeting" ON "agenda_item"  ("meetingId", "position") ',
  'CREATE TABLE "meeting_decision" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "meetingId" character varying(36) NOT NULL, "actionId" character varying(36) NOT NULL, "agendaItemId" character varying(36), "kind" character varying(20) NOT NULL, "comment" text NOT NULL, "dueDate" character varying(10), "ownerId" character varying(36), "managerId" character varying(36), "escalateToId" character varying(36), "decidedById" character varying(36) NOT NULL, "createdAt" character varying(30) NOT NULL, CONSTRAINT "PK_6787600e55cc73688b127a1cd93" PRIMARY KEY ("id"))',
  'CREATE INDEX "ix_meeting_decision_action" ON "meeting_decision"  ("actionId") ',
  'CREATE INDEX "ix_meeting_decision_meeting" ON "meeting_decision"  ("meetingId", "createdAt") ',
  'ALTER TABLE "meeting" ADD CONSTRAINT "FK_560520e3044c44893868e006a42" FOREIGN KEY ("authorityId") REFERENCES "authority"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "meeting" ADD CONSTRAINT "FK_1dabc4f311b1d487c29a0c76349" FOREIGN KEY ("boardId") REFERENCES "board"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "meeting" ADD CONSTRAINT "FK_1b777808ed326b25f4c13394571" FOREIGN KEY ("planId") REFERENCES "improvement_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "meeting" ADD CONSTRAINT "FK_4596edf93e84d8bedc51cccb44e" FOREIGN KEY ("minutesApprovedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_attendee" ADD CONSTRAINT "FK_92ccce2e43b435a0db60d3b82bd" FOREIGN KEY ("authorityId") REFERENCES "authority"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_attendee" ADD CONSTRAINT "FK_627c1a17372cdaa4e13cb9bc68b" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_attendee" ADD CONSTRAINT "FK_1cbdd81498544471233983bebd9" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "agenda_item" ADD CONSTRAINT "FK_9a22e8cdf9ad25c304966275fcb" FOREIGN KEY ("authorityId") REFERENCES "authority"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "agenda_item" ADD CONSTRAINT "FK_28bc9d0411e9396fd1a0eb9e497" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE "agenda_item" ADD CONSTRAINT "FK_9a32ca25df345e015b615588426" FOREIGN KEY ("actionId") REFERENCES "action"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "agenda_item" ADD CONSTRAINT "FK_e8a4f13b73460319c891930ebed" FOREIGN KEY ("presenterId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "agenda_item" ADD CONSTRAINT "FK_779ff3bbda595ccc6a8d3f77a85" FOREIGN KEY ("carriedFromId") REFERENCES "agenda_item"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_2edcb4ba13d590c3c591a99cb2c" FOREIGN KEY ("authorityId") REFERENCES "authority"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_88923539aed176945439f95c09f" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_9602dc1310af837e3313e72b103" FOREIGN KEY ("actionId") REFERENCES "action"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_2d2bfd20dac830316c66762af43" FOREIGN KEY ("agendaItemId") REFERENCES "agenda_item"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_8f3710c28c8d171e93c4165777c" FOREIGN KEY ("ownerId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_633fecacf1d741dc8f62fd2809b" FOREIGN KEY ("managerId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_4cb7755e9e1770138be95cd79e1" FOREIGN KEY ("escalateToId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_4f5e3eca1f7be76c7bc7adaacb7" FOREIGN KEY ("decidedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
];

const SQLITE_UP = [
  'CREATE TABLE "meeting" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "boardId" varchar(36) NOT NULL, "planId" varchar(36) NOT NULL, "date" varchar(10) NOT NULL, "startTime" varchar(5) NOT NULL, "durationMinutes" integer NOT NULL, "place" varchar(300) NOT NULL, "status" varchar(20) NOT NULL, "minutesNarrative" text, "minutesText" text, "minutesApprovedAt" varchar(30), "minutesApprovedById" varchar(36), "sequence" integer NOT NULL, "createdAt" varchar(30) NOT NULL, "updatedAt" varchar(30) NOT NULL, CONSTRAINT "FK_560520e3044c44893868e006a42" FOREIGN KEY ("authorityId") REFERENCES "authority" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_1dabc4f311b1d487c29a0c76349" FOREIGN KEY ("boardId") REFERENCES "board" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_1b777808ed326b25f4c13394571" FOREIGN KEY ("planId") REFERENCES "improvement_plan" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_4596edf93e84d8bedc51cccb44e" FOREIGN KEY ("minutesApprovedById") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
  'CREATE INDEX "ix_meeting_plan_date" ON "meeting" ("planId", "date") ',
  'CREATE INDEX "ix_meeting_board_date" ON "meeting" ("authorityId", "boardId", "date") ',
  'CREATE TABLE "meeting_attendee" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "userId" varchar(36), "guestName" varchar(200), "attendance" varchar(20) NOT NULL, CONSTRAINT "FK_92ccce2e43b435a0db60d3b82bd" FOREIGN KEY ("authorityId") REFERENCES "authority" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_627c1a17372cdaa4e13cb9bc68b" FOREIGN KEY ("meetingId") REFERENCES "meeting" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_1cbdd81498544471233983bebd9" FOREIGN KEY ("userId") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
  'CREATE INDEX "ix_meeting_attendee_meeting" ON "meeting_attendee" ("meetingId") ',
  'CREATE TABLE "agenda_item" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "actionId" varchar(36), "title" varchar(300) NOT NULL, "section" varchar(100), "presenterId" varchar(36), "minutesAllotted" integer, "position" integer NOT NULL, "reasons" varchar(200) NOT NULL, "chairEdited" boolean NOT NULL, "carriedFromId" varchar(36), "createdAt" varchar(30) NOT NULL, CONSTRAINT "FK_9a22e8cdf9ad25c304966275fcb" FOREIGN KEY ("authorityId") REFERENCES "authority" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_28bc9d0411e9396fd1a0eb9e497" FOREIGN KEY ("meetingId") REFERENCES "meeting" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9a32ca25df345e015b615588426" FOREIGN KEY ("actionId") REFERENCES "action" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e8a4f13b73460319c891930ebed" FOREIGN KEY ("presenterId") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_779ff3bbda595ccc6a8d3f77a85" FOREIGN KEY ("carriedFromId") REFERENCES "agenda_item" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
  'CREATE INDEX "ix_agenda_item_meeting" ON "agenda_item" ("meetingId", "position") ',
  'CREATE TABLE "meeting_decision" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "actionId" varchar(36) NOT NULL, "agendaItemId" varchar(36), "kind" varchar(20) NOT NULL, "comment" text NOT NULL, "dueDate" varchar(10), "ownerId" varchar(36), "managerId" varchar(36), "escalateToId" varchar(36), "decidedById" varchar(36) NOT NULL, "createdAt" varchar(30) NOT NULL, CONSTRAINT "FK_2edcb4ba13d590c3c591a99cb2c" FOREIGN KEY ("authorityId") REFERENCES "authority" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_88923539aed176945439f95c09f" FOREIGN KEY ("meetingId") REFERENCES "meeting" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9602dc1310af837e3313e72b103" FOREIGN KEY ("actionId") REFERENCES "action" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_2d2bfd20dac830316c66762af43" FOREIGN KEY ("agendaItemId") REFERENCES "agenda_item" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_8f3710c28c8d171e93c4165777c" FOREIGN KEY ("ownerId") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_633fecacf1d741dc8f62fd2809b" FOREIGN KEY ("managerId") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_4cb7755e9e1770138be95cd79e1" FOREIGN KEY ("escalateToId") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_4f5e3eca1f7be76c7bc7adaacb7" FOREIGN KEY ("decidedById") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
  'CREATE INDEX "ix_meeting_decision_action" ON "meeting_decision" ("actionId") ',
  'CREATE INDEX "ix_meeting_decision_meeting" ON "meeting_decision" ("meetingId", "createdAt") ',
];

// Index names are unique per schema on both databases, so one list drops them (each table's foreign keys go with it).
const DOWN = [
  'DROP INDEX "ix_meeting_decision_meeting"',
  'DROP INDEX "ix_meeting_decision_action"',
  'DROP TABLE "meeting_decision"',
  'DROP INDEX "ix_agenda_item_meeting"',
  'DROP TABLE "agenda_item"',
  'DROP INDEX "ix_meeting_attendee_meeting"',
  'DROP TABLE "meeting_attendee"',
  'DROP INDEX "ix_meeting_board_date"',
  'DROP INDEX "ix_meeting_plan_date"',
  'DROP TABLE "meeting"',
];
