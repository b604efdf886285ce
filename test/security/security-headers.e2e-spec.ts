import { bearer, createTestApp, newAuthority, newUser, TestApp, TestUser } from '../support';

/** What helmet sends with its defaults, and our referrer policy (same-origin, so an error page can link back). */
const SECURITY_HEADERS = {
  'content-security-policy': expect.stringContaining("default-src 'self'"),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

describe('security headers on every kind of answer', () => {
  let t: TestApp;
  let member: TestUser;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    member = await newUser(t, (await newAuthority(t)).id, ['viewer']);
  });
  afterAll(() => t.close());

  it.each([
    ['a JSON read', () => t.http().get('/api/v1/me/actions').set(bearer(member)), 200],
    ['a refused request', () => t.http().get('/api/v1/me/actions'), 401],
    ['an invalid query', () => t.http().get('/api/v1/me/actions?page=0').set(bearer(member)), 400],
    ['an unknown address', () => t.http().get('/api/v1/nowhere').set(bearer(member)), 404],
    ['a public route', () => t.http().get('/health'), 200],
  ])('%s', async (_, send, status) => {
    const answer = await send().expect(status);
    expect(answer.headers).toMatchObject(SECURITY_HEADERS);
    expect(answer.headers).not.toHaveProperty('x-powered-by');
  });

  it('a page keeps its own policy, with its nonce, beside the rest', async () => {
    const page = await t.http().get('/sign-in').expect(200);
    expect(page.headers).toMatchObject({ ...SECURITY_HEADERS, 'content-security-policy': expect.stringMatching(/'nonce-[^']+'/) });
  });
});
