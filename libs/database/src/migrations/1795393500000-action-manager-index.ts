import { SqlMigration } from './sql-migration';

const UP = ['CREATE INDEX "ix_action_manager" ON "action" ("authorityId", "managerId")'];
const DOWN = ['DROP INDEX "ix_action_manager"'];

/** Actions by accountable manager (the manager's home page and `?managerId=`) without reading all the council's actions. */
export class ActionManagerIndex1795393500000 extends SqlMigration {
  readonly name = 'ActionManagerIndex1795393500000';
  protected readonly steps = { postgres: { up: UP, down: DOWN }, sqlite: { up: UP, down: DOWN } };
}
