import { MigrationInterface, QueryRunner } from 'typeorm';

/** A migration's statements for each database; the two dialects differ in types and constraints. */
export interface SqlSteps {
  postgres: { up: string[]; down: string[] };
  sqlite: { up: string[]; down: string[] };
}

/** Runs the statement list for the database the migration runs on, in order. */
export abstract class SqlMigration implements MigrationInterface {
  abstract readonly name: string;
  protected abstract readonly steps: SqlSteps;

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of this.dialect(queryRunner).up) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of this.dialect(queryRunner).down) await queryRunner.query(sql);
  }

  private dialect(queryRunner: QueryRunner) {
    return queryRunner.connection.options.type === 'postgres' ? this.steps.postgres : this.steps.sqlite;
  }
}
