import { SqlMigration } from './sql-migration';

const UP = ['DROP INDEX "ix_progress_note_action"', 'CREATE INDEX "ix_progress_note_action" ON "progress_note" ("actionId", "createdAt", "id")'];
const DOWN = ['DROP INDEX "ix_progress_note_action"', 'CREATE INDEX "ix_progress_note_action" ON "progress_note" ("actionId", "createdAt")'];

/**
 * An action's latest progress note found at the end of its index entries. Notes at the same instant are
 * ordered by id too (the board meeting's agenda, MeetingRepository), and an index without it made SQLite read
 * and sort every note of the action for each one it shows: about 905 to 460 µs an agenda at a
 * million actions (docs/PERFORMANCE.md, the fourteenth round). Every other reader of the old index, which
 * this one begins with, is served as before.
 */
export class LatestNoteIndex1795394900000 extends SqlMigration {
  readonly name = 'LatestNoteIndex1795394900000';
  protected readonly steps = { postgres: { up: UP, down: DOWN }, sqlite: { up: UP, down: DOWN } };
}
