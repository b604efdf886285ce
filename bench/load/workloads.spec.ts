import { SESSION_COOKIE } from '../../apps/api/src/common/auth.guard';
import { DatasetFixtures } from '../dataset/generate-dataset';
import { buildPageWorkloads } from './workloads';

const person = (council: number, role: string) => ({
  userId: `${role}-${council}`,
  authorityId: `council-${council}`,
  email: `${role}-${council}@bench.example`,
});
const refs = (kind: string) => [1, 2].map((c) => ({ id: `${kind}-${c}`, authorityId: `council-${c}` }));

const fixtures: DatasetFixtures = {
  today: '2026-12-05',
  chairs: [person(1, 'chair'), person(2, 'chair')],
  tokenOwners: [person(1, 'owner'), person(2, 'owner')],
  activePlans: refs('plan'),
  timelineActions: refs('action'),
  writableActions: [],
  heldMeetings: refs('meeting'),
  draftReviews: refs('review'),
};

describe('buildPageWorkloads', () => {
  // Only council 1's people signed in.
  const pages = buildPageWorkloads(
    fixtures,
    new Map([
      ['chair-1', 'chair secret'],
      ['owner-1', 'owner secret'],
    ]),
  );
  const requests = (key: string) => pages.find((p) => p.key === key)!.requests!.map((r) => [r.path, r.cookie]);
  const asChair = `${SESSION_COOKIE}=chair secret`;

  it("has the chair read their own council's held meeting and draft review, and the lists of both", () => {
    expect(requests('page-meeting')).toEqual([['/meetings/meeting-1', asChair]]);
    expect(requests('page-review')).toEqual([['/reviews/review-1', asChair]]);
    expect(requests('page-meetings')).toEqual([['/meetings', asChair]]);
    expect(requests('page-reviews')).toEqual([['/reviews', asChair]]);
  });

  it('counts only a 200 answer with HTML, for every page', () => {
    expect(pages.map((p) => p.html && !p.write)).toEqual(pages.map(() => true));
    expect(new Set(pages.map((p) => p.key)).size).toBe(8);
  });
});
