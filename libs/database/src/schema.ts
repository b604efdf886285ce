import { MigrationInterface } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** What a lib adds to the database: its entities and the migrations that make their tables. */
export interface DatabaseSchema {
  // TypeORM's own type for entity classes.
  entities: (new () => unknown)[];
  migrations: (new () => MigrationInterface)[];
}

/** The core tables. The apps open the database with the full schema that libs above compose with this. */
export const CORE_SCHEMA: DatabaseSchema = { entities: ENTITIES, migrations: MIGRATIONS };

/** One schema from several libs' parts (TypeORM runs the migrations in timestamp order whatever the list order). */
export function composeSchema(...parts: DatabaseSchema[]): DatabaseSchema {
  return { entities: parts.flatMap((p) => p.entities), migrations: parts.flatMap((p) => p.migrations) };
}
