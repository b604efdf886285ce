import { bearer, createTestApp, DB_KINDS, newBoardWorld, newUser, postInspection, TestApp, TestUser } from '../support';

type Body = Record<string, unknown>;

describe.each(DB_KINDS)("a review judges the inspection's areas, the plan's themes and overall (%s)", (kind) => {
  let t: TestApp;
  let commissioner: TestUser;
  let chair: TestUser;
  let boardId: string;
  let reviewId: string;
  let planId: string;
  let findings: { id: string; section: string }[];

  const post = (user: TestUser, url: string, body: Body = {}) => t.http().post(url).set(bearer(user)).send(body);

  beforeAll(async () => {
    t = await createTestApp(kind, {}, '2026-11-23T09:00:00Z');
    const world = await newBoardWorld(t);
    ({ chair, boardId } = world);
    const { authorityId } = world;
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
    findings = doc.body.findings;
    const plan = await post(chair, '/api/v1/plans', { title: 'Improvement plan', boardId, documentIds: [doc.body.id] }).expect(201);
    planId = plan.body.id;
    reviewId = (await post(commissioner, `/api/v1/plans/${planId}/reviews`, { quarter: '2026/27 Q3' }).expect(201)).body.id;
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

  it('takes the themes of a plan without documents from the findings its own actions answer, and from those carried into it', async () => {
    const areasOf = async (plan: string) => {
      const review = await post(commissioner, `/api/v1/plans/${plan}/reviews`, { quarter: '2026/27 Q3' }).expect(201);
      return review.body.pack.areas;
    };
    const bare = await post(chair, '/api/v1/plans', { title: 'Partnership plan', boardId, startDate: '2026-10-01', actionsFromFindings: false }).expect(201);
    const leadership = findings.find((f) => f.section === 'Leadership')!;
    const unknown = '00000000-0000-4000-8000-000000000000';
    await post(chair, `/api/v1/plans/${bare.body.id}/actions`, { title: 'Answers nothing known', findingIds: [leadership.id, unknown] }).expect(404);
    await post(chair, `/api/v1/plans/${bare.body.id}/actions`, { title: 'Oversight audits', findingIds: [leadership.id] }).expect(201);
    expect(await areasOf(bare.body.id)).toEqual(['Leadership', 'Overall']);

    const active = await post(chair, `/api/v1/plans/${planId}/activate`, { version: 1 }).expect(201);
    await post(chair, `/api/v1/plans/${planId}/close`, { version: active.body.version }).expect(201);
    const next = await post(chair, '/api/v1/plans', { title: 'Next plan', boardId, startDate: '2027-01-01', actionsFromFindings: false }).expect(201);
    await post(chair, `/api/v1/plans/${planId}/carry-over`, { toPlanId: next.body.id }).expect(201);
    expect(await areasOf(next.body.id)).toEqual(['Help and protection', 'Leadership', 'Overall']);
  });
});
