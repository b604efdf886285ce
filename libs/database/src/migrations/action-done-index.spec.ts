import { DONE_STATUS_EVENT } from '../entities';
import { ActionDoneIndex1795394600000 } from './1795394600000-action-done-index';
import { SqlSteps } from './sql-migration';

// The schema drift test does not compare partial indexes' conditions: a query uses the index only if
// its condition is the index's own, so the migration's text must stay the entity's.
describe('the index of completions and verifications', () => {
  it("is made with the condition the entity and the review pack's query name", () => {
    const { steps } = new ActionDoneIndex1795394600000() as unknown as { steps: SqlSteps };
    for (const dialect of [steps.sqlite, steps.postgres]) expect(dialect.up[0]).toMatch(new RegExp(`WHERE ${escape(DONE_STATUS_EVENT)}$`));
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
