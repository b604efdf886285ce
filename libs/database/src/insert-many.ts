import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Bound parameters per statement: inside SQLite's limit (32,766) and PostgreSQL's (65,535). */
const MAX_PARAMETERS = 10_000;

export interface InsertManyOptions {
  /** Leave out rows that would break a unique index (ON CONFLICT DO NOTHING) instead of failing. */
  ignoreConflicts?: boolean;
}

/**
 * Inserts many rows of an entity with multi-row INSERT statements written here. TypeORM's insert
 * builder spends far longer assembling a large insert than the database spends running it.
 * Every column is written, so rows must be complete (a missing value is stored as null).
 */
export async function insertMany<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: T[], options: InsertManyOptions = {}): Promise<void> {
  if (rows.length === 0) return;
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns.filter((c) => c.isInsert);
  const head = `INSERT INTO ${driver.escape(metadata.tablePath)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tail = options.ignoreConflicts ? ' ON CONFLICT DO NOTHING' : '';
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(i, i + perStatement).map((row) => {
      const marks = columns.map((column) => {
        params.push(driver.preparePersistentValue(column.getEntityValue(row), column) ?? null);
        return driver.createParameter(`p${params.length}`, params.length - 1);
      });
      return `(${marks.join(', ')})`;
    });
    await manager.query(head + tuples.join(', ') + tail, params);
  }
}
