import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bearer, createTestApp, DB_KINDS, newAuthority, newUser, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };
/** A council performance paper of our own (libs/importer/test-documents/figures). */
const paper = readFileSync(resolve(__dirname, '../../libs/importer/test-documents/figures/performance-paper-ashcombe-2015.txt'));

describe.each(DB_KINDS)('importing figures from a paper in the browser (%s)', (kind) => {
  let t: TestApp;
  let member: TestUser, viewer: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    member = await newUser(t, authority.id, ['board_member']);
    viewer = await newUser(t, authority.id, ['viewer']);
  });
  afterAll(() => t.close());

  const post = (path: string, fields: [string, string][]) => {
    const req = t.http().post(path).set(HTML).set(bearer(member));
    for (const [name, value] of fields) void req.field(name, value);
    return req;
  };

  it('lists the figures with checkboxes, asks which is better where the paper does not say, and imports the ticked ones', async () => {
    await t.http().get('/measures/import-figures').set(HTML).set(bearer(member)).expect(200);
    await t.http().get('/measures/import-figures').set(HTML).set(bearer(viewer)).expect(403);
    const list = await t.http().post('/measures/import-figures').set(HTML).set(bearer(member)).attach('file', paper, 'ashcombe.txt').expect(200);
    const box = (name: string) =>
      new RegExp(`id="figure-(\\d+)" name="figure" type="checkbox" value="\\d+"( checked)?>\\s*<label[^>]*><span class="govuk-visually-hidden">Import ${name}`);
    const care = box('Children in care').exec(list.text);
    const rereferrals = box('Re-referrals within 12 months, 2014/15 Q4').exec(list.text);
    // A figure the paper gives no direction for is offered unticked, with the choice; one it does, ticked.
    expect(care?.[2]).toBeUndefined();
    expect(list.text).toContain(`name="polarity-${care![1]}"`);
    expect(rereferrals?.[2]).toBe(' checked');
    expect(list.text).toMatch(/Children in need per 10,000[\s\S]*?The measures hold percentages, counts and days/);
    // A target is shown in its unit, as the value is ("20%", not "20").
    expect(/Import Re-referrals within 12 months, 2014\/15 Q4[\s\S]*?data-label="Target or band">([^<]*)</.exec(list.text)?.[1]).toBe('20%');
    const content = /name="content" value="([^"]+)"/.exec(list.text)![1];

    const none = await post('/measures/import-figures/import', [['content', content]]).expect(400);
    expect(none.text).toContain('Tick at least one figure to import');
    const noDirection = await post('/measures/import-figures/import', [
      ['content', content],
      ['figure', care![1]],
    ]).expect(400);
    expect(noDirection.text).toMatch(/Nothing was imported: figure \d+ \(Children in care\): the paper does not say whether higher or lower is better/);

    const done = await post('/measures/import-figures/import', [
      ['content', content],
      ['figure', care![1]],
      [`polarity-${care![1]}`, 'lower'],
      ['figure', rereferrals![1]],
    ]).expect(303);
    // Redirected after the POST to a result page, so that refreshing it sends nothing again.
    expect(done.headers.location).toBe('/measures/import-figures/done?created=2&stored=2');
    const result = await t.http().get(done.headers.location).set(HTML).set(bearer(member)).expect(200);
    expect(result.text).toContain('2 new measures, 2 values stored');
    await t.http().get('/measures/import-figures/done?created=x').set(HTML).set(bearer(member)).expect(303);
    const measures = (await t.http().get('/api/v1/measures').set(bearer(member)).expect(200)).body as { name: string; polarity: string }[];
    expect(measures.map((m) => [m.name, m.polarity]).sort()).toEqual([
      ['Children in care', 'lower'],
      ['Re-referrals within 12 months', 'lower'],
    ]);
  });

  it("shows why a figure cannot be imported as a sentence, keeping the period's case, with one full stop", async () => {
    const ownPaper = Buffer.from(
      [
        'Wexcombe Borough Council',
        "Children's Services Scrutiny Panel, 12 March 2015",
        'Performance',
        "Re-referrals have fallen: currently 21.5% of referrals were re-referrals within 12 months. The target is to keep this below 22%, and last year's figure was 24%.",
      ].join('\n'),
    );
    const list = await t.http().post('/measures/import-figures').set(HTML).set(bearer(member)).attach('file', ownPaper, 'wexcombe.txt').expect(200);
    const problems = [...list.text.matchAll(/<p class="govuk-body-s">([^<]*)<\/p>/g)].map((m) => m[1]);
    const period = problems.find((p) => p.includes('is not a period'));
    expect(period).toMatch(/^&quot;last year&quot; is not a period: write a quarter such as 2026\/27 Q3, or a month such as 2026-11\.$/);
  });
});
