import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sign-in throttle's indexes cover only rows with a subject or an address (sign-in events):
 * as full indexes they tripled the cost of every other audit insert (docs/PERFORMANCE.md).
 */
export class PartialAuditIndexes1795392400000 implements MigrationInterface {
  name = 'PartialAuditIndexes1795392400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_audit_event_subject"');
    await queryRunner.query('DROP INDEX "ix_audit_event_ip"');
    await queryRunner.query('CREATE INDEX "ix_audit_event_subject" ON "audit_event" ("event", "subject", "at") WHERE "subject" IS NOT NULL');
    await queryRunner.query('CREATE INDEX "ix_audit_event_ip" ON "audit_event" ("event", "ip", "at") WHERE "ip" IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_audit_event_subject"');
    await queryRunner.query('DROP INDEX "ix_audit_event_ip"');
    await queryRunner.query('CREATE INDEX "ix_audit_event_subject" ON "audit_event" ("event", "subject", "at")');
    await queryRunner.query('CREATE INDEX "ix_audit_event_ip" ON "audit_event" ("event", "ip", "at")');
  }
}
