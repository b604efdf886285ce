import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batch delivery claims many reminder rows with one conditional UPDATE that stamps them with a
 * token, then reads back by that token what it, and no other worker, won. Nullable: rows claimed
 * before this migration, and rows never claimed, have none. The index lets the reconciler find
 * queued rows whose job may be lost without reading every queued row each time it runs.
 */
export class ReminderClaimToken1795392200000 implements MigrationInterface {
  name = 'ReminderClaimToken1795392200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const type = queryRunner.connection.options.type === 'postgres' ? 'character varying(36)' : 'varchar(36)';
    await queryRunner.query(`ALTER TABLE "reminder" ADD COLUMN "claimToken" ${type}`);
    await queryRunner.query('CREATE INDEX "ix_reminder_state_queued" ON "reminder" ("state", "queuedAt")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_reminder_state_queued"');
    await queryRunner.query('ALTER TABLE "reminder" DROP COLUMN "claimToken"');
  }
}
