import { DataSource } from 'typeorm';
import { DbKind, OpenTestDatabase, openTestDatabase, TestDatabase, TestDatabaseOptions } from './test-database';

/**
 * A fresh, migrated database for the enclosing suite: opened before its tests, dropped after them.
 * The returned object's `db` and `ds` are set once the tests start.
 */
export function useTestDatabase(kind: DbKind, options: TestDatabaseOptions = {}): { readonly db: TestDatabase; readonly ds: DataSource } {
  let opened: OpenTestDatabase | null = null;
  beforeAll(async () => {
    opened = await openTestDatabase(kind, options);
  });
  afterAll(() => opened?.close());
  return {
    get db() {
      return opened!.db;
    },
    get ds() {
      return opened!.ds;
    },
  };
}
