import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { nameStatement } from './named-statements';

export type SqlParams = Record<string, unknown>;
export type SqlRow = Record<string, unknown>;

/** Whether the manager's database is PostgreSQL (otherwise it is SQLite). */
export const isPostgres = (manager: EntityManager): boolean => manager.connection.options.type === 'postgres';

/**
 * Plain SQL for the requests people make most (their actions, a dashboard, an update): written
 * once as text, so no query builder runs per request. Parameters are named (`:name`, `:...list`)
 * and bound by the driver, so the same text runs on SQLite and PostgreSQL.
 */
export function runSql(manager: EntityManager, text: string, params: SqlParams = {}): Promise<SqlRow[]> {
  const [bound, values] = bindParameters(manager, text, params);
  return manager.query(bound, values);
}

/** A statement's text as the driver bound it, and the parameter each placeholder takes, in order. */
interface Binding {
  text: string;
  names: string[];
}

/** Stands in for a parameter while the driver binds a text, so that its place in the values tells whose it is. */
class Placeholder {
  constructor(readonly name: string) {}
}

/**
 * Values whose binding depends only on the text and the parameter's name: the drivers pass them on as
 * they are (a boolean becomes 1 or 0 on SQLite, as its runner makes it anyway), but for numbers on
 * SQLite, which its driver writes into the text. On PostgreSQL a list goes in as one array value.
 */
const boundOnce = (value: unknown, postgres: boolean) =>
  value === null ||
  value === undefined ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  typeof value === 'number' ||
  (postgres && Array.isArray(value));

/**
 * On PostgreSQL, `IN (:...name)` is sent as `= ANY(:name)`: one array parameter, so the text is the same
 * whatever the list's length and is named (parsed once a connection, its plan kept where that costs no
 * more). Written out, each length was a text of its own, sent unnamed and so parsed and planned at every
 * call, and a list of 65,536 was refused.
 */
const listsAsArrays = (text: string) => text.replace(/\bIN \(:\.\.\.(\w+)\)/g, '= ANY(:$1)');

const bindings = new WeakMap<object, Map<string, Map<string, Binding | null>>>();
const MAX_BOUND_TEXTS = 2000;
/** Bindings kept for one text: one for each set of names given and, on SQLite, each set of numbers written into it. */
const MAX_BINDINGS_OF_A_TEXT = 200;

/**
 * The driver's binding of named parameters (`escapeQueryWithParameters`), which scans the text with a
 * regular expression at each call: 2.7 to 4 % of a route's busy time. Where every value is bound once
 * (above), the text the driver binds depends only on the text, the names given and, on SQLite, the
 * numbers (a page's limit and offset). So the driver binds each such text once, with placeholders for
 * values, and later calls only pick the values. Dates, functions, and lists on SQLite (`:...name`,
 * written out) are bound by the driver each time.
 */
export function bindParameters(manager: EntityManager, text: string, params: SqlParams): [string, unknown[]] {
  const driver = manager.connection.driver;
  const postgres = isPostgres(manager);
  const names = Object.keys(params);
  if (!names.every((name) => boundOnce(params[name], postgres))) return boundByDriver(manager, text, params);
  const byDriver = bindings.get(driver) ?? bindings.set(driver, new Map()).get(driver)!;
  // Texts are written in the code, a few hundred in all; one that carried values would be a new text each time.
  if (byDriver.size >= MAX_BOUND_TEXTS) byDriver.clear();
  const byText = byDriver.get(text) ?? byDriver.set(text, new Map()).get(text)!;
  const writtenIn = (name: string) => !postgres && typeof params[name] === 'number';
  const given = names.map((name) => (writtenIn(name) ? `${name}=${params[name] as number}` : name)).join('\0');
  let binding = byText.get(given);
  if (binding === undefined) {
    if (byText.size >= MAX_BINDINGS_OF_A_TEXT) byText.clear();
    const sent = postgres ? listsAsArrays(text) : text;
    binding = sent.includes(':...') ? null : bindWithPlaceholders(manager, sent, names, (name) => (writtenIn(name) ? params[name] : new Placeholder(name)));
    byText.set(given, binding);
    if (binding && postgres) nameStatement(binding.text);
  }
  if (!binding) return driver.escapeQueryWithParameters(text, params);
  return [binding.text, binding.names.map((name) => params[name])];
}

