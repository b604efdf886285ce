import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from '../support';

/** Input a script or an attacker might send: always a 4xx that says what to fix, never a 5xx, and nothing changed. */
describe.each(DB_KINDS)('hostile input (%s)', (kind) => {
  let t: TestApp;
  let admin: TestUser;
  let action: { id: string; version: number; planId: string; title: string };
  let boardId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await newUser(t, (await newAuthority(t, 'Hostshire')).id, ['admin', 'board_chair']);
    const board = await newBoard(t, admin);
    boardId = board.id;
    const plan = await t.http().post('/api/v1/plans').set(bearer(admin)).send({ title: 'Plan', boardId: board.id, startDate: '2026-12-01' }).expect(201);
    action = (await t.http().post(`/api/v1/plans/${plan.body.id}/actions`).set(bearer(admin)).send({ title: 'Audit case files' }).expect(201)).body;
  });
  afterAll(() => t.close());

  it.each(['title', 'description', 'atRisk', 'dueDate', 'dueDateReason'])(
    'refuses %s: null on an action with a 400 naming it, and keeps the action',
    async (field) => {
      const response = await t
        .http()
        .patch(`/api/v1/actions/${action.id}`)
        .set(bearer(admin))
        .send({ version: action.version, [field]: null })
        .expect(400);
      expect(JSON.stringify(response.body.error)).toContain(field);
      const kept = await t.http().get(`/api/v1/actions/${action.id}`).set(bearer(admin)).expect(200);
      expect(kept.body).toMatchObject({ title: 'Audit case files', version: action.version });
    },
  );

  it('still clears a field that null clears (the owner)', async () => {
    const current = (await t.http().get(`/api/v1/actions/${action.id}`).set(bearer(admin)).expect(200)).body;
    const cleared = await t.http().patch(`/api/v1/actions/${action.id}`).set(bearer(admin)).send({ version: current.version, ownerId: null }).expect(200);
    expect(cleared.body.ownerId).toBeNull();
    action = cleared.body;
  });

  it('refuses text with a NUL character, which PostgreSQL cannot store, naming the field', async () => {
    const response = await t.http().post(`/api/v1/actions/${action.id}/notes`).set(bearer(admin)).send({ body: 'before\u0000after' }).expect(400);
    expect(response.body.error).toMatchObject({ code: 'nul_character', message: expect.stringContaining('body contains a NUL character') });
  });

  it('refuses a body nested too deep to be a real request with a 400 that says so', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const response = await t
      .http()
      .patch(`/api/v1/actions/${action.id}`)
      .set(bearer(admin))
      .set('content-type', 'application/json')
      .send(`{"version":${action.version},"title":${deep}}`)
      .expect(400);
    expect(response.body.error.message).toMatch(/nested/);
  });

  it.each(['/api/v1/actions', '/api/v1/me/actions', '/api/v1/me/notifications', '/api/v1/admin/reminders', '/api/v1/admin/outbox'])(
    'answers a page number past any list (%s?page=1e20) with a 400 that gives the limit',
    async (path) => {
      for (const page of ['1e20', '1e300']) {
        const response = await t.http().get(`${path}?page=${page}`).set(bearer(admin)).expect(400);
        expect(JSON.stringify(response.body.error)).toMatch(/page must be at most 100000/);
      }
    },
  );

  it.each(['/notifications', '/', 'plan'])('shows the first page of %s for a page number past any list', async (path) => {
    const url = path === 'plan' ? `/plans/${action.planId}` : path;
    for (const page of ['1e20', '1e300', '-3', 'x']) {
      await t.http().get(`${url}?page=${page}`).set(bearer(admin)).set('accept', 'text/html').expect(200);
    }
  });

  it.each([
    ['a plan start date', '/api/v1/plans', { title: 'Plan', startDate: '2026-02-30' }, 'startDate'],
    ['a milestone date', 'milestones', { title: 'Step', dueDate: '2026-02-31' }, 'dueDate'],
    ['a year nought', 'milestones', { title: 'Step', dueDate: '0000-00-00' }, 'dueDate'],
  ])('refuses an impossible date as %s', async (_what, path, body, field) => {
    const url = path === 'milestones' ? `/api/v1/actions/${action.id}/milestones` : path;
    const response = await t
      .http()
      .post(url)
      .set(bearer(admin))
      .send({ ...body, ...(path === 'milestones' ? {} : { boardId }) })
      .expect(400);
    expect(response.body.error.message).toContain(field);
  });
});
