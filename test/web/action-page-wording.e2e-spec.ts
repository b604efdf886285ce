import { seedDemo } from '../../apps/cli/src/demo/demo-seed';
import { createTestApp, DB_KINDS, sessionCookie, TestApp } from '../support';

jest.setTimeout(60_000);

const HTML = { Accept: 'text/html,application/xhtml+xml' };
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe.each(DB_KINDS)('the action page and import messages in plain words (%s)', (kind) => {
  let t: TestApp;
  let planId: string;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    planId = (await seedDemo(t.app)).planId;
    cookie = await sessionCookie(t, 'member@demo.example', 'demo-password');
  });
  afterAll(() => t?.close());

  it('heads the page with the action\'s full text, does not repeat the finding as its description, and says "line 316"', async () => {
    const { items } = (await t.http().get(`/api/v1/actions?planId=${planId}&pageSize=100`).set('Cookie', cookie).expect(200)).body;
    const cut = items.find((a: { title: string }) => a.title.endsWith('…'));
    const action = (await t.http().get(`/api/v1/actions/${cut.id}`).set('Cookie', cookie).expect(200)).body;
    const page = await t.http().get(`/actions/${cut.id}`).set(HTML).set('Cookie', cookie).expect(200);

    const heading = text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(page.text)![1]).trim();
    const finding = action.findings[0].text.replace(/\s+/g, ' ').trim();
    expect(heading).toBe(`${cut.ref}: ${finding.charAt(0).toUpperCase()}${finding.slice(1)}`);
    expect(heading).not.toContain('…');
    expect(page.text).not.toContain('>Description<');
    expect(text(page.text)).not.toMatch(/lines (\d+)–\1\b/);
    const { lineStart, lineEnd } = action.findings[0];
    expect(text(page.text)).toContain(lineStart === lineEnd ? `· line ${lineStart}` : `· lines ${lineStart}–${lineEnd}`);
  });

  it('keeps a description that says more than the title', async () => {
    const made = await t
      .http()
      .post(`/api/v1/plans/${planId}/actions`)
      .set('Cookie', cookie)
      .set('X-Requested-With', 'test')
      .send({ title: 'Audit supervision', description: 'Audit supervision files in every team, and report to the board.' })
      .expect(201);
    const page = await t.http().get(`/actions/${made.body.id}`).set(HTML).set('Cookie', cookie).expect(200);
    expect(text(page.text)).toContain('Description Audit supervision files in every team, and report to the board.');
  });

  it('names a wrong file type with the right article: "an EXE file"', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'), Buffer.alloc(200)]);
    const res = await t
      .http()
      .post('/api/v1/documents/import')
      .set('Cookie', cookie)
      .set('X-Requested-With', 'test')
      .field('dryRun', 'true')
      .attach('file', exe, 'report.pdf');
    expect(res.body.error.message).toMatch(/^It looks like an EXE file\./);
  });
});
