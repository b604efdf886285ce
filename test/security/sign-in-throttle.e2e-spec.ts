import { DataSource } from 'typeorm';
import { AuditEvent } from '@app/database/entities';
import { Notification } from '@app/reminders/entities';
import { SignInThrottle } from '@app/core/accounts/sign-in-throttle';
import { bearer, createTestApp, DB_KINDS, newAuthority, newUser, TEST_PASSWORD, TestApp, TestUser } from '../support';

describe.each(DB_KINDS)('sign-in throttle (%s)', (kind) => {
  let t: TestApp;
  let authorityId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    authorityId = (await newAuthority(t)).id;
  });
  afterAll(() => t.close());

  const signIn = (email: string, password: string, ip: string) => t.http().post('/api/v1/auth/sign-in').set('X-Forwarded-For', ip).send({ email, password });
  const person = (email: string) => newUser(t, authorityId, ['viewer'], { email });
  const wait = (seconds: number) => t.clock.set(new Date(t.clock.now().getTime() + seconds * 1000));
  const events = (event: string, subject: string) => t.get(DataSource).manager.countBy(AuditEvent, { event, subject });

  it('checks at most 5 passwords for an account from one address, however parallel the attempts', async () => {
    const user = await person('parallel@council.test');
    const responses = await Promise.all(Array.from({ length: 30 }, () => signIn(user.email, 'not the password', '203.0.113.10')));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    expect(await events('sign_in_failed', user.email)).toBe(5);
    expect(await events('sign_in_throttled', user.email)).toBe(25);
  });

  it('then makes each attempt wait 1, 2, 4 ... seconds, up to 15 minutes, refusing even the right password until then', async () => {
    const user = await person('delayed@council.test');
    for (let i = 0; i < 5; i++) await signIn(user.email, 'not the password', '203.0.113.20').expect(401);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const refused = await signIn(user.email, TEST_PASSWORD, '203.0.113.20').expect(429);
      waits.push(Number(refused.headers['retry-after']));
      wait(waits[i] - 1);
      await signIn(user.email, TEST_PASSWORD, '203.0.113.20').expect(429);
      wait(1);
      if (i < 11) await signIn(user.email, 'not the password', '203.0.113.20').expect(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    await signIn(user.email, TEST_PASSWORD, '203.0.113.20').expect(200);
    // A success forgets the failures: the next mistake is checked at once.
    await signIn(user.email, 'not the password', '203.0.113.20').expect(401);
    await signIn(user.email, TEST_PASSWORD, '203.0.113.20').expect(200);
  });

  it('says when to try again', async () => {
    const user = await person('message@council.test');
    for (let i = 0; i < 5; i++) await signIn(user.email, 'not the password', '203.0.113.30').expect(401);
    const refused = await signIn(user.email, TEST_PASSWORD, '203.0.113.30').expect(429);
    expect(refused.body.error).toMatchObject({
      code: 'sign_in_throttled',
      message: expect.stringMatching(/Too many failed sign-in attempts.*Try again in 1 second\b/),
    });
  });

  it('tells a person on the sign-in page how long to wait', async () => {
    const user = await person('page@council.test');
    for (let i = 0; i < 5; i++) await signIn(user.email, 'not the password', '203.0.113.35').expect(401);
    const form = await t.http().get('/sign-in').set('X-Forwarded-For', '203.0.113.35').expect(200);
    const cookie = form.headers['set-cookie'][0].split(';')[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const page = await t
      .http()
      .post('/sign-in')
      .set('X-Forwarded-For', '203.0.113.35')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: token, email: user.email, password: TEST_PASSWORD })
      .expect(429);
    expect(page.headers['retry-after']).toBe('1');
    expect(page.text).toContain('Try again in 1 second');
  });

  it('answers an over-long email or forwarded address like any wrong one, not with a server error', async () => {
    const form = await t.http().get('/sign-in').expect(200);
    const cookie = form.headers['set-cookie'][0].split(';')[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    await t
      .http()
      .post('/sign-in')
      .set('X-Forwarded-For', 'x'.repeat(200))
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: token, email: `${'a'.repeat(400)}@council.test`, password: 'not the password' })
      .expect(401);
  });

  it('does not let an attacker at one address hold up the person signing in from another', async () => {
    const user = await person('target@council.test');
    for (let i = 0; i < 8; i++) await signIn(user.email, 'not the password', '203.0.113.40');
    await signIn(user.email, TEST_PASSWORD, '198.51.100.40').expect(200);
  });

  it('tells the owner, once, that their sign-in is being slowed down', async () => {
    const user = await person('owner-told@council.test');
    for (let i = 0; i < 5; i++) await signIn(user.email, 'not the password', '203.0.113.50').expect(401);
    for (let i = 0; i < 3; i++) {
      wait(900);
      await signIn(user.email, 'not the password', '203.0.113.50').expect(401);
    }
    for (let i = 0; i < 5; i++) await signIn(user.email, 'not the password', '203.0.113.51').expect(401);
    const told = await t.get(DataSource).manager.findBy(Notification, { userId: user.id, kind: 'sign_in_delayed' });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ authorityId, title: expect.stringMatching(/sign-in/i), body: expect.stringContaining('203.0.113.50') });
    expect(await events('sign_in_delayed', user.email)).toBe(2);
  });

  it('slows an address that fails on many accounts without blocking it', async () => {
    const user = await person('shared-address@council.test');
    for (let i = 0; i < 50; i++) await signIn(`nobody${i}@council.test`, 'not the password', '198.51.100.60').expect(401);
    const refused = await signIn(user.email, TEST_PASSWORD, '198.51.100.60').expect(429);
    expect(refused.headers['retry-after']).toBe('1');
    wait(1);
    await signIn(user.email, TEST_PASSWORD, '198.51.100.60').expect(200);
  });

  it('lets a whole office sign in at once from one address: only failures count against it', async () => {
    const throttle = t.get(SignInThrottle);
    // Sixty sign-ins under way together, none of them answered yet: none is a failure.
    const underWay = await Promise.all(Array.from({ length: 60 }, (_, i) => throttle.claim(`office${i}@council.test`, '198.51.100.70')));
    expect(underWay).toHaveLength(60);
    const late = await person('office-late@council.test');
    await signIn(late.email, TEST_PASSWORD, '198.51.100.70').expect(200);
  });

  it('slows attempts at one account from many addresses', async () => {
    const user = await person('spread@council.test');
    for (let i = 0; i < 50; i++) await signIn(user.email, 'not the password', `192.0.2.${i + 1}`).expect(401);
    const refused = await signIn(user.email, TEST_PASSWORD, '192.0.2.200').expect(429);
    expect(refused.headers['retry-after']).toBe('1');
    wait(1);
    await signIn(user.email, TEST_PASSWORD, '192.0.2.200').expect(200);
  });

  it('counts a wrong current password in a password change as a failed sign-in, so a stolen session cannot guess the password', async () => {
    const user = await person('changer@council.test');
    const change = (currentPassword: string) =>
      t
        .http()
        .post('/api/v1/auth/password')
        .set(bearer(user))
        .set('X-Forwarded-For', '203.0.113.80')
        .send({ currentPassword, newPassword: 'a new password for the test' });
    for (let i = 0; i < 5; i++) await change('not the password').expect(400);
    const refused = await change(TEST_PASSWORD).expect(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body.error.message).toMatch(/Try again in 1 second\b/);
    await signIn(user.email, TEST_PASSWORD, '203.0.113.80').expect(429);
    expect(await t.get(DataSource).manager.countBy(AuditEvent, { event: 'password_change_failed', entityId: user.id })).toBe(5);
    expect(await t.get(DataSource).manager.countBy(Notification, { userId: user.id, kind: 'sign_in_delayed' })).toBe(1);
    wait(1);
    await change(TEST_PASSWORD).expect(204);
    // The right password forgets the failures from this address.
    await signIn(user.email, 'a new password for the test', '203.0.113.80').expect(200);
  });
});

describe('trusted proxies', () => {
  let t: TestApp;
  let user: TestUser;

  afterEach(() => t.close());

  const failedFrom = async () => {
    await t.http().post('/api/v1/auth/sign-in').set('X-Forwarded-For', '203.0.113.70').send({ email: user.email, password: 'not the password' }).expect(401);
    return (await t.get(DataSource).manager.findOneByOrFail(AuditEvent, { event: 'sign_in_failed', subject: user.email })).ip;
  };

  it('ignores X-Forwarded-For from a client that is not a trusted proxy (TRUST_PROXY)', async () => {
    t = await createTestApp(DB_KINDS[0], { TRUST_PROXY: '10.0.0.0/8' });
    user = await newUser(t, (await newAuthority(t)).id, ['viewer']);
    expect(await failedFrom()).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it('takes the client address from a trusted proxy', async () => {
    t = await createTestApp(DB_KINDS[0], { TRUST_PROXY: 'loopback, 10.0.0.0/8' });
    user = await newUser(t, (await newAuthority(t)).id, ['viewer']);
    expect(await failedFrom()).toBe('203.0.113.70');
  });
});
