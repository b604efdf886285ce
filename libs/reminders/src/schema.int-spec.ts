import { DataSource } from 'typeorm';
import { createTestDatabase, DB_KINDS, TestDatabase } from '@app/testing/test-database';
import { dataSourceOptions } from '@app/database/data-source';
import { APP_SCHEMA } from './schema';

describe.each(DB_KINDS)('the checked-in migrations (%s)', (kind) => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase(kind, { empty: true });
    ds = new DataSource(dataSourceOptions(db.config, APP_SCHEMA));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('build exactly the schema the entities describe', async () => {
    await ds.runMigrations();
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('undo cleanly, newest first, and apply again', async () => {
    for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration();
    expect(await ds.showMigrations()).toBe(true);
    await ds.runMigrations();
    expect(await ds.showMigrations()).toBe(false);
  });
});
