import { SqlMigration } from './sql-migration';

const UP = ['CREATE INDEX "ix_membership_manager" ON "membership" ("authorityId", "managerId")'];
const DOWN = ['DROP INDEX "ix_membership_manager"'];

/**
 * The members a person line-manages in one council: "does this person manage anyone" (the home page)
 * and the accountable-manager filter's line reports read only theirs, not every membership of the council.
 */
export class MembershipManagerIndex1795394500000 extends SqlMigration {
  readonly name = 'MembershipManagerIndex1795394500000';
  protected readonly steps = { postgres: { up: UP, down: DOWN }, sqlite: { up: UP, down: DOWN } };
}
