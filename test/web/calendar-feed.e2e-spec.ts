import { createTestApp, DB_KINDS, newAuthority, newUser, TEST_PASSWORD, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

/** The cookies a response sets, as name=value pairs. */
const cookiesOf = (res: { headers: Record<string, unknown> }) => ((res.headers['set-cookie'] as string[] | undefined) ?? []).map((c) => c.split(';')[0]);

describe.each(DB_KINDS)('the calendar link and feed (%s)', (kind) => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind);
    user = await newUser(t, (await newAuthority(t)).id, ['viewer']);
  });
  afterAll(() => t?.close());

  async function browserSession(): Promise<string> {
    const res = await t.http().post('/api/v1/auth/sign-in').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    return cookiesOf(res).find((c) => c.startsWith('it_session='))!;
  }

  async function settingsPage(cookie: string, path = '/settings/notifications') {
    const page = await t.http().get(path).set(HTML).set('Cookie', cookie).expect(200);
    const feed = /value="(http[^"]+\/calendar\/[^"]+\.ics)"/.exec(page.text)?.[1] ?? null;
    return { page, feed, csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1] };
  }

  const feedPath = (url: string) => new URL(url).pathname;

  it('makes a new link only by a POST that redirects; the page it lands on shows it, and reloading it makes no other', async () => {
    const session = await browserSession();
    const { feed: before, csrf } = await settingsPage(session);
    expect(before).toBeNull();

    const made = await t.http().post('/settings/notifications/calendar-feed').set(HTML).set('Cookie', session).type('form').send({ _csrf: csrf }).expect(303);
    expect(made.headers.location).toBe('/settings/notifications?saved=calendar#calendar');
    const linkCookie = cookiesOf(made).find((c) => c.startsWith('it_calendar_link='))!;
    expect(String(made.headers['set-cookie'])).toMatch(
      /it_calendar_link=[^;]+; Max-Age=900; Path=\/settings\/notifications; Expires=[^;]+; HttpOnly; SameSite=Lax/,
    );
    const cookies = `${session}; ${linkCookie}`;

    const landed = await settingsPage(cookies, made.headers.location.split('#')[0]);
    expect(landed.feed).toMatch(/\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    expect(landed.page.text).toContain('Your calendar link has been made');
    const reloaded = await settingsPage(cookies);
    expect(reloaded.feed).toBe(landed.feed);
    await t.http().get(feedPath(landed.feed!)).expect(200);

    // Another browser session cannot read this one's link, even given its cookie.
    const other = await browserSession();
    expect((await settingsPage(`${other}; ${linkCookie}`)).feed).toBeNull();

    // A second link replaces the first: the first stops working, and the page no longer shows it.
    const again = await t
      .http()
      .post('/settings/notifications/calendar-feed')
      .set(HTML)
      .set('Cookie', other)
      .type('form')
      .send({ _csrf: (await settingsPage(other)).csrf });
    expect(again.status).toBe(303);
    await t.http().get(feedPath(landed.feed!)).expect(404);
    expect((await settingsPage(cookies)).feed).toBeNull();

    const stopped = await t
      .http()
      .post('/settings/notifications/calendar-feed/revoke')
      .set(HTML)
      .set('Cookie', cookies)
      .type('form')
      .send({ _csrf: landed.csrf })
      .expect(303);
    expect(String(stopped.headers['set-cookie'])).toMatch(/it_calendar_link=;/);
  });

  it('serves the feed privately cacheable for five minutes, and a wrong address as plain text', async () => {
    const session = await browserSession();
    const { csrf } = await settingsPage(session);
    const made = await t.http().post('/settings/notifications/calendar-feed').set(HTML).set('Cookie', session).type('form').send({ _csrf: csrf }).expect(303);
    const { feed } = await settingsPage(`${session}; ${cookiesOf(made).find((c) => c.startsWith('it_calendar_link='))}`);

    const ok = await t.http().get(feedPath(feed!)).expect(200);
    expect(ok.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ok.headers['cache-control']).toBe('private, max-age=300');
    expect(ok.text).toContain('BEGIN:VCALENDAR');

    for (const accept of ['text/calendar', 'text/html,application/xhtml+xml', 'application/json']) {
      const wrong = await t.http().get('/calendar/not-a-real-token.ics').set('Accept', accept).expect(404);
      expect(wrong.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(wrong.text).toMatch(/^There is no calendar at this address/);
      expect(wrong.headers['cache-control']).toBe('no-store');
    }
  });
});