/**
 * The driver's binding, made at each call. On PostgreSQL a date goes in as a value as any other does,
 * so the text is the same at each call and is named, unless a function's SQL was written into it.
 */
function boundByDriver(manager: EntityManager, text: string, params: SqlParams): [string, unknown[]] {
  const postgres = isPostgres(manager);
  const sent = postgres ? listsAsArrays(text) : text;
  const bound = manager.connection.driver.escapeQueryWithParameters(sent, params);
  const writtenIn = sent.includes(':...') || Object.values(params).some((value) => typeof value === 'function');
  if (postgres && !writtenIn) nameStatement(bound[0]);
  return bound;
}

function bindWithPlaceholders(manager: EntityManager, text: string, names: string[], standIn: (name: string) => unknown): Binding {
  const placeholders = Object.fromEntries(names.map((name) => [name, standIn(name)]));
  const [bound, values] = manager.connection.driver.escapeQueryWithParameters(text, placeholders);
  return { text: bound, names: values.map((value) => (value as Placeholder).name) };
}

/** Rows of an entity's table (`SELECT alias.*`), hydrated with each column's own conversion, as TypeORM's finders do. */
export async function selectEntities<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  text: string,
  params: SqlParams = {},
): Promise<T[]> {
  const hydrate = hydratorFor(manager, entity);
  return (await runSql(manager, text, params)).map(hydrate) as T[];
}

/** As selectEntities, each entity with the row it was read from, for the columns the statement adds to the entity's. */
export async function selectEntitiesWithRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  text: string,
  params: SqlParams = {},
): Promise<[T, SqlRow][]> {
  const hydrate = hydratorFor(manager, entity);
  return (await runSql(manager, text, params)).map((row) => [hydrate(row) as T, row]);
}

export async function selectEntity<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  text: string,
  params: SqlParams = {},
): Promise<T | null> {
  return (await selectEntities(manager, entity, text, params))[0] ?? null;
}

/**
 * Rows of two entities' tables joined, each hydrated as its own entity: `from` is the query after
 * its select list (`FROM "a_table" a JOIN "b_table" b ON … WHERE …`), and the select list names every
 * column of each entity under its alias, so one statement reads, say, an action and its plan.
 */
export async function selectPairs<A extends ObjectLiteral, B extends ObjectLiteral>(
  manager: EntityManager,
  [first, a]: [EntityTarget<A>, string],
  [second, b]: [EntityTarget<B>, string],
  from: string,
  params: SqlParams = {},
): Promise<[A, B][]> {
  const left = aliasedFor(manager, first, a);
  const right = aliasedFor(manager, second, b);
  const rows = await runSql(manager, `SELECT ${left.columns}, ${right.columns} ${from}`, params);
  return rows.map((row) => [left.hydrate(row) as A, right.hydrate(row) as B]);
}

/** A COUNT(*) AS "count" query's answer as a number (PostgreSQL returns counts as text). */
export async function selectCount(manager: EntityManager, text: string, params: SqlParams = {}): Promise<number> {
  return Number((await runSql(manager, text, params))[0]?.count ?? 0);
}

/**
 * Sets columns (the object's keys, which must be column names) on the rows `where` matches; returns
 * how many changed. A function value gives SQL to compute the value from (`() => '"attempts" + 1'`).
 */
export async function updateRows(manager: EntityManager, table: string, set: SqlRow, where: string, params: SqlParams): Promise<number> {
  const keys = Object.keys(set);
  const assign = (k: string) => `"${k}" = ${typeof set[k] === 'function' ? (set[k] as () => string)() : `:set_${k}`}`;
  const text = `UPDATE "${table}" SET ${keys.map(assign).join(', ')} WHERE ${where}`;
  const values = { ...params, ...Object.fromEntries(keys.filter((k) => typeof set[k] !== 'function').map((k) => [`set_${k}`, set[k]])) };
  const [bound, list] = bindParameters(manager, text, values);
  // Only a query runner reports the number of rows changed; a transaction's manager has its own.
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    return (await runner.query(bound, list, true)).affected ?? 0;
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}

