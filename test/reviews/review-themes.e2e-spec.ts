import { bearer, createTestApp, DB_KINDS, newBoardWorld, newUser, postInspection, TestApp, TestUser } from '../support';

type Body = Record<string, unknown>;

describe.each(DB_KINDS)("a review judges the inspection's areas, the plan's themes and overall (%s)", (kind) => {
  let t: TestApp;
  let commissioner: TestUser;
  let reviewId: string;

  const post = (user: TestUser, url: string, body: Body = {}) => t.http().post(url).set(bearer(user)).send(body);

  beforeAll(async () => {
    t = await createTestApp(kind, {}, '2026-11-23T09:00:00Z');
    const { authorityId, chair, boardId } = await newBoardWorld(t);
    commissioner = await newUser(t, authorityId, ['commissioner']);
    const doc = await postInspection(t, chair, {
      title: 'Inspection of services for children',
      publishedOn: '2026-06-30',
      judgements: [{ area: 'Overall effectiveness', grade: 4, label: 'Inadequate', scale: 'ofsted_1_outstanding' }],
      findings: [
        { section: 'Help and protection', timescale: 'immediately', text: 'make timely decisions on every referral' },
        { section: 'Help and protection', timescale: 'three_months', text: 'improve the quality of assessments' },
        { section: 'Leadership', timescale: 'six_months', text: 'strengthen management oversight of casework' },
      ],
    });
    const plan = await post(chair, '/api/v1/plans', { title: 'Improvement plan', boardId, documentIds: [doc.body.id] }).expect(201);
    reviewId = (await post(commissioner, `/api/v1/plans/${plan.body.id}/reviews`, { quarter: '2026/27 Q3' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it("offers each inspection area, each theme of the plan's actions once, and overall", async () => {
    const review = await t.http().get(`/api/v1/reviews/${reviewId}`).set(bearer(commissioner)).expect(200);
    expect(review.body.pack.areas).toEqual(['Overall effectiveness', 'Help and protection', 'Leadership', 'Overall']);
  });

  it('records a judgement of a theme, under the name the review gives it', async () => {
    const judged = await post(commissioner, `/api/v1/reviews/${reviewId}/judgements`, {
      area: ' help and  PROTECTION ',
      judgement: 'limited',
      comment: 'Referral decisions still late',
    }).expect(200);
    expect(judged.body.judgements).toEqual([expect.objectContaining({ area: 'Help and protection', judgement: 'limited' })]);
  });

  it('refuses an area that is neither, naming the areas there are, and stores nothing', async () => {
    const refused = await post(commissioner, `/api/v1/reviews/${reviewId}/judgements`, { area: 'Finance', judgement: 'good', comment: 'Not ours' }).expect(422);
    expect(refused.body.error.message).toBe(
      '"Finance" is not an area of this review: judge one of "Overall effectiveness", "Help and protection", "Leadership", "Overall".',
    );
    const review = await t.http().get(`/api/v1/reviews/${reviewId}`).set(bearer(commissioner)).expect(200);
    expect(review.body.judgements.map((j: Body) => j.area)).toEqual(['Help and protection']);
  });

  it('offers the themes on the review page', async () => {
    const page = await t.http().get(`/reviews/${reviewId}`).set(bearer(commissioner)).expect(200);
    expect(page.text).toMatch(/<option value="Leadership"[^>]*>Leadership<\/option>/);
  });
});
