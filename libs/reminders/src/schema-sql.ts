// Prints the SQL that would bring a database at the latest migration to the entities' schema, to
// draft the next migration: `node dist/libs/reminders/src/schema-sql.js sqlite` or `... postgres <url>`
// (an empty PostgreSQL database). Review it before it goes into a migration.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database/data-source';
import { APP_SCHEMA } from './schema';

async function main() {
  const kind = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
  const ds = new DataSource(dataSourceOptions(kind === 'postgres' ? { kind, url: process.argv[3] } : { kind, file: ':memory:' }, APP_SCHEMA));
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  for (const q of sql.upQueries) console.log(JSON.stringify(q.query) + ',');
  console.log('---down');
  for (const q of sql.downQueries.reverse()) console.log(JSON.stringify(q.query) + ',');
  await ds.destroy();
}
main();
