import { Plan, SourceDocument } from '@app/database';
import { DataSource } from 'typeorm';
import { buildPdf } from '../../libs/importer/test-documents/pdf-builder';
import { document as undatedReport } from '../../libs/importer/test-documents/pdf/local-authority-childrens-services-dunmere-2025';
import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

/**
 * A report of the current framework gives inspection dates and no publication date: the plan's
 * start date is asked for (page and API), never guessed. A report whose layout is not recognised
 * says what was looked for and what was found.
 */
describe.each(DB_KINDS)('importing a report with no publication date (%s)', (kind) => {
  let t: TestApp;
  let member: TestUser;
  let boardId: string;
  let documentId: string;
  let pdf: Buffer;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    member = await newUser(t, authority.id, ['board_member']);
    boardId = (await newBoard(t, await newUser(t, authority.id, ['board_chair']), [member])).id;
    pdf = await buildPdf(undatedReport);
  });
  afterAll(() => t.close());

  it('reads the PDF through the API: the inspection dates, no publication date', async () => {
    const read = await t.http().post('/api/v1/documents/import').set(bearer(member)).field('dryRun', 'true').attach('file', pdf, 'report.pdf').expect(201);
    expect(read.body).toMatchObject({
      kind: 'inspection_report_local_authority_childrens_services',
      published: null,
      inspectionDates: { start: '2025-01-20', end: '2025-01-31' },
    });
    expect(read.body.findings).toHaveLength(5);
    const stored = await t.http().post('/api/v1/documents/import').set(bearer(member)).attach('file', pdf, 'report.pdf').expect(201);
    expect(stored.body).toMatchObject({ publishedOn: null, inspectionStart: '2025-01-20', inspectionEnd: '2025-01-31' });
    documentId = stored.body.id;
  });

  it('the API refuses a plan without a start date, saying why', async () => {
    const res = await t
      .http()
      .post('/api/v1/plans')
      .set(bearer(member))
      .send({ title: 'Plan', boardId, documentIds: [documentId] })
      .expect(400);
    expect(res.body.error).toMatchObject({ code: 'start_date_required', message: expect.stringMatching(/start date/) });
    expect(await t.get(DataSource).manager.count(Plan)).toBe(0);
  });

  it('the review page asks for the start date, naming the inspection dates', async () => {
    const page = await t.http().get(`/import/${documentId}`).set(HTML).set(bearer(member)).expect(200);
    expect(page.text).toMatch(/<label class="govuk-label" for="startDate">\s*Start date\s*<\/label>/);
    expect(page.text).toContain('The report gives no publication date. It was inspected from 20 January 2025 to 31 January 2025.');
  });

  it('the page refuses the plan without a start date, at the field, and makes none', async () => {
    const res = await t.http().post(`/import/${documentId}/plan`).set(HTML).set(bearer(member)).type('form').send({ boardId, title: 'Plan' }).expect(400);
    expect(res.text).toMatch(/<a href="#startDate">[^<]*start date[^<]*<\/a>/i);
    expect(await t.get(DataSource).manager.count(Plan)).toBe(0);
  });

  it('makes the plan from the start date given', async () => {
    await t
      .http()
      .post(`/import/${documentId}/plan`)
      .set(HTML)
      .set(bearer(member))
      .type('form')
      .send({ boardId, title: 'Plan', startDate: '2025-04-01' })
      .expect(303);
    const plans = await t.get(DataSource).manager.find(Plan);
    expect(plans.map((plan) => plan.startDate)).toEqual(['2025-04-01']);
  });

  it('a report in no known layout is refused with what was looked for and what was found, storing nothing', async () => {
    const documents = await t.get(DataSource).manager.count(SourceDocument);
    const minutes = await buildPdf({ blocks: [{ title: 'Minutes of the parks committee' }, { heading: 'Matters arising' }, { para: 'None were raised.' }] });
    const res = await t.http().post('/api/v1/documents/import').set(bearer(member)).attach('file', minutes, 'minutes.pdf').expect(422);
    expect(res.body.error).toMatchObject({
      code: 'no_findings',
      message: expect.stringContaining('Its layout was not recognised'),
      details: {
        kind: 'unknown',
        recognisedAs: null,
        found: ['Minutes of the parks committee', 'Matters arising'],
        lookedFor: expect.arrayContaining(['What needs to improve?']),
      },
    });
    const page = await t.http().post('/import').set(HTML).set(bearer(member)).attach('file', minutes, 'minutes.pdf').expect(400);
    expect(page.text).toContain('its headings are &quot;Minutes of the parks committee&quot;, &quot;Matters arising&quot;');
    expect(await t.get(DataSource).manager.count(SourceDocument)).toBe(documents);
  });
});
