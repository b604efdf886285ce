import { composeSchema, CORE_SCHEMA, DatabaseSchema } from '@app/database/schema';
import { REMINDER_ENTITIES } from './entities';
import { REMINDER_MIGRATIONS } from './migrations';

export const REMINDERS_SCHEMA: DatabaseSchema = { entities: REMINDER_ENTITIES, migrations: REMINDER_MIGRATIONS };

/** The whole database: what the apps, the CLI, the bench and the test databases open. */
export const APP_SCHEMA: DatabaseSchema = composeSchema(CORE_SCHEMA, REMINDERS_SCHEMA);
