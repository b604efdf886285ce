import { DataSource } from 'typeorm';
import { AuditEvent, ProgressNote } from '@app/database/entities';
import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, sessionCookie, TEST_PASSWORD, TestApp, TestUser } from '../support';

const FOREIGN = 'https://evil.example';

describe.each(DB_KINDS)('the JSON API against cross-site requests (%s)', (kind) => {
  let t: TestApp;
  let member: TestUser;
  let cookie: string;
  let notes: string;
  let own: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    own = t.config.publicUrl;
    member = await newUser(t, (await newAuthority(t)).id, ['board_chair']);
    const board = await newBoard(t, member);
    const plan = await t.http().post('/api/v1/plans').set(bearer(member)).send({ title: 'Plan', boardId: board.id, startDate: '2026-12-01' }).expect(201);
    const action = await t
      .http()
      .post(`/api/v1/plans/${plan.body.id}/actions`)
      .set(bearer(member))
      .send({ title: 'Audit case files', timescale: 'three_months' })
      .expect(201);
    notes = `/api/v1/actions/${action.body.id}/notes`;
    cookie = await sessionCookie(t, member.email);
  });
  afterAll(() => t.close());

  const noteCount = () => t.get(DataSource).manager.countBy(ProgressNote, {});
  const withCookie = (path: string) => t.http().post(path).set('Cookie', cookie);

  it.each([
    ['a form post from another site', (path: string) => withCookie(path).set('Origin', FOREIGN).type('form').send({ body: 'forged' })],
    ['a form post with no Origin', (path: string) => withCookie(path).type('form').send({ body: 'forged' })],
    ['a text/plain post', (path: string) => withCookie(path).set('Content-Type', 'text/plain').send('{"body":"forged"}')],
    ['JSON from another site', (path: string) => withCookie(path).set('Origin', FOREIGN).send({ body: 'forged' })],
    ['JSON whose Referer is another site', (path: string) => withCookie(path).set('Referer', `${FOREIGN}/page`).send({ body: 'forged' })],
    ['JSON from a sandboxed page (Origin: null)', (path: string) => withCookie(path).set('Origin', 'null').send({ body: 'forged' })],
  ])('refuses %s with the session cookie, changes nothing, and audits it', async (_, request) => {
    const before = await noteCount();
    const response = await request(notes).expect(403);
    expect(response.body.error).toMatchObject({ code: 'cross_site_request', message: expect.stringMatching(/application\/json|this site/) });
    expect(await noteCount()).toBe(before);
    const refused = await t.get(DataSource).manager.findBy(AuditEvent, { event: 'access_refused_cross_site', actorId: member.id });
    expect(refused.map((e) => e.subject)).toContain(`POST ${notes}`);
  });

  it('refuses forged calendar-feed and evidence-link posts', async () => {
    await withCookie('/api/v1/me/calendar-feed').set('Origin', FOREIGN).type('form').send('').expect(403);
    await withCookie('/api/v1/me/calendar-feed').type('form').send('').expect(403);
    await withCookie(notes.replace('/notes', '/evidence/link')).type('form').send({ title: 'x', url: 'https://evil.example/x' }).expect(403);
  });

  it('accepts JSON with the cookie from this site, or from a client that sends no Origin (curl)', async () => {
    await withCookie(notes).set('Origin', own).send({ body: 'from the page' }).expect(201);
    await withCookie(notes).set('Referer', `${own}/actions/x`).send({ body: 'from the page' }).expect(201);
    await withCookie(notes).send({ body: 'from curl' }).expect(201);
    await withCookie('/api/v1/me/calendar-feed').expect(201);
  });

  it("takes the request's own host as this site too", async () => {
    await withCookie(notes).set('Host', 'tracker.council.test').set('Origin', 'http://tracker.council.test').send({ body: 'same host' }).expect(201);
    await withCookie(notes).set('Host', 'tracker.council.test').set('Origin', 'http://other.council.test').send({ body: 'other host' }).expect(403);
  });

  it('accepts a multipart upload with the cookie only with X-Requested-With or from this site', async () => {
    const upload = () => withCookie(notes.replace('/notes', '/evidence')).attach('file', Buffer.from('%PDF-1.4 not really'), 'x.pdf');
    const refused = await upload().expect(403);
    expect(refused.body.error.message).toMatch(/X-Requested-With/);
    await upload().set('Origin', FOREIGN).set('X-Requested-With', 'fetch').expect(403);
    expect((await upload().set('X-Requested-With', 'fetch')).status).not.toBe(403);
    expect((await upload().set('Origin', own)).status).not.toBe(403);
  });

  it('leaves bearer-token requests alone, whatever their Origin or content type', async () => {
    await t.http().post(notes).set(bearer(member)).set('Origin', FOREIGN).type('form').send({ body: 'script' }).expect(201);
  });

  it('sees a percent-encoded address as the router does: a forged post to /%61pi/… is refused as to /api/…', async () => {
    const before = await noteCount();
    const encoded = notes.replace('/api/', '/%61pi/');
    const response = await withCookie(encoded).set('Origin', FOREIGN).type('form').send({ body: 'forged' }).expect(403);
    expect(response.body.error).toMatchObject({ code: 'cross_site_request' });
    expect(await noteCount()).toBe(before);
    // An address the router cannot read at all is refused in the API's own error shape.
    const unreadable = await withCookie('/api/v1/actions/%E0%A4%A/notes').send({ body: 'x' }).expect(400);
    expect(unreadable.body.error).toMatchObject({ status: 400, code: 'bad_request', message: expect.stringContaining('could not be read') });
  });

  it('refuses a sign-in from another site', async () => {
    const response = await t.http().post('/api/v1/auth/sign-in').set('Origin', FOREIGN).send({ email: member.email, password: TEST_PASSWORD }).expect(403);
    expect(response.headers['set-cookie']).toBeUndefined();
    await t.http().post('/api/v1/auth/sign-in').type('form').send({ email: member.email, password: TEST_PASSWORD }).expect(403);
    // A login forgery to the same route by a percent-encoded address.
    await t.http().post('/%61pi/v1/auth/sign-in').type('form').send({ email: member.email, password: TEST_PASSWORD }).expect(403);
    await t.http().post('/api/v1/auth/sign-in').set('Origin', own).send({ email: member.email, password: TEST_PASSWORD }).expect(200);
    expect(await t.get(DataSource).manager.countBy(AuditEvent, { event: 'access_refused_cross_site', subject: 'POST /api/v1/auth/sign-in' })).toBe(3);
  });

  it('leaves the web pages to their form token', async () => {
    const response = await t.http().post('/sign-in').set('Origin', FOREIGN).type('form').send({ email: member.email, password: TEST_PASSWORD });
    expect(response.status).toBe(403);
    expect(response.text).not.toContain('cross_site_request');
  });
});
