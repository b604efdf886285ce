import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

export type SqlParams = Record<string, unknown>;
export type SqlRow = Record<string, unknown>;

/**
 * Plain SQL for the requests people make most (their actions, a dashboard, an update): written
 * once as text, so no query builder runs per request. Parameters are named (`:name`, `:...list`)
 * and bound by the driver, so the same text runs on SQLite and PostgreSQL.
 */
export function runSql(manager: EntityManager, text: string, params: SqlParams = {}): Promise<SqlRow[]> {
  const [bound, values] = manager.connection.driver.escapeQueryWithParameters(text, params);
  return manager.query(bound, values);
}

/** Rows of an entity's table (`SELECT alias.*`), hydrated with each column's own conversion, as TypeORM's finders do. */
export async function selectEntities<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, text: string, params: SqlParams = {}): Promise<T[]> {
  const hydrate = hydratorFor(manager, entity);
  return (await runSql(manager, text, params)).map(hydrate) as T[];
}

export async function selectEntity<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, text: string, params: SqlParams = {}): Promise<T | null> {
  return (await selectEntities(manager, entity, text, params))[0] ?? null;
}

/** A COUNT(*) AS "count" query's answer as a number (PostgreSQL returns counts as text). */
export async function selectCount(manager: EntityManager, text: string, params: SqlParams = {}): Promise<number> {
  return Number((await runSql(manager, text, params))[0]?.count ?? 0);
}

/** Inserts one row: the columns are the object's keys, which must be the entity's column names. */
export async function insertRow(manager: EntityManager, table: string, row: SqlRow): Promise<void> {
  const keys = Object.keys(row);
  await runSql(manager, `INSERT INTO "${table}" (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map((k) => `:${k}`).join(', ')})`, row);
}

/** Sets columns (the object's keys, which must be column names) on the rows `where` matches; returns how many changed. */
export async function updateRows(manager: EntityManager, table: string, set: SqlRow, where: string, params: SqlParams): Promise<number> {
  const keys = Object.keys(set);
  const text = `UPDATE "${table}" SET ${keys.map((k) => `"${k}" = :set_${k}`).join(', ')} WHERE ${where}`;
  const values = { ...params, ...Object.fromEntries(keys.map((k) => [`set_${k}`, set[k]])) };
  const [bound, list] = manager.connection.driver.escapeQueryWithParameters(text, values);
  // Only a query runner reports the number of rows changed; a transaction's manager has its own.
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    return (await runner.query(bound, list, true)).affected ?? 0;
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}

const hydrators = new WeakMap<object, (row: SqlRow) => SqlRow>();

function hydratorFor(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): (row: SqlRow) => SqlRow {
  const metadata = manager.connection.getMetadata(entity);
  let hydrate = hydrators.get(metadata);
  if (!hydrate) {
    const driver = manager.connection.driver;
    const columns = metadata.columns;
    hydrate = (row) => {
      const entity: SqlRow = {};
      for (const c of columns) entity[c.propertyName] = driver.prepareHydratedValue(row[c.databaseName], c);
      return entity;
    };
    hydrators.set(metadata, hydrate);
  }
  return hydrate;
}
