import { InitialSchema1795392000000 } from './1795392000000-initial-schema';

/** Every migration, oldest first. Released migrations are never edited; add a new one. */
export const MIGRATIONS: Function[] = [InitialSchema1795392000000];
