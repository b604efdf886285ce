import { SqlMigration } from './sql-migration';

const UP = [
  `CREATE INDEX "ix_audit_action_done" ON "audit_event" ("entityId", "at") WHERE "entityType" = 'action' AND "event" IN ('action_status_changed', 'action_verified') AND ("after" LIKE '%"status":"completed"%' OR "after" LIKE '%"status":"verified"%')`,
];
const DOWN = ['DROP INDEX "ix_audit_action_done"'];

/**
 * The status events that took an action to completed or verified, by action: what a review pack counts
 * for its plan in a quarter, read without visiting the council's other events of the quarter (a busy
 * quarter made the quarterly review page a third slower) nor the frequent other status changes.
 */
export class ActionDoneIndex1795394600000 extends SqlMigration {
  readonly name = 'ActionDoneIndex1795394600000';
  protected readonly steps = { postgres: { up: UP, down: DOWN }, sqlite: { up: UP, down: DOWN } };
}
