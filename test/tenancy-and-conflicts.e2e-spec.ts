import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from './support';
import { DataSource } from 'typeorm';
import { AuditEvent } from '@app/database/entities';

describe.each(DB_KINDS)('tenancy, strict input and lost updates (%s)', (kind) => {
  let t: TestApp;
  let ours: TestUser, theirs: TestUser, ourAction: { id: string; version: number; planId: string };

  beforeAll(async () => {
    t = await createTestApp(kind);
    ours = await newUser(t, (await newAuthority(t, 'Northshire')).id, ['board_member']);
    theirs = await newUser(t, (await newAuthority(t, 'Southshire')).id, ['admin']);
    const board = await newBoard(t, ours);
    const plan = await t.http().post('/api/v1/plans').set(bearer(ours)).send({ title: 'Plan', boardId: board.id, startDate: '2026-12-01' }).expect(201);
    ourAction = (
      await t.http().post(`/api/v1/plans/${plan.body.id}/actions`).set(bearer(ours)).send({ title: 'Audit case files', timescale: 'three_months' }).expect(201)
    ).body;
  });
  afterAll(() => t.close());

  it("answers 404 for another authority's action, plan and evidence, and changes nothing", async () => {
    await t.http().get(`/api/v1/actions/${ourAction.id}`).set(bearer(theirs)).expect(404);
    await t.http().get(`/api/v1/plans/${ourAction.planId}`).set(bearer(theirs)).expect(404);
    await t.http().patch(`/api/v1/actions/${ourAction.id}`).set(bearer(theirs)).send({ version: 1, title: 'hijacked' }).expect(404);
    await t.http().post(`/api/v1/actions/${ourAction.id}/notes`).set(bearer(theirs)).send({ body: 'x' }).expect(404);
    const list = await t.http().get('/api/v1/actions').set(bearer(theirs)).expect(200);
    expect(list.body.total).toBe(0);
    const mine = await t.http().get(`/api/v1/actions/${ourAction.id}`).set(bearer(ours)).expect(200);
    expect(mine.body).toMatchObject({ title: 'Audit case files', version: 1, dueDate: '2027-03-01' });
  });

  it("lists only the authority's own people, by name, with their roles, manager and active flag", async () => {
    const report = await newUser(t, ours.authorityId, ['viewer'], { managerId: ours.id });
    const people = (await t.http().get('/api/v1/users').set(bearer(ours)).expect(200)).body as { id: string; displayName: string }[];
    expect(people.map((p) => p.id).sort()).toEqual([ours.id, report.id].sort());
    expect(people.map((p) => p.displayName)).toEqual([...people.map((p) => p.displayName)].sort());
    expect(people.find((p) => p.id === report.id)).toEqual({
      id: report.id,
      email: report.email,
      displayName: report.displayName,
      active: true,
      roles: ['viewer'],
      managerId: ours.id,
      organisationId: null,
    });
    expect(((await t.http().get('/api/v1/users').set(bearer(theirs)).expect(200)).body as { id: string }[]).map((p) => p.id)).toEqual([theirs.id]);
  });

  it('refuses an unknown field with a 400 that names it', async () => {
    const response = await t.http().patch(`/api/v1/actions/${ourAction.id}`).set(bearer(ours)).send({ version: 1, titel: 'typo' }).expect(400);
    expect(response.body.error).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(response.body.error.message).toContain('titel');
  });

  it('lets exactly one of two concurrent edits win; the other gets 409 with the current state', async () => {
    const current = (await t.http().get(`/api/v1/actions/${ourAction.id}`).set(bearer(ours))).body;
    const [a, b] = await Promise.all([
      t.http().patch(`/api/v1/actions/${ourAction.id}`).set(bearer(ours)).send({ version: current.version, title: 'First editor' }),
      t.http().patch(`/api/v1/actions/${ourAction.id}`).set(bearer(ours)).send({ version: current.version, title: 'Second editor' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body.error.code).toBe('stale_version');
    expect(loser.body.error.details.current).toMatchObject({ title: winner.body.title, version: current.version + 1 });
    const after = (await t.http().get(`/api/v1/actions/${ourAction.id}`).set(bearer(ours))).body;
    expect(after).toMatchObject({ title: winner.body.title, version: current.version + 1 });
  });
});

describe.each(DB_KINDS)('accounts (%s)', (kind) => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind, { SIGN_IN_MAX_FAILURES: '3' });
    admin = await newUser(t, (await newAuthority(t)).id, ['admin'], { email: 'admin@council.test' });
  });
  afterAll(() => t.close());

  const signIn = (password: string, ip = '10.0.0.1') =>
    t.http().post('/api/v1/auth/sign-in').set('X-Forwarded-For', ip).send({ email: 'Admin@Council.test', password });

  it('signs in with a session cookie, and signs out', async () => {
    const response = await signIn('a long test password').expect(200);
    const cookie = response.headers['set-cookie'][0];
    expect(cookie).toMatch(/^it_session=its_[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);
    const me = await t.http().get('/api/v1/auth/me').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(me.body.user).toMatchObject({ id: admin.id, email: 'admin@council.test', roles: ['admin'] });
    expect(JSON.stringify(me.body)).not.toContain('password');
    await t.http().post('/api/v1/auth/sign-out').set('Cookie', cookie.split(';')[0]).expect(204);
    await t.http().get('/api/v1/auth/me').set('Cookie', cookie.split(';')[0]).expect(401);
  });

  it('expires a browser session after inactivity', async () => {
    const cookie = (await signIn('a long test password', '10.0.0.9').expect(200)).headers['set-cookie'][0].split(';')[0];
    t.clock.set(new Date(t.clock.now().getTime() + 29 * 60_000));
    await t.http().get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
    t.clock.set(new Date(t.clock.now().getTime() + 31 * 60_000));
    await t.http().get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
  });

  it('issues, lists and revokes personal API tokens, stored only as hashes', async () => {
    const created = await t.http().post('/api/v1/auth/tokens').set(bearer(admin)).send({ name: 'export script' }).expect(201);
    expect(created.body.token).toMatch(/^itk_/);
    await t.http().get('/api/v1/auth/me').set(bearer(created.body)).expect(200);
    const listed = await t.http().get('/api/v1/auth/tokens').set(bearer(admin)).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    await t.http().delete(`/api/v1/auth/tokens/${created.body.id}`).set(bearer(admin)).expect(204);
    await t.http().get('/api/v1/auth/me').set(bearer(created.body)).expect(401);
  });

  it('slows an attacker without locking the real user out, and audits every attempt', async () => {
    for (let i = 0; i < 3; i++) await signIn('wrong password', '203.0.113.5').expect(401);
    const throttled = await signIn('a long test password', '203.0.113.5').expect(429);
    expect(throttled.body.error.message).toMatch(/Too many failed sign-in attempts/);
    await signIn('a long test password', '198.51.100.7').expect(200);
    const events = await t.get(DataSource).manager.find(AuditEvent, { where: { subject: 'admin@council.test' }, order: { seq: 'ASC' } });
    expect(events.map((e) => `${e.event}@${e.ip}`).slice(-6)).toEqual([
      'sign_in_failed@203.0.113.5',
      'sign_in_failed@203.0.113.5',
      'sign_in_failed@203.0.113.5',
      'sign_in_delayed@203.0.113.5',
      'sign_in_throttled@203.0.113.5',
      'sign_in@198.51.100.7',
    ]);
  });

  it('refuses an unknown email the same way as a wrong password', async () => {
    const unknown = await t.http().post('/api/v1/auth/sign-in').send({ email: 'nobody@council.test', password: 'whatever it is' }).expect(401);
    const wrong = await t.http().post('/api/v1/auth/sign-in').send({ email: 'admin@council.test', password: 'whatever it is' }).expect(401);
    expect(unknown.body).toEqual(wrong.body);
  });
});