/**
 * Gives the query planner fresh statistics for a table after a bulk write. A table filled moments
 * before has none yet (PostgreSQL's autovacuum comes round within a minute or so), and is planned
 * blind: PostgreSQL scanned all 100,000 reminder rows to find the 500 of one batch. SQLite samples
 * at most `analysis_limit` rows per index, so this stays cheap on a large table.
 */
export async function refreshStatistics(manager: EntityManager, table: string): Promise<void> {
  if (!isPostgres(manager)) await manager.query('PRAGMA analysis_limit = 1000');
  await manager.query(`ANALYZE "${table}"`);
}

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
export async function insertMany<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: T[],
  options: InsertManyOptions = {},
): Promise<void> {
  if (rows.length === 0) return;
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  // Generated columns (an insertion sequence) are left to the database.
  const columns = metadata.columns.filter((c) => c.isInsert && !c.isGenerated);
  const head = `INSERT INTO ${driver.escape(metadata.tablePath)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) `;
  const tail = options.ignoreConflicts ? ' ON CONFLICT DO NOTHING' : '';
  const values = (row: T) => columns.map((column) => driver.preparePersistentValue(column.getEntityValue(row), column) ?? null);
  if (isPostgres(manager)) {
    // One array per column: PostgreSQL parses and plans thousands of separate parameters slowly
    // (a 500-row reminder insert took 22 ms that way).
    const tuples = rows.map(values);
    const arrays = columns.map((_, i) => tuples.map((tuple) => tuple[i]));
    const casts = columns.map((column, i) => `$${i + 1}::${driver.normalizeType(column)}[]`);
    await manager.query(`${head}SELECT * FROM unnest(${casts.join(', ')})${tail}`, arrays);
    return;
  }
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(i, i + perStatement).map(
      (row) =>
        `(${values(row)
          .map((value) => {
            params.push(value);
            return driver.createParameter(`p${params.length}`, params.length - 1);
          })
          .join(', ')})`,
    );
    await manager.query(`${head}VALUES ${tuples.join(', ')}${tail}`, params);
  }
}

const hydrators = new WeakMap<object, (row: SqlRow) => SqlRow>();

/** Text columns both drivers hand back as they are: the driver's per-value conversion is skipped for them (most of a row). */
const TEXT_TYPES = new Set<unknown>([String, 'varchar', 'text', 'character varying', 'uuid']);
const isStoredAsRead = (c: ColumnMetadata) => TEXT_TYPES.has(c.type) && !c.transformer && !c.isArray;

function hydratorFor(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): (row: SqlRow) => SqlRow {
  const metadata = manager.connection.getMetadata(entity);
  let hydrate = hydrators.get(metadata);
  if (!hydrate) {
    const driver = manager.connection.driver;
    const columns = metadata.columns.map((c) => ({
      property: c.propertyName,
      name: c.databaseName,
      read: isStoredAsRead(c) ? null : (value: unknown) => driver.prepareHydratedValue(value, c),
    }));
    hydrate = (row) => {
      const entity: SqlRow = {};
      for (const c of columns) entity[c.property] = c.read ? c.read(row[c.name]) : row[c.name];
      return entity;
    };
    hydrators.set(metadata, hydrate);
  }
  return hydrate;
}

interface Aliased {
  columns: string;
  hydrate: (row: SqlRow) => SqlRow;
}

const aliased = new WeakMap<object, Map<string, Aliased>>();

/** An entity's columns selected under a table alias as "alias.column", and the hydrator of such a row (made once). */
function aliasedFor(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string): Aliased {
  const metadata = manager.connection.getMetadata(entity);
  const byAlias = aliased.get(metadata) ?? new Map<string, Aliased>();
  aliased.set(metadata, byAlias);
  let made = byAlias.get(alias);
  if (!made) {
    const driver = manager.connection.driver;
    const columns = metadata.columns;
    made = {
      columns: columns.map((c) => `${alias}."${c.databaseName}" AS "${alias}.${c.databaseName}"`).join(', '),
      hydrate: (row) => {
        const entity: SqlRow = {};
        for (const c of columns) entity[c.propertyName] = driver.prepareHydratedValue(row[`${alias}.${c.databaseName}`], c);
        return entity;
      },
    };
    byAlias.set(alias, made);
  }
  return made;
}
