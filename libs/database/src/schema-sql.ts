// Prints the SQL that would bring an empty database to the entities' schema, to draft a migration.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

async function main() {
  const kind = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
  const ds = new DataSource(dataSourceOptions(kind === 'postgres' ? { kind, url: process.argv[3] } : { kind, file: ':memory:' }));
  await ds.initialize();
  const sql = await ds.driver.createSchemaBuilder().log();
  for (const q of sql.upQueries) console.log(JSON.stringify(q.query) + ',');
  console.log('---down');
  for (const q of sql.downQueries.reverse()) console.log(JSON.stringify(q.query) + ',');
  await ds.destroy();
}
main();
