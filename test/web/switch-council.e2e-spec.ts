import { DataSource } from 'typeorm';
import { UserService } from '@app/core';
import { AuditEvent } from '@app/database/entities';
import { bearer, createTestApp, DB_KINDS, newAuthority, newUser, sessionCookie, TEST_PASSWORD, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

describe.each(DB_KINDS)('web: a person in several councils switches between them (%s)', (kind) => {
  let t: TestApp;
  let councils: { id: string; name: string }[];
  let person: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind);
    councils = await Promise.all(['Aldermoor', 'Brackenfield', 'Coldwater', 'Dunmere'].map((name) => newAuthority(t, `${name} Council`)));
    const [a, b, c] = councils;
    person = await newUser(t, a.id, ['viewer']);
    const users = t.get(UserService);
    await users.create(b.id, { email: person.email, displayName: person.displayName, password: TEST_PASSWORD, roles: ['manager'] });
    const inC = await users.create(c.id, { email: person.email, displayName: person.displayName, password: TEST_PASSWORD, roles: ['viewer'] });
    const adminC = await newUser(t, c.id, ['admin']);
    await t.http().patch(`/api/v1/users/${inC.id}`).set(bearer(adminC)).send({ active: false }).expect(200);
  });
  afterAll(() => t?.close());

  const signIn = (email: string) => sessionCookie(t, email);
  const me = (cookie: string) => t.http().get('/api/v1/auth/me').set('Cookie', cookie);
  const formToken = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];
  const choose = (cookie: string, token: string, authorityId: string) =>
    t.http().post('/councils').set(HTML).set('Cookie', cookie).type('form').send({ _csrf: token, authorityId });

  it('offers the switch only to a person with more than one council', async () => {
    const cookie = await signIn(person.email);
    const home = await t.http().get('/').set(HTML).set('Cookie', cookie).expect(200);
    expect(home.text).toContain('href="/councils"');
    expect(home.text).toContain('Aldermoor Council');
    const joined = await t.http().get('/invitations?joined=1').set(HTML).set('Cookie', cookie).expect(200);
    expect(joined.text).toMatch(/To work there, <a [^>]*href="\/councils">switch council<\/a>/);
    const loner = await newUser(t, councils[0].id, ['viewer']);
    const theirs = await t
      .http()
      .get('/')
      .set(HTML)
      .set('Cookie', await signIn(loner.email))
      .expect(200);
    expect(theirs.text).not.toContain('href="/councils"');
  });

  it('lists only the councils the person may work in, and refuses any other choice without changing the session', async () => {
    const cookie = await signIn(person.email);
    const page = await t.http().get('/councils').set(HTML).set('Cookie', cookie).expect(200);
    expect(page.text).toContain('Aldermoor Council');
    expect(page.text).toContain('Brackenfield Council');
    expect(page.text).not.toContain('Coldwater Council');
    expect(page.text).not.toContain('Dunmere Council');
    const token = formToken(page.text);
    for (const council of [councils[2], councils[3]]) {
      const refused = await choose(cookie, token, council.id).expect(400);
      expect(refused.text).toContain('Choose one of your councils');
      expect(refused.text).not.toContain(council.name);
    }
    await choose(cookie, token, 'not an id').expect(400);
    await t.http().post('/councils').set(HTML).set('Cookie', cookie).type('form').send({ authorityId: councils[1].id }).expect(403);
    expect((await me(cookie).expect(200)).body.authorityId).toBe(councils[0].id);
  });

  it('ends the session and starts a new one in the chosen council, audited in both', async () => {
    const cookie = await signIn(person.email);
    const page = await t.http().get('/councils').set(HTML).set('Cookie', cookie).expect(200);
    const switched = await choose(cookie, formToken(page.text), councils[1].id).expect(303);
    expect(switched.headers.location).toBe('/');
    const next = String(switched.headers['set-cookie']).split(';')[0];
    expect(next).not.toBe(cookie);
    await me(cookie).expect(401);
    const now = (await me(next).expect(200)).body;
    expect([now.authorityId, now.user.roles]).toEqual([councils[1].id, ['manager']]);
    const audit = t.get(DataSource).manager;
    expect(await audit.countBy(AuditEvent, { authorityId: councils[0].id, event: 'council_switched_away', actorId: person.id })).toBe(1);
    expect(await audit.countBy(AuditEvent, { authorityId: councils[1].id, event: 'council_switched_in', actorId: person.id })).toBe(1);
  });

  it('refuses an API token: it belongs to one council', async () => {
    await t.http().post('/councils').set(HTML).set(bearer(person)).type('form').send({ authorityId: councils[1].id }).expect(403);
    await t.http().get('/api/v1/auth/me').set(bearer(person)).expect(200);
  });
});
