import { SqlMigration } from './sql-migration';

/**
 * A meeting can be cancelled (with the reason kept on it), and the board can close its plan at a meeting
 * (the decision, and the successor plan its open actions went to). Drafted with
 * libs/reminders/src/schema-sql.ts and reviewed by hand: a new table and a nullable column, so SQLite
 * needs no rebuild (ADD COLUMN puts it last, where the rebuild would).
 */
export class MeetingCancelAndPlanClosure1795394100000 extends SqlMigration {
  readonly name = 'MeetingCancelAndPlanClosure1795394100000';
  protected readonly steps = { postgres: { up: POSTGRES_UP, down: DOWN }, sqlite: { up: SQLITE_UP, down: DOWN } };
}

const POSTGRES_UP = [
  'ALTER TABLE "meeting" ADD "cancelReason" text',
  'CREATE TABLE "meeting_plan_closure" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "meetingId" character varying(36) NOT NULL, "planId" character varying(36) NOT NULL, "successorPlanId" character varying(36), "comment" text NOT NULL, "actionsCarried" integer NOT NULL, "decidedById" character varying(36) NOT NULL, "createdAt" character varying(30) NOT NULL, CONSTRAINT "PK_b39dc33062d86215c5b5ba1a49e" PRIMARY KEY ("id"))',
  'CREATE INDEX "ix_meeting_plan_closure_meeting" ON "meeting_plan_closure"  ("meetingId") ',
  'ALTER TABLE "meeting_plan_closure" ADD CONSTRAINT "FK_1f4144ec38e1042a83f1fa09bb4" FOREIGN KEY ("authorityId") REFERENCES "authority"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_plan_closure" ADD CONSTRAINT "FK_989907f79fe416918b86bdd55f5" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_plan_closure" ADD CONSTRAINT "FK_1bf04bb54617cdbaed24c546325" FOREIGN KEY ("planId") REFERENCES "improvement_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_plan_closure" ADD CONSTRAINT "FK_b1cc5e2a4feecff21146134b9ef" FOREIGN KEY ("successorPlanId") REFERENCES "improvement_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "meeting_plan_closure" ADD CONSTRAINT "FK_67ab31ae43ea2e15a823830ba3f" FOREIGN KEY ("decidedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
];

const SQLITE_UP = [
  'ALTER TABLE "meeting" ADD COLUMN "cancelReason" text',
  'CREATE TABLE "meeting_plan_closure" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "planId" varchar(36) NOT NULL, "successorPlanId" varchar(36), "comment" text NOT NULL, "actionsCarried" integer NOT NULL, "decidedById" varchar(36) NOT NULL, "createdAt" varchar(30) NOT NULL, CONSTRAINT "FK_1f4144ec38e1042a83f1fa09bb4" FOREIGN KEY ("authorityId") REFERENCES "authority" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_989907f79fe416918b86bdd55f5" FOREIGN KEY ("meetingId") REFERENCES "meeting" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_1bf04bb54617cdbaed24c546325" FOREIGN KEY ("planId") REFERENCES "improvement_plan" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_b1cc5e2a4feecff21146134b9ef" FOREIGN KEY ("successorPlanId") REFERENCES "improvement_plan" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_67ab31ae43ea2e15a823830ba3f" FOREIGN KEY ("decidedById") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
  'CREATE INDEX "ix_meeting_plan_closure_meeting" ON "meeting_plan_closure" ("meetingId") ',
];

// The table's foreign keys go with it; both databases drop a column in place.
const DOWN = ['DROP INDEX "ix_meeting_plan_closure_meeting"', 'DROP TABLE "meeting_plan_closure"', 'ALTER TABLE "meeting" DROP COLUMN "cancelReason"'];
