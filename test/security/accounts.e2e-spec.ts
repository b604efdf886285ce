import { DataSource } from 'typeorm';
import { runCli } from '../support/run-cli';
import { Membership, User } from '@app/database/entities';
import { bearer, createTestApp, DB_KINDS, newAuthority, newUser, TEST_PASSWORD, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };
const NEW_PASSWORD = 'an entirely new passphrase';

describe.each(DB_KINDS)('accounts belong to their people, places to their councils (%s)', (kind) => {
  let t: TestApp;
  let councilA: string;
  let councilB: string;
  let adminA: TestUser;
  let adminB: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind);
    councilA = (await newAuthority(t, 'Eastshire County Council')).id;
    councilB = (await newAuthority(t, 'Westshire County Council')).id;
    adminA = await newUser(t, councilA, ['admin']);
    adminB = await newUser(t, councilB, ['admin']);
  });
  afterAll(() => t.close());

  const origin = () => ({ Origin: t.config.publicUrl });
  const signIn = (email: string, password = TEST_PASSWORD, authorityId?: string) =>
    t
      .http()
      .post('/api/v1/auth/sign-in')
      .send({ email, password, ...(authorityId ? { authorityId } : {}) });
  const cookieOf = async (email: string, authorityId?: string) =>
    String((await signIn(email, TEST_PASSWORD, authorityId).expect(200)).headers['set-cookie']).split(';')[0];
  const feedOf = async (person: TestUser) => new URL((await t.http().post('/api/v1/me/calendar-feed').set(bearer(person)).expect(201)).body.url).pathname;
  /** A person who is also a member of another council (the operator's direct way, as the CLI does it). */
  const alsoIn = (authorityId: string, person: TestUser, roles: TestUser['roles']) => newUser(t, authorityId, roles, { email: person.email });

  it('an admin adding an address that has an account elsewhere learns nothing of it and changes nothing', async () => {
    const response = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(adminA))
      .send({ email: adminB.email.toUpperCase(), displayName: 'Whoever', password: 'an attacker chosen password', roles: ['viewer'] })
      .expect(202);
    expect(response.body).toEqual({
      invited: true,
      invitationId: expect.any(String),
      email: adminB.email,
      status: 'pending',
      expiresAt: '2026-12-07T09:00:00.000Z',
    });
    const everything = JSON.stringify([
      response.body,
      (await t.http().get('/api/v1/invitations').set(bearer(adminA)).expect(200)).body,
      (await t.http().get('/api/v1/users').set(bearer(adminA))).body,
    ]);
    expect(everything).not.toContain(adminB.id);
    expect(everything).not.toContain(adminB.displayName);
    await signIn(adminB.email, 'an attacker chosen password').expect(401);
    await signIn(adminB.email).expect(200);
    await t
      .http()
      .post('/api/v1/users')
      .set(bearer(adminA))
      .send({ email: adminB.email, displayName: 'Whoever', password: 'an attacker chosen password', roles: ['viewer'] })
      .expect(409)
      .expect((r) => expect(r.body.error.code).toBe('invitation_exists'));
  });

  it('the invited person sees the invitation when signed in and joins by accepting it; nobody else can', async () => {
    const person = await newUser(t, councilB, ['manager']);
    await t
      .http()
      .post('/api/v1/users')
      .set(bearer(adminA))
      .send({ email: person.email, displayName: 'X', password: 'a long enough password', roles: ['board_member'] })
      .expect(202);
    const mine = (await t.http().get('/api/v1/me/invitations').set(bearer(person)).expect(200)).body;
    expect(mine).toEqual([expect.objectContaining({ authority: { id: councilA, name: 'Eastshire County Council' }, roles: ['board_member'] })]);
    const [pending] = (await t.http().get('/api/v1/invitations').set(bearer(adminA))).body.filter((i: { email: string }) => i.email === person.email);
    expect(pending).toMatchObject({ status: 'pending', roles: ['board_member'] });
    await t.http().post(`/api/v1/me/invitations/${mine[0].id}/accept`).set(bearer(adminB)).expect(404);
    const accepted = await t.http().post(`/api/v1/me/invitations/${mine[0].id}/accept`).set(bearer(person)).expect(200);
    expect(accepted.body).toMatchObject({ authorityId: councilA, user: { id: person.id, roles: ['board_member'], active: true } });
    const there = await signIn(person.email, TEST_PASSWORD, councilA).expect(200);
    expect(there.body).toMatchObject({ authorityId: councilA, user: { roles: ['board_member'] } });
    expect((await t.http().get('/api/v1/invitations').set(bearer(adminA))).body.find((i: { id: string }) => i.id === pending.id).status).toBe('accepted');
    await t.http().post(`/api/v1/me/invitations/${mine[0].id}/accept`).set(bearer(person)).expect(404);
  });

  it('an admin of one council cannot change the password, name or account of a person who also belongs to another', async () => {
    const shared = await newUser(t, councilB, ['admin']);
    const inA = await alsoIn(councilA, shared, ['viewer']);
    for (const change of [{ password: 'a password the admin chose' }, { displayName: 'Renamed' }]) {
      const refused = await t.http().patch(`/api/v1/users/${shared.id}`).set(bearer(adminA)).send(change).expect(403);
      expect(refused.body.error).toMatchObject({ code: 'account_shared', message: expect.stringMatching(/another council/) });
    }
    await signIn(shared.email).expect(200);
    expect((await t.http().get(`/api/v1/users/${shared.id}`).set(bearer(adminB))).body.displayName).toBe(shared.displayName);

    await t
      .http()
      .patch(`/api/v1/users/${shared.id}`)
      .set(bearer(adminA))
      .send({ roles: ['manager'], active: false })
      .expect(200)
      .expect((r) => expect(r.body).toMatchObject({ roles: ['manager'], active: false }));
    await t.http().get('/api/v1/auth/me').set(bearer(inA)).expect(401);
    await signIn(shared.email, TEST_PASSWORD, councilA).expect(401);
    await signIn(shared.email, TEST_PASSWORD, councilB).expect(200);
    await t.http().get('/api/v1/auth/me').set(bearer(shared)).expect(200);
    expect((await t.get(DataSource).manager.findOneByOrFail(User, { id: shared.id })).active).toBe(true);
  });

  it('an admin of every council the person belongs to may change their account', async () => {
    const person = await newUser(t, councilA, ['viewer']);
    await alsoIn(councilB, person, ['viewer']);
    const adminOfBoth = await newUser(t, councilA, ['admin']);
    await alsoIn(councilB, adminOfBoth, ['admin']);
    await t.http().patch(`/api/v1/users/${person.id}`).set(bearer(adminOfBoth)).send({ password: NEW_PASSWORD, displayName: 'New Name' }).expect(200);
    await signIn(person.email, NEW_PASSWORD).expect(200);
  });

  it('a password reset by an admin ends every session, API token and calendar feed of the person', async () => {
    const person = await newUser(t, councilA, ['viewer']);
    const cookie = await cookieOf(person.email);
    const feed = await feedOf(person);
    await t.http().get(feed).expect(200);
    await t.http().patch(`/api/v1/users/${person.id}`).set(bearer(adminA)).send({ password: NEW_PASSWORD }).expect(200);
    await t.http().get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
    await t.http().get('/api/v1/auth/me').set(bearer(person)).expect(401);
    await t.http().get(feed).expect(404);
    await signIn(person.email, NEW_PASSWORD).expect(200);
  });

  it("a role change ends the person's sessions and tokens in that council only", async () => {
    const person = await newUser(t, councilA, ['viewer']);
    const inB = await alsoIn(councilB, person, ['viewer']);
    const cookie = await cookieOf(person.email, councilA);
    await t
      .http()
      .patch(`/api/v1/users/${person.id}`)
      .set(bearer(adminA))
      .send({ roles: ['viewer'] })
      .expect(200);
    await t.http().get('/api/v1/auth/me').set(bearer(person)).expect(200);
    await t
      .http()
      .patch(`/api/v1/users/${person.id}`)
      .set(bearer(adminA))
      .send({ roles: ['manager'] })
      .expect(200);
    await t.http().get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
    await t.http().get('/api/v1/auth/me').set(bearer(person)).expect(401);
    await t.http().get('/api/v1/auth/me').set(bearer(inB)).expect(200);
  });

  it("a stopped person's calendar feed stops answering, even with the token still unrevoked", async () => {
    const person = await newUser(t, councilA, ['viewer']);
    const feed = await feedOf(person);
    // Stop the account behind the service's back: the feed must check at read time, not rely on revocation.
    await t.get(DataSource).manager.update(User, { id: person.id }, { active: false });
    await t.http().get(feed).expect(404);
    await t.get(DataSource).manager.update(User, { id: person.id }, { active: true });
    await t.http().get(feed).expect(200);
    await t.get(DataSource).manager.update(Membership, { authorityId: councilA, userId: person.id }, { active: false });
    await t.http().get(feed).expect(404);
  });

  it('deactivation through the API ends the feed too, and the admin can restore access', async () => {
    const person = await newUser(t, councilA, ['viewer']);
    const feed = await feedOf(person);
    await t.http().patch(`/api/v1/users/${person.id}`).set(bearer(adminA)).send({ active: false }).expect(200);
    await t.http().get(feed).expect(404);
    await signIn(person.email).expect(401);
    await t.http().patch(`/api/v1/users/${person.id}`).set(bearer(adminA)).send({ active: true }).expect(200);
    await signIn(person.email).expect(200);
    await t.http().get(feed).expect(404);
    await t.http().patch(`/api/v1/users/${adminA.id}`).set(bearer(adminA)).send({ active: false }).expect(400);
  });

  it('removing a person takes them out of the council only, and ends what they had there', async () => {
    const person = await newUser(t, councilA, ['viewer']);
    const inB = await alsoIn(councilB, person, ['manager']);
    const report = await newUser(t, councilA, ['viewer'], { managerId: person.id });
    await t.http().delete(`/api/v1/users/${report.id}`).set(bearer(adminB)).expect(404);
    await t.http().delete(`/api/v1/users/${person.id}`).set(bearer(adminA)).expect(204);
    await t.http().get('/api/v1/auth/me').set(bearer(person)).expect(401);
    await t.http().get(`/api/v1/users/${person.id}`).set(bearer(adminA)).expect(404);
    expect((await t.http().get(`/api/v1/users/${report.id}`).set(bearer(adminA))).body.managerId).toBeNull();
    await t.http().get('/api/v1/auth/me').set(bearer(inB)).expect(200);
    await signIn(person.email, TEST_PASSWORD, councilB).expect(200);
    await t.http().delete(`/api/v1/users/${adminA.id}`).set(bearer(adminA)).expect(400);
  });

  it('a person changes their own password: other sessions and tokens end, this one stays', async () => {
    const person = await newUser(t, councilA, ['viewer']);
    const other = await cookieOf(person.email);
    const current = await cookieOf(person.email);
    const change = (body: object) => t.http().post('/api/v1/auth/password').set('Cookie', current).set(origin()).send(body);
    await change({ currentPassword: 'not my password', newPassword: NEW_PASSWORD })
      .expect(400)
      .expect((r) => expect(r.body.error.code).toBe('wrong_password'));
    await change({ currentPassword: TEST_PASSWORD, newPassword: 'passwordpassword' })
      .expect(400)
      .expect((r) => expect(r.body.error.code).toBe('weak_password'));
    await t.http().get('/api/v1/auth/me').set('Cookie', other).expect(200);
    await change({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(204);
    await t.http().get('/api/v1/auth/me').set('Cookie', current).expect(200);
    await t.http().get('/api/v1/auth/me').set('Cookie', other).expect(401);
    await t.http().get('/api/v1/auth/me').set(bearer(person)).expect(401);
    await signIn(person.email, TEST_PASSWORD).expect(401);
  });

  it.each([
    ['twelve spaces', ' '.repeat(12)],
    ['one character repeated', 'aaaaaaaaaaaa'],
    ['a common word repeated', 'passwordpassword'],
    ['90,000 characters', 'correct horse '.repeat(6_430)],
  ])('refuses %s as a password wherever one is set, and changes nothing', async (_what, password) => {
    const email = `weak-${password.length}-${password.charCodeAt(0)}@example.test`;
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(adminA))
      .send({ email, displayName: 'Weak', password, roles: ['viewer'] })
      .expect(400);
    expect(created.body.error.message).toMatch(/password/i);
    await t.http().patch(`/api/v1/users/${adminA.id}`).set(bearer(adminA)).send({ password }).expect(400);
    expect(await t.get(DataSource).manager.existsBy(User, { email })).toBe(false);
    await signIn(adminA.email).expect(200);
  });

  it('refuses a sign-in password longer than 128 characters before hashing it', async () => {
    const response = await signIn(adminA.email, 'x'.repeat(129)).expect(400);
    expect(response.body.error.message).toMatch(/128/);
  });

  it('the admin form refuses a weak password and invites an address that has an account', async () => {
    const cookie = await cookieOf(adminA.email);
    const page = await t.http().get('/admin/users/new').set(HTML).set('Cookie', cookie).expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const post = (fields: Record<string, string>) =>
      t
        .http()
        .post('/admin/users')
        .set(HTML)
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrf, displayName: 'Someone', roles: 'viewer', ...fields });
    const weak = await post({ email: 'new.person@example.test', password: 'aaaaaaaaaaaa' }).expect(400);
    expect(weak.text).toContain('one character repeated');
    const invited = await post({ email: adminB.email.replace('@', '+x@'), password: 'a long enough password' }).expect(303);
    expect(invited.headers.location).toBe('/admin/users?saved=user-added');
    const existing = await newUser(t, councilB, ['viewer']);
    const invite = await post({ email: existing.email, password: 'a long enough password' }).expect(303);
    expect(invite.headers.location).toBe('/admin/users?saved=user-invited');
    const list = await t.http().get('/admin/users').set(HTML).set('Cookie', cookie).expect(200);
    expect(list.text).toContain(existing.email);
    expect(list.text).not.toContain(existing.displayName);
  });

  it('on the web, the invited person is told on their start page and joins from the invitations page', async () => {
    const person = await newUser(t, councilB, ['viewer']);
    await t
      .http()
      .post('/api/v1/users')
      .set(bearer(adminA))
      .send({ email: person.email, displayName: 'X', password: 'a long enough password', roles: ['manager'] })
      .expect(202);
    const cookie = await cookieOf(person.email);
    expect((await t.http().get('/').set(HTML).set('Cookie', cookie).expect(200)).text).toContain('href="/invitations"');
    const page = await t.http().get('/invitations').set(HTML).set('Cookie', cookie).expect(200);
    expect(page.text).toContain('Eastshire County Council');
    const id = /action="\/invitations\/([\w-]+)\/accept"/.exec(page.text)![1];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    await t.http().post(`/invitations/${id}/accept`).set(HTML).set('Cookie', cookie).type('form').send({ _csrf: csrf }).expect(303);
    expect((await t.http().get(`/api/v1/users/${person.id}`).set(bearer(adminA)).expect(200)).body.roles).toEqual(['manager']);
    expect((await t.http().get('/').set(HTML).set('Cookie', cookie).expect(200)).text).not.toContain('href="/invitations"');
  });

  // Last: it moves the clock forward.
  it('API tokens expire (90 days unless asked otherwise) and show when they were last used', async () => {
    const person = await newUser(t, councilA, ['viewer']);
    const standard = await t.http().post('/api/v1/auth/tokens').set(bearer(person)).send({ name: 'script' }).expect(201);
    expect(standard.body.expiresAt).toBe(new Date(t.clock.now().getTime() + 90 * 86_400_000).toISOString());
    const short = await t.http().post('/api/v1/auth/tokens').set(bearer(person)).send({ name: 'one day', expiresInDays: 1 }).expect(201);
    for (const expiresInDays of [0, 366, 1.5, '7'])
      await t.http().post('/api/v1/auth/tokens').set(bearer(person)).send({ name: 'bad', expiresInDays }).expect(400);
    t.clock.set(new Date(t.clock.now().getTime() + 23 * 3_600_000));
    await t.http().get('/api/v1/auth/me').set(bearer(short.body)).expect(200);
    const listed = (await t.http().get('/api/v1/auth/tokens').set(bearer(standard.body)).expect(200)).body;
    expect(listed.find((x: { id: string }) => x.id === short.body.id)).toMatchObject({ lastUsedAt: t.clock.nowIso(), expiresAt: short.body.expiresAt });
    t.clock.set(new Date(t.clock.now().getTime() + 2 * 3_600_000));
    await t.http().get('/api/v1/auth/me').set(bearer(short.body)).expect(401);
    await t.http().get('/api/v1/auth/me').set(bearer(standard.body)).expect(200);
  });
});

