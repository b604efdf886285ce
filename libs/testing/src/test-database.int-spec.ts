import { DataSource } from 'typeorm';
import { DB_KINDS, DbKind, openTestDatabase } from './test-database';

/** Everything the schema declares, as text to compare: tables, columns, indexes, constraints, and the migrations run. */
async function schemaOf(ds: DataSource, kind: DbKind): Promise<unknown> {
  const migrations = await ds.query('SELECT "name" FROM "migrations" ORDER BY "name"');
  if (kind === 'sqlite')
    return { migrations, objects: await ds.query(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`) };
  const columns = await ds.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`,
  );
  const indexes = await ds.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY tablename, indexname`);
  const constraints = await ds.query(
    `SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
  );
  return { migrations, columns, indexes, constraints };
}

describe.each(DB_KINDS)('a test database copied from the migrated template (%s)', (kind) => {
  it('has the schema of one made empty and migrated', async () => {
    const copied = await openTestDatabase(kind);
    const migrated = await openTestDatabase(kind, { empty: true });
    try {
      const schema = await schemaOf(migrated.ds, kind);
      expect((schema as { migrations: unknown[] }).migrations.length).toBeGreaterThan(0);
      expect(await schemaOf(copied.ds, kind)).toEqual(schema);
    } finally {
      await copied.close();
      await migrated.close();
    }
  });
});
