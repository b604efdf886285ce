import { seedDemo } from '../apps/cli/src/demo/demo-seed';
import { createTestApp, DB_KINDS, sessionCookie, TestApp } from './support';

describe.each(DB_KINDS)('a new user tries the demo through the API (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, {}, '2026-11-23T09:00:00Z');
    await seedDemo(t.app);
  });
  afterAll(() => t.close());

  it("signs in as the demo admin, lists the plan's actions, updates one and sees it in the timeline", async () => {
    const cookie = await sessionCookie(t, 'admin@demo.example', 'demo-password');
    const plans = await t.http().get('/api/v1/plans').set('Cookie', cookie).expect(200);
    expect(plans.body).toHaveLength(1);
    expect(plans.body[0]).toMatchObject({ status: 'active', startDate: '2026-09-23' });

    const actions = await t.http().get(`/api/v1/actions?planId=${plans.body[0].id}&pageSize=100`).set('Cookie', cookie).expect(200);
    expect(actions.body.total).toBeGreaterThanOrEqual(5);
    for (const a of actions.body.items) {
      expect(a.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.ownerId).toBeTruthy();
    }
    const ratings = new Set(actions.body.items.map((a: { rag: { effective: string } }) => a.rag.effective));
    expect([...ratings].sort()).toEqual(expect.arrayContaining(['blue', 'red']));

    const target = actions.body.items.find((a: { status: string }) => a.status === 'not_started');
    const updated = await t
      .http()
      .patch(`/api/v1/actions/${target.id}`)
      .set('Cookie', cookie)
      .send({ version: target.version, title: 'Renamed by the admin' })
      .expect(200);
    expect(updated.body.version).toBe(target.version + 1);
    const timeline = await t.http().get(`/api/v1/actions/${target.id}/timeline`).set('Cookie', cookie).expect(200);
    expect(timeline.body.at(-1)).toMatchObject({ event: 'action_updated', before: { title: target.title }, after: { title: 'Renamed by the admin' } });
  });
});