describe.each(DB_KINDS)("the operator's account commands (%s)", (kind) => {
  let t: TestApp;
  const saved = { ...process.env };

  beforeAll(async () => {
    t = await createTestApp(kind);
    process.env.DATA_DIR = t.config.dataDir;
    if (t.config.database.kind === 'postgres') process.env.DATABASE_URL = t.config.database.url;
    else delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    process.env = saved;
    await t.close();
  });

  it('users:create adds an existing account to another council directly, keeping its password', async () => {
    const a = await newAuthority(t);
    const b = await newAuthority(t);
    const person = await newUser(t, a.id, ['viewer']);
    process.env.IT_PASSWORD = 'aaaaaaaaaaaa';
    await expect(runCli('users:create', '--authority', b.slug, '--email', 'new@example.test', '--name', 'N', '--roles', 'viewer')).rejects.toThrow(
      /one character repeated/,
    );
    process.env.IT_PASSWORD = 'another long password';
    const joined = JSON.parse(await runCli('users:create', '--authority', b.slug, '--email', person.email, '--name', 'Ignored', '--roles', 'manager'));
    expect(joined).toMatchObject({ id: person.id, roles: ['manager'], displayName: person.displayName });
    await t.http().post('/api/v1/auth/sign-in').send({ email: person.email, password: TEST_PASSWORD, authorityId: b.id }).expect(200);
  });

  it('users:set-password resets the account and ends its sessions and tokens everywhere', async () => {
    const person = await newUser(t, (await newAuthority(t)).id, ['viewer']);
    process.env.IT_PASSWORD = 'passwordpassword';
    await expect(runCli('users:set-password', '--email', person.email)).rejects.toThrow(/too common/);
    process.env.IT_PASSWORD = NEW_PASSWORD;
    await expect(runCli('users:set-password', '--email', 'nobody@example.test')).rejects.toThrow(/not found/);
    expect(JSON.parse(await runCli('users:set-password', '--email', person.email))).toMatchObject({ id: person.id, passwordReset: true });
    await t.http().get('/api/v1/auth/me').set(bearer(person)).expect(401);
    await t.http().post('/api/v1/auth/sign-in').send({ email: person.email, password: NEW_PASSWORD }).expect(200);
  });
});
