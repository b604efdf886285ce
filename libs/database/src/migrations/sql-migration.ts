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

/**
 * SQLite runs migrations with foreign keys off (a table is rebuilt to add one), so a migration that
 * adds foreign keys checks the rows afterwards and refuses dangling ones, as PostgreSQL does itself.
 * Given `tables`, only theirs are checked (the whole database took 46 s at a million actions).
 */
export async function refuseDanglingRows(queryRunner: QueryRunner, tables?: string[]): Promise<void> {
  if (queryRunner.connection.options.type === 'postgres') return;
  const checks = tables ? tables.map((t) => `PRAGMA foreign_key_check("${t}")`) : ['PRAGMA foreign_key_check'];
  const dangling: { table: string; parent: string }[] = [];
  for (const check of checks) dangling.push(...((await queryRunner.query(check)) as { table: string; parent: string }[]));
  if (!dangling.length) return;
  const pairs = [...new Set(dangling.map((r) => `${r.table} -> ${r.parent}`))].join(', ');
  throw new Error(`Rows refer to rows that do not exist (${pairs}): mend them, then migrate again`);
}
