import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from './support';

describe.each(DB_KINDS)('performance measures an action should move (%s)', (kind) => {
  let t: TestApp;
  let member: TestUser, viewer: TestUser, other: TestUser;
  let actionId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    member = await newUser(t, authority.id, ['board_member']);
    viewer = await newUser(t, authority.id, ['viewer']);
    other = await newUser(t, (await newAuthority(t)).id, ['admin']);
    const board = await newBoard(t, member);
    const plan = await t.http().post('/api/v1/plans').set(bearer(member)).send({ title: 'P', boardId: board.id, startDate: '2026-11-01' }).expect(201);
    actionId = (await t.http().post(`/api/v1/plans/${plan.body.id}/actions`).set(bearer(member)).send({ title: 'Reduce re-referrals' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it('defines measures with unit and polarity, and links them to actions', async () => {
    const rereferrals = await t
      .http()
      .post('/api/v1/measures')
      .set(bearer(member))
      .send({ name: 'Re-referrals within 12 months', unit: 'percent', polarity: 'lower', target: 22, tolerance: 1 })
      .expect(201);
    await t
      .http()
      .post('/api/v1/measures')
      .set(bearer(member))
      .send({ name: 'Children subject to a plan', unit: 'count', polarity: 'band', bandLow: 130, bandHigh: 120 })
      .expect(400);
    await t.http().post('/api/v1/measures').set(bearer(member)).send({ name: 'Re-referrals within 12 months', unit: 'percent', polarity: 'lower' }).expect(409);
    const owned = await t
      .http()
      .post('/api/v1/measures')
      .set(bearer(member))
      .send({ name: 'Contacts from schools', unit: 'count', polarity: 'higher', rollup: 'sum', ownerId: viewer.id })
      .expect(201);
    expect(owned.body).toMatchObject({ rollup: 'sum', ownerId: viewer.id });
    // A measure's owner enters its values, whatever their role; not another measure's.
    await t.http().post(`/api/v1/measures/${owned.body.id}/values`).set(bearer(viewer)).send({ period: '2026-10', value: 41 }).expect(201);
    await t.http().post(`/api/v1/measures/${rereferrals.body.id}/values`).set(bearer(viewer)).send({ period: '2026/27 Q2', value: 21 }).expect(403);
    await t.http().post('/api/v1/measures').set(bearer(member)).send({ name: 'Theirs', unit: 'count', polarity: 'higher', ownerId: other.id }).expect(404);
    await t.http().post('/api/v1/measures').set(bearer(member)).send({ name: 'Odd', unit: 'count', polarity: 'higher', rollup: 'median' }).expect(400);
    await t.http().put(`/api/v1/actions/${actionId}/measures/${rereferrals.body.id}`).set(bearer(viewer)).expect(403);
    await t.http().put(`/api/v1/actions/${actionId}/measures/${rereferrals.body.id}`).set(bearer(other)).expect(404);
    const linked = await t.http().put(`/api/v1/actions/${actionId}/measures/${rereferrals.body.id}`).set(bearer(member)).expect(200);
    expect(linked.body.map((m: { name: string }) => m.name)).toEqual(['Re-referrals within 12 months']);
    const detail = await t.http().get(`/api/v1/actions/${actionId}`).set(bearer(viewer)).expect(200);
    expect(detail.body.measures).toEqual([expect.objectContaining({ unit: 'percent', polarity: 'lower', target: 22 })]);
    const unlinked = await t.http().delete(`/api/v1/actions/${actionId}/measures/${rereferrals.body.id}`).set(bearer(member)).expect(200);
    expect(unlinked.body).toEqual([]);
    const timeline = await t.http().get(`/api/v1/actions/${actionId}/timeline`).set(bearer(member)).expect(200);
    expect(timeline.body.map((e: { event: string }) => e.event)).toEqual(['action_created', 'measure_linked', 'measure_unlinked']);
  });
});
