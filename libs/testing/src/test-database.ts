import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { repoRoot } from '@app/config';
import { openDatabase } from '@app/database/data-source';
import { createScratchDatabase, DbKind, ScratchDatabase, ScratchTemplate } from '@app/database/scratch-database';
import { APP_SCHEMA } from '@app/reminders/schema';

export type { DbKind };
export type TestDatabase = ScratchDatabase;

/** Which databases the integration and end-to-end tests run on: both unless TEST_DATABASES narrows it. */
export const DB_KINDS: DbKind[] = (process.env.TEST_DATABASES ?? 'sqlite,postgres').split(',').map((k) => k.trim() as DbKind);

const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabaseOptions {
  /**
   * A database with nothing in it, not even the migrations: for the tests of the migrations themselves and of
   * what the API and the command line do with a new database. Without it, under jest, the database starts as a
   * copy of one migrated once per migration set (see `migratedTemplate`); elsewhere (the bench) it is always empty.
   */
  empty?: boolean;
}

/**
 * A fresh database of the given kind (a temp SQLite file, or a new PostgreSQL database): under jest, already
 * migrated (opening it still runs the migrations, and finds none to do); empty with `empty`, or outside jest.
 */
export function createTestDatabase(kind: DbKind, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const template = options.empty || !templatesWanted() ? undefined : migratedTemplate();
  return createScratchDatabase(kind, { label: 'test', postgresAdminUrl: POSTGRES_ADMIN_URL, template });
}

/** Templates save the test runs a migration of every database; TEST_DATABASE_TEMPLATES=off makes each empty, as before. */
function templatesWanted(): boolean {
  return process.env.JEST_WORKER_ID !== undefined && process.env.TEST_DATABASE_TEMPLATES !== 'off';
}

let template: ScratchTemplate | undefined;

/** The whole schema (APP_SCHEMA) migrated as the apps migrate it, named for a hash of the migrations. */
export function migratedTemplate(): ScratchTemplate {
  template ??= {
    key: migrationsKey(),
    fill: async (config) => {
      const ds = await openDatabase(config, APP_SCHEMA);
      await ds.destroy();
    },
  };
  return template;
}

/**
 * A hash of what makes the migrated schema: APP_SCHEMA's migrations (names and code), every file in a lib's
 * migrations folder (the statements they hold), and the TypeORM version (its own "migrations" table).
 */
function migrationsKey(): string {
  const hash = createHash('sha256');
  for (const migration of APP_SCHEMA.migrations.map((m) => `${m.name}\n${m.toString()}`).sort()) hash.update(migration);
  const root = repoRoot();
  const libs = path.join(root, 'libs');
  for (const lib of fs.readdirSync(libs).sort()) {
    const dir = path.join(libs, lib, 'src', 'migrations');
    if (!fs.existsSync(dir)) continue;
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort())
      hash.update(`${lib}/${file}\n`).update(fs.readFileSync(path.join(dir, file)));
  }
  hash.update(fs.readFileSync(path.join(root, 'node_modules', 'typeorm', 'package.json')));
  return hash.digest('hex').slice(0, 16);
}

export interface OpenTestDatabase {
  db: TestDatabase;
  ds: DataSource;
  /** Closes the connection and drops the database. */
  close(): Promise<void>;
}

/** A fresh database of the kind, migrated and open, for tests that work with the DataSource itself. */
export async function openTestDatabase(kind: DbKind, options: TestDatabaseOptions = {}): Promise<OpenTestDatabase> {
  const db = await createTestDatabase(kind, options);
  const ds = await openDatabase(db.config, APP_SCHEMA);
  return {
    db,
    ds,
    close: async () => {
      await ds.destroy();
      await db.drop();
    },
  };
}
