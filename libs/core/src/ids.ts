import { v7 } from 'uuid';

/**
 * New row ids: UUIDs that begin with the time they were made (version 7), so rows made together
 * sit together in each table's primary key. With random ids, scheduling 1,000 reminders wrote to
 * pages all over that index (see docs/PERFORMANCE.md, finding 12).
 */
export const newId = (): string => v7();
