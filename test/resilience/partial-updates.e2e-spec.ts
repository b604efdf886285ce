import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from '../support';

/** A change names only what it changes: every field left out keeps its value (a DTO is what was sent, nothing more). */
describe.each(DB_KINDS)('partial updates (%s)', (kind) => {
  let t: TestApp;
  let admin: TestUser;
  let boardId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await newUser(t, (await newAuthority(t, 'Partshire')).id, ['admin', 'board_chair']);
    boardId = (await newBoard(t, admin)).id;
  });
  afterAll(() => t.close());

  it('creates a plan from a partial settings object, the rest from the defaults', async () => {
    const plan = await t
      .http()
      .post('/api/v1/plans')
      .set(bearer(admin))
      .send({ title: 'Plan', boardId, startDate: '2026-12-01', settings: { warningWindowDays: 7 } })
      .expect(201);
    expect(plan.body).toMatchObject({ warningWindowDays: 7, immediateWindowDays: 28, defaultHorizonMonths: 12, moveOffNonWorkingDays: false });
  });

  it('changes one reminder rule and keeps the others', async () => {
    const plan = (await t.http().post('/api/v1/plans').set(bearer(admin)).send({ title: 'Rules', boardId, startDate: '2026-12-01' }).expect(201)).body;
    const before = (await t.http().get(`/api/v1/plans/${plan.id}/reminder-rules`).set(bearer(admin)).expect(200)).body;
    const after = await t.http().put(`/api/v1/plans/${plan.id}/reminder-rules`).set(bearer(admin)).send({ sendTime: '09:00' }).expect(200);
    expect(after.body).toEqual({ ...before, sendTime: '09:00' });
  });

  it('changes one email choice and keeps the others', async () => {
    const before = (await t.http().get('/api/v1/me/notification-settings').set(bearer(admin)).expect(200)).body;
    await t
      .http()
      .patch('/api/v1/me/notification-settings')
      .set(bearer(admin))
      .send({ email: { digest: false } })
      .expect(200);
    const after = (await t.http().get('/api/v1/me/notification-settings').set(bearer(admin)).expect(200)).body;
    expect(after).toEqual({ ...before, email: { ...before.email, digest: false } });
  });
});
