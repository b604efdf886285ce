import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from './support';

// The test app's clock reads 2026-11-23 09:00 (London): "today" is 23 November 2026.
describe.each(DB_KINDS)('dates before today (%s)', (kind) => {
  let t: TestApp;
  let member: TestUser;
  let planId: string;
  let actionId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    member = await newUser(t, authority.id, ['board_member']);
    const board = await newBoard(t, member);
    planId = (await t.http().post('/api/v1/plans').set(bearer(member)).send({ title: 'P', boardId: board.id, startDate: '2026-11-01' }).expect(201)).body.id;
    actionId = (await t.http().post(`/api/v1/plans/${planId}/actions`).set(bearer(member)).send({ title: 'Audit', dueDate: '2026-12-01' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  const action = async () => (await t.http().get(`/api/v1/actions/${actionId}`).set(bearer(member)).expect(200)).body;
  const count = async () => (await t.http().get(`/api/v1/actions?planId=${planId}`).set(bearer(member)).expect(200)).body.total;

  it('refuses a new action due before today, saying what to do, and makes nothing', async () => {
    const before = await count();
    const refused = await t.http().post(`/api/v1/plans/${planId}/actions`).set(bearer(member)).send({ title: 'Late', dueDate: '2026-11-22' }).expect(422);
    expect(refused.body.error).toMatchObject({ code: 'date_in_past' });
    expect(refused.body.error.message).toContain('The due date 22 November 2026 is before today (23 November 2026)');
    expect(await count()).toBe(before);
    await t.http().post(`/api/v1/plans/${planId}/actions`).set(bearer(member)).send({ title: 'Today', dueDate: '2026-11-23' }).expect(201);
  });

  it('refuses moving a due date into the past, and leaves the action as it was', async () => {
    const was = await action();
    const refused = await t.http().patch(`/api/v1/actions/${actionId}`).set(bearer(member)).send({ version: was.version, dueDate: '2026-11-01' }).expect(422);
    expect(refused.body.error.message).toMatch(/before today.*Enter today or a later date/);
    expect(await action()).toMatchObject({ dueDate: '2026-12-01', version: was.version });
    expect((await action()).dueDateHistory).toHaveLength(0);
  });

  it('refuses a milestone dated before today unless it records one already done', async () => {
    const url = `/api/v1/actions/${actionId}/milestones`;
    const refused = await t.http().post(url).set(bearer(member)).send({ title: 'Audit tool agreed', dueDate: '2026-10-01' }).expect(422);
    expect(refused.body.error.message).toContain('or record the milestone as already done');
    expect((await action()).milestones).toHaveLength(0);
    const done = await t.http().post(url).set(bearer(member)).send({ title: 'Audit tool agreed', dueDate: '2026-10-01', done: true }).expect(201);
    expect(done.body).toMatchObject({ dueDate: '2026-10-01', doneAt: '2026-11-23T09:00:00.000Z' });
    await t.http().post(url).set(bearer(member)).send({ title: 'Pilot', dueDate: '2027-01-10' }).expect(201);
  });

  it('still takes a plan of an old report, its due dates worked out from its start', async () => {
    const board = await newBoard(t, member);
    const old = await t.http().post('/api/v1/plans').set(bearer(member)).send({ title: 'Old', boardId: board.id, startDate: '2012-05-01' }).expect(201);
    const made = await t.http().post(`/api/v1/plans/${old.body.id}/actions`).set(bearer(member)).send({ title: 'Then', timescale: 'immediately' }).expect(201);
    expect(made.body.dueDate).toBe('2012-05-29');
  });
});
