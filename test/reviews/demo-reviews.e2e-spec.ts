import { seedDemo } from '../../apps/cli/src/demo/demo-seed';
import { createTestApp, DB_KINDS, sessionCookie, TestApp } from '../support';

type Measure = { name: string; value: number; rag: string; direction: string; trend: { quarter: string; value: number }[] };

describe.each(DB_KINDS)('the demo carries quarterly reviews (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, {}, '2026-11-23T09:00:00Z');
    await seedDemo(t.app);
  });
  afterAll(() => t.close());

  it("gives the commissioner last quarter's signed review, with measures that tell a story, and this quarter's to do", async () => {
    const cookie = await sessionCookie(t, 'commissioner@demo.example', 'demo-password');
    const reviews = (await t.http().get('/api/v1/reviews').set('Cookie', cookie).expect(200)).body;
    expect(reviews.map((r: { quarter: string; status: string }) => [r.quarter, r.status])).toEqual([
      ['2026/27 Q3', 'draft'],
      ['2026/27 Q2', 'signed'],
    ]);

    const signed = (await t.http().get(`/api/v1/reviews/${reviews[1].id}`).set('Cookie', cookie).expect(200)).body;
    const measures: Measure[] = signed.pack.measures;
    expect(measures.length).toBeGreaterThanOrEqual(5);
    for (const m of measures) expect(m.trend.length).toBeGreaterThanOrEqual(6);
    const byName = Object.fromEntries(measures.map((m) => [m.name, m]));
    expect(byName['Assessments completed within 45 days']).toMatchObject({ value: 91.7, rag: 'green', direction: 'improving' });
    expect(byName['Referrals that are re-referrals within 12 months']).toMatchObject({ value: 21.5, rag: 'green', direction: 'improving' });
    expect(byName['Looked after children']).toMatchObject({ value: 151, rag: 'red', direction: 'worsening' });
    expect(byName['Looked after children'].trend.map((p) => p.value)).toEqual([138, 141, 139, 143, 144, 147, 151]);
    expect(signed.judgements).toHaveLength(1);
    expect(signed.followUps).toHaveLength(1);

    const current = (await t.http().get(`/api/v1/reviews/${reviews[0].id}`).set('Cookie', cookie).expect(200)).body;
    expect(current.pack.correctedSinceLastReview).toEqual([expect.objectContaining({ name: 'Looked after children', was: 151, now: 152 })]);
  });
});
