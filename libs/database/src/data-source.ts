import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '@app/config';
import { namedStatementsOnPostgres } from './named-statements';
import { statementsInTurnOnPostgres } from './postgres-statements-in-turn';
import { DatabaseSchema } from './schema';
import { beforeDestroy } from './before-destroy';
import { BackgroundCheckpoints } from './sqlite-checkpoints';
import { takeTurnsOnSqlite } from './sqlite-turns';

/**
 * SQLite settings for our workload; see docs/PERFORMANCE.md for the measurements behind them. The page
 * cache is 8 MB: at 32 MB it filled under the bench's load and took the API to 299 MB of its 300 MB
 * aim, and no size from 2 to 256 MB was faster than another (the OS keeps the file's pages too).
 */
export const SQLITE_PRAGMAS = ['synchronous = NORMAL', 'busy_timeout = 5000', 'cache_size = -8000', 'foreign_keys = ON'];

export function dataSourceOptions(config: DatabaseConfig, schema: DatabaseSchema): DataSourceOptions {
  const common = { entities: schema.entities, migrations: schema.migrations, synchronize: false, logging: false } as const;
  if (config.kind === 'postgres') {
    return { ...common, type: 'postgres', url: config.url, extra: { max: 10 } };
  }
  if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.file,
    enableWAL: true,
    prepareDatabase: (db: SqliteConnection) => {
      SQLITE_PRAGMAS.forEach((p) => db.pragma(p));
      beginImmediately(db);
    },
  };
}

interface SqliteConnection {
  pragma(sql: string): unknown;
  prepare(sql: string): unknown;
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE). With the API and the worker
 * writing one file, a transaction that read first and then tried to write would otherwise fail at
 * once with "database is locked", whatever the busy timeout; now it waits its turn instead.
 */
function beginImmediately(db: SqliteConnection): void {
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) => prepare(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql);
}

/** Opens the database and brings it up to date with the schema's migrations. */
export async function openDatabase(config: DatabaseConfig, schema: DatabaseSchema): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(config, schema));
  await dataSource.initialize();
  if (config.kind === 'sqlite') {
    takeTurnsOnSqlite(dataSource, config.file);
    checkpointInBackground(dataSource, config.file);
  } else {
    statementsInTurnOnPostgres(dataSource);
    if (config.namedStatements !== false) namedStatementsOnPostgres(dataSource);
  }
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    // Nobody gets this data source: close what it holds open (connections, the checkpoint thread).
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** A file's checkpoints on a thread of their own (see BackgroundCheckpoints), stopped before the data source closes. */
function checkpointInBackground(dataSource: DataSource, file: string): void {
  if (file === ':memory:') return;
  const connection = (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  const checkpoints = new BackgroundCheckpoints(connection, file);
  beforeDestroy(dataSource, () => checkpoints.close());
}
