import { randomUUID } from 'node:crypto';
import { MeetingRepositories } from '@app/database/repositories/meeting.repository';
import { newCouncil, useMedium } from '@app/testing/medium';
import { sentStatements } from '../../../test/support/statement-log';
import { MeetingService } from './meetings/meeting.service';
import { ReviewService } from './reviews/review.service';

/** SQLite's plan for the one statement `send` makes the code send, with the values it was sent with. */
async function planOf(medium: ReturnType<typeof useMedium>, send: () => Promise<unknown>): Promise<string[]> {
  const sent = await sentStatements(medium.ds, send);
  expect(sent).toHaveLength(1);
  const plan = (await medium.ds.query(`EXPLAIN QUERY PLAN ${sent[0].sql}`, sent[0].values)) as { detail: string }[];
  return plan.map((p) => p.detail);
}

/**
 * A council's lists read what they show in the order they show it, whatever the council's history: no
 * sort of all its meetings for a page of them, and no visit to a signed review's frozen pack (tens of
 * kilobytes on a chain of SQLite's overflow pages) to list who signed it and when.
 */
describe("a council's lists of reviews and meetings (sqlite)", () => {
  const medium = useMedium('sqlite');

  it('reviews: from the index of reviews as lists show them, without visiting the rows', async () => {
    const council = await newCouncil(medium.ds);
    for (const planId of [undefined, randomUUID()]) {
      const plan = await planOf(medium, () => medium.get(ReviewService).summaries(council.authorityId, planId));
      expect(plan).toEqual(['SEARCH review USING COVERING INDEX ix_review_list (authorityId=?)']);
    }
  });

  it('meetings: upcoming and earlier ones found in date order, with no sort', async () => {
    const council = await newCouncil(medium.ds);
    for (const page of [1, 3]) {
      const plan = await planOf(medium, () => medium.get(MeetingService).listPage(council.admin, page));
      expect(plan.filter((step) => step.includes(' m USING'))).toEqual([
        'SEARCH m USING INDEX ix_meeting_list (authorityId=? AND date>?)',
        'SEARCH m USING INDEX ix_meeting_list (authorityId=? AND date<?)',
      ]);
      expect(plan.filter((step) => step.includes('TEMP B-TREE'))).toEqual([]);
    }
  });

  it("a meeting's agenda: each action's latest note found at the end of its index entries, with no sort of its notes", async () => {
    const council = await newCouncil(medium.ds);
    const meetings = medium.get(MeetingRepositories).for(council.authorityId);
    const plan = await planOf(medium, () => meetings.actionsWithLatestNote([randomUUID(), randomUUID()]));
    expect(plan.filter((step) => step.includes(' n USING'))).toEqual([
      'SEARCH n USING INDEX ix_progress_note_action (actionId=?)',
      'SEARCH n USING INDEX ix_progress_note_action (actionId=?)',
    ]);
    expect(plan.filter((step) => step.includes('TEMP B-TREE'))).toEqual([]);
  });
});
