import { SqlMigration } from './sql-migration';

const UP = [
  'DROP INDEX "ix_review_authority"',
  `CREATE INDEX "ix_review_list" ON "review" ("authorityId", "quarter", "planId", "status", "id", "createdById", "createdAt", "signedById", "signedAt")`,
  'CREATE INDEX "ix_meeting_list" ON "meeting" ("authorityId", "date", "startTime", "id")',
];
const DOWN = ['DROP INDEX "ix_meeting_list"', 'DROP INDEX "ix_review_list"', 'CREATE INDEX "ix_review_authority" ON "review" ("authorityId", "quarter")'];

/**
 * The council's lists of reviews and of meetings read in the order they show, without sorting and without
 * visiting what they do not show (docs/PERFORMANCE.md, the eleventh round, has the measurements at a
 * million actions).
 *
 * - Reviews, from the index alone (ReviewRepository.summaries). A signed review keeps its frozen pack in its
 *   row, some 36 KB of JSON at the bench's plan size, which SQLite stores on a chain of overflow pages and
 *   walks to reach the columns after it: who signed each review and when. The index replaces the one on the
 *   council and quarter, which it begins with.
 * - Meetings by date (MeetingRepository.listed): the upcoming ones and a page of earlier ones were found
 *   through each plan's meetings and sorted, every one of the council's meetings read for a page of 30.
 */
export class ListIndexes1795394800000 extends SqlMigration {
  readonly name = 'ListIndexes1795394800000';
  protected readonly steps = { postgres: { up: UP, down: DOWN }, sqlite: { up: UP, down: DOWN } };
}
