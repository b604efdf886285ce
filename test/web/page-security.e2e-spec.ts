import { createTestApp, newAuthority, newUser, sessionCookie, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

describe('web pages: sign-in redirects, form tokens and security headers', () => {
  let t: TestApp;
  let user: TestUser;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    user = await newUser(t, (await newAuthority(t)).id, ['board_member']);
    cookie = await sessionCookie(t, user.email);
  });
  afterAll(() => t.close());

  it('sends a signed-out browser to sign-in, and an API client a JSON 401', async () => {
    const page = await t.http().get('/plans?x=1').set(HTML).expect(303);
    expect(page.headers.location).toBe('/sign-in?next=%2Fplans%3Fx%3D1');
    const json = await t.http().get('/plans').expect(401);
    expect(json.body.error.code).toBe('unauthenticated');
  });

  it('refuses a form post without the form token, and accepts it with the token from the page', async () => {
    const refused = await t.http().post('/sign-out').set(HTML).set('Cookie', cookie).type('form').send({}).expect(403);
    expect(refused.text).toContain('The form was out of date or did not come from this service');
    const page = await t.http().get('/plans').set(HTML).set('Cookie', cookie).expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    await t.http().post('/sign-out').set(HTML).set('Cookie', cookie).type('form').send({ _csrf: token }).expect(303);
  });

  it('serves pages with a nonce-based Content-Security-Policy and the GOV.UK assets without sign-in', async () => {
    const page = await t.http().get('/sign-in').set(HTML).expect(200);
    const csp = String(page.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(page.text).toContain(`<script nonce="${nonce}">`);
    expect(csp).toContain("frame-ancestors 'none'");
    await t.http().get('/assets/govuk-frontend.min.css').expect(200).expect('Content-Type', /css/);
    await t
      .http()
      .get('/assets/govuk-frontend.min.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    await t.http().get('/assets/fonts/bold-b542beb274-v2.woff2').expect(200);
    await t.http().get('/assets/init.mjs').expect(200);
  });
});
