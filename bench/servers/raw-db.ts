import * as fs from 'node:fs';
import Database from 'better-sqlite3';
import { Pool, PoolClient } from 'pg';
import { SQLITE_PRAGMAS } from '@app/database/data-source';
import { BackgroundCheckpoints } from '@app/database/sqlite-checkpoints';

export type SqlRow = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** The minimal database access of the raw server: SQL with :named parameters, through the app's drivers. */
export interface RawDb {
  readonly kind: 'sqlite' | 'postgres';
  one(sql: string, params?: Params): Promise<SqlRow | undefined>;
  all(sql: string, params?: Params): Promise<SqlRow[]>;
  run(sql: string, params?: Params): Promise<number>;
  tx<T>(work: (db: RawDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * BENCH_QUERY_LOG: every statement the raw server sends is appended to this file, as the API's census
 * preload logs the API's (bench/suite/query-census.ts compares the two). Never set in a measured server.
 */
const QUERY_LOG = process.env.BENCH_QUERY_LOG;
const logged = (text: string) => {
  if (QUERY_LOG) fs.appendFileSync(QUERY_LOG, `${text.replace(/\s+/g, ' ').trim()}\n`);
  return text;
};

/**
 * Turns :name placeholders into positional ones (? or $n), values in order of appearance, and
 * :...name into one placeholder per item of a list, binding as TypeORM's drivers bind (so the text
 * the database prepares is the API's): on SQLite a number is written into the text and a boolean is
 * 1 or 0; on PostgreSQL a name has one $n however often it appears.
 */
function positional(sql: string, params: Params, style: '?' | '$'): [string, unknown[]] {
  const values: unknown[] = [];
  const numbers = new Map<string, number>();
  const text = sql.replace(/(?<!:):(\.\.\.)?([a-zA-Z]\w*)/g, (_, list: string | undefined, name: string) => {
    if (!(name in params)) throw new Error(`missing SQL parameter ${name}`);
    const value = params[name];
    if (list) return (value as unknown[]).map((item) => (style === '?' ? (values.push(item), '?') : `$${values.push(item)}`)).join(', ');
    if (style === '?') {
      if (typeof value === 'number') return String(value);
      values.push(typeof value === 'boolean' ? (value ? 1 : 0) : value);
      return '?';
    }
    // As TypeORM does on PostgreSQL: one $n per name, so a repeated expression (GROUP BY) matches its SELECT.
    if (!numbers.has(name)) numbers.set(name, values.push(value));
    return `$${numbers.get(name)}`;
  });
  return [logged(text), values];
}

/** Prepared statements kept, as TypeORM's better-sqlite3 query runner keeps them (its default statementCacheSize, first in first out). */
const STATEMENT_CACHE = 100;

/** Where SQLite's checkpoints run: on a thread of their own, as the app's (BackgroundCheckpoints), or in the commit that fills the log (SQLite's default). */
export type Checkpoints = 'thread' | 'commit';

/**
 * The app's SQLite settings by default (SQLITE_PRAGMAS, then WAL as TypeORM's enableWAL does), or the given ones.
 * Transactions start deferred (TypeORM's own BEGIN) unless told otherwise; the bench's API-against-raw
 * passes the app's BEGIN IMMEDIATE (rawOptionsFor in server-process.ts).
 */
export function openRawSqlite(file: string, pragmas?: string[], begin = 'BEGIN', checkpoints: Checkpoints = 'thread'): RawDb {
  const db = new Database(file);
  for (const p of pragmas ?? [...SQLITE_PRAGMAS, 'journal_mode = WAL']) db.pragma(p);
  const background = checkpoints === 'thread' ? new BackgroundCheckpoints(db, file) : null;
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string, params: Params) => {
    const [text, values] = positional(sql, params, '?');
    let statement = statements.get(text);
    if (!statement) {
      statements.set(text, (statement = db.prepare(text)));
      if (statements.size > STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
    }
    return { statement, values };
  };
  // One connection: this process's transactions take turns, as they must on SQLite.
  let tail: Promise<unknown> = Promise.resolve();
  const raw: RawDb = {
    kind: 'sqlite',
    one: async (sql, params = {}) => {
      const { statement, values } = prepare(sql, params);
      return statement.get(...values) as SqlRow | undefined;
    },
    all: async (sql, params = {}) => {
      const { statement, values } = prepare(sql, params);
      return statement.all(...values) as SqlRow[];
    },
    run: async (sql, params = {}) => {
      const { statement, values } = prepare(sql, params);
      return statement.run(...values).changes;
    },
    tx: (work) => {
      const run = tail.then(async () => {
        db.exec(logged(begin));
        try {
          const result = await work(raw);
          db.exec(logged('COMMIT'));
          return result;
        } catch (error) {
          db.exec(logged('ROLLBACK'));
          throw error;
        }
      });
      tail = run.catch(() => undefined);
      return run;
    },
    close: async () => {
      await background?.close();
      db.close();
    },
  };
  return raw;
}

/**
 * A statement as pg is given it: by a name of its text, as the API sends the texts its code writes
 * (libs/database/src/named-statements.ts), so that each connection parses and plans it once. A text with
 * a list written out in it is sent unnamed, as the API sends it.
 */
const statementNames = new Map<string, string>();
function namedStatement(sql: string, params: Params) {
  const [text, values] = positional(sql, params, '$');
  if (sql.includes(':...')) return { text, values };
  const name = statementNames.get(text) ?? statementNames.set(text, `raw_${statementNames.size + 1}`).get(text)!;
  return { name, text, values };
}

/** PostgreSQL through pg, with the API's pool size (libs/database/src/data-source.ts: max 10). */
export function openRawPostgres(url: string): RawDb {
  const pool = new Pool({ connectionString: url, max: 10 });
  const over = (client: Pool | PoolClient): RawDb => ({
    kind: 'postgres',
    one: async (sql, params = {}) => (await client.query(namedStatement(sql, params))).rows[0],
    all: async (sql, params = {}) => (await client.query(namedStatement(sql, params))).rows,
    run: async (sql, params = {}) => (await client.query(namedStatement(sql, params))).rowCount ?? 0,
    tx: async (work) => {
      const c = await pool.connect();
      try {
        await c.query(logged('START TRANSACTION'));
        const result = await work(over(c));
        await c.query(logged('COMMIT'));
        return result;
      } catch (error) {
        await c.query(logged('ROLLBACK'));
        throw error;
      } finally {
        c.release();
      }
    },
    close: async () => pool.end(),
  });
  return over(pool);
}
