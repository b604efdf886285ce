import { DataSource } from 'typeorm';
import { openDatabase } from '@app/database/data-source';
import { createScratchDatabase, DbKind, ScratchDatabase } from '@app/database/scratch-database';
import { APP_SCHEMA } from '@app/reminders/schema';

export type { DbKind };
export type TestDatabase = ScratchDatabase;

/** Which databases the integration and end-to-end tests run on: both unless TEST_DATABASES narrows it. */
export const DB_KINDS: DbKind[] = (process.env.TEST_DATABASES ?? 'sqlite,postgres').split(',').map((k) => k.trim() as DbKind);

const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database of the given kind (a temp SQLite file, or a new PostgreSQL database). */
export function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  return createScratchDatabase(kind, { label: 'test', postgresAdminUrl: POSTGRES_ADMIN_URL });
}

export interface OpenTestDatabase {
  db: TestDatabase;
  ds: DataSource;
  /** Closes the connection and drops the database. */
  close(): Promise<void>;
}

/** A fresh database of the kind, migrated and open, for tests that work with the DataSource itself. */
export async function openTestDatabase(kind: DbKind): Promise<OpenTestDatabase> {
  const db = await createTestDatabase(kind);
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
