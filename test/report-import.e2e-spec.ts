import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DataSource } from 'typeorm';
import { Finding, SourceDocument } from '@app/database/entities';
import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, SAMPLE_REPORT as REPORT, TestApp, TestUser } from './support';

async function pdfOf(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line.replace(/[^\x20-\x7e]/g, '-'), { x: 40, y: 800 - i * 14, size: 10, font }));
  return Buffer.from(await pdf.save());
}

describe.each(DB_KINDS)('importing a report through the API (%s)', (kind) => {
  let t: TestApp;
  let member: TestUser, chair: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    member = await newUser(t, authority.id, ['board_member']);
    chair = await newUser(t, authority.id, ['board_chair']);
  });
  afterAll(() => t.close());

  const upload = (bytes: Buffer, name = 'report.txt') => t.http().post('/api/v1/documents/import').set(bearer(member)).attach('file', bytes, name);

  it("reads a paper's figures in a dry run though it has no findings, and refuses to store it", async () => {
    const paper = Buffer.from('Ashdown Council\nPerformance report\nThe number of children in care was 412 at the end of March 2015.\n');
    const dry = await t.http().post('/api/v1/documents/import').set(bearer(member)).field('dryRun', 'true').attach('file', paper, 'p.txt').expect(201);
    expect(dry.body).toMatchObject({ findings: [], layout: { lookedFor: expect.any(Array) } });
    expect(dry.body.measures).toContainEqual(expect.objectContaining({ value: 412 }));
    await upload(paper).expect(422);
    expect(await t.get(DataSource).manager.count(SourceDocument)).toBe(0);
  });

  it('reads, reviews and turns a report into a draft plan with due dates from the timescales', async () => {
    const dry = await t
      .http()
      .post('/api/v1/documents/import')
      .set(bearer(member))
      .field('dryRun', 'true')
      .attach('file', Buffer.from(REPORT), 'r.txt')
      .expect(201);
    expect(dry.body.findings).toHaveLength(4);
    expect(await t.get(DataSource).manager.count(SourceDocument)).toBe(0);

    const imported = await upload(Buffer.from(REPORT)).expect(201);
    expect(imported.body).toMatchObject({ kind: 'inspection_report_safeguarding_and_looked_after_children', publishedOn: '2012-10-19', created: true });
    expect(imported.body.findings.map((f: Finding) => [f.timescale, f.text])).toEqual([
      ['immediately', "ensure that every strategy discussion is recorded on the child's file"],
      ['three_months', 'improve the timeliness of initial child protection conferences'],
      ['three_months', 'strengthen management oversight of cases held by newly qualified social workers.'],
      ['six_months', 'review the sufficiency of local foster placements.'],
    ]);
    const again = await upload(Buffer.from(REPORT)).expect(200);
    expect(again.body).toMatchObject({ id: imported.body.id, created: false });

    const docUrl = `/api/v1/documents/${imported.body.id}`;
    const [f1, f2, f3, f4] = imported.body.findings;
    await t
      .http()
      .patch(`${docUrl}/findings/${f4.id}`)
      .set(bearer(member))
      .send({ ownerOrg: 'Westmere Clinical Commissioning Group', timescale: 'three_months' })
      .expect(200);
    const merged = await t
      .http()
      .post(`${docUrl}/findings/merge`)
      .set(bearer(member))
      .send({ findingIds: [f2.id, f3.id] })
      .expect(201);
    expect(merged.body.text).toBe(
      'improve the timeliness of initial child protection conferences strengthen management oversight of cases held by newly qualified social workers.',
    );
    const split = await t
      .http()
      .post(`${docUrl}/findings/${merged.body.id}/split`)
      .set(bearer(member))
      .send({ parts: ['improve the timeliness of conferences', 'strengthen management oversight'] })
      .expect(201);
    expect(split.body).toHaveLength(2);
    await t.http().delete(`${docUrl}/findings/${f1.id}`).set(bearer(member)).expect(204);
    const reviewed = await t.http().get(docUrl).set(bearer(member)).expect(200);
    expect(reviewed.body.findings.map((f: Finding) => [f.timescale, f.text, f.ownerOrg])).toEqual([
      ['three_months', 'improve the timeliness of conferences', null],
      ['three_months', 'strengthen management oversight', null],
      ['three_months', 'review the sufficiency of local foster placements.', 'Westmere Clinical Commissioning Group'],
    ]);

    const board = await newBoard(t, chair, [member]);
    const plan = await t
      .http()
      .post('/api/v1/plans')
      .set(bearer(member))
      .send({ title: 'Westmere plan', boardId: board.id, documentIds: [imported.body.id] })
      .expect(201);
    expect(plan.body).toMatchObject({ startDate: '2012-10-19', actionsAdded: 3, status: 'draft' });
    const actions = await t.http().get(`/api/v1/actions?planId=${plan.body.id}`).set(bearer(member)).expect(200);
    expect(actions.body.items.map((a: { dueDate: string }) => a.dueDate)).toEqual(['2013-01-19', '2013-01-19', '2013-01-19']);
    await t.http().patch(`${docUrl}/findings/${f4.id}`).set(bearer(member)).send({ text: 'changed after planning' }).expect(422);
    await t.http().patch(`${docUrl}/findings/${f4.id}`).set(bearer(member)).send({ section: 'Another section' }).expect(422);

    const timeline = await t.get(DataSource).query(`SELECT "event" FROM "audit_event" WHERE "entityId" = '${imported.body.id}' ORDER BY "seq"`);
    expect(timeline.map((r: { event: string }) => r.event)).toEqual([
      'document_created',
      'finding_updated',
      'findings_merged',
      'finding_split',
      'finding_dropped',
    ]);
  });

  it('reads a PDF', async () => {
    const response = await upload(await pdfOf(REPORT.replace('Westmere', 'Eastmere').split('\n')), 'report.pdf').expect(201);
    expect(response.body.findings).toHaveLength(4);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 400, 'empty'],
    ['a binary that is not a PDF', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 415, 'not_a_document'],
    ['a broken PDF', Buffer.from('%PDF-1.7\n1 0 obj broken'), 422, 'broken_pdf'],
    ['a document with no findings', Buffer.from('Minutes of the parks committee.\nThe committee noted the report.\n'), 422, 'no_findings'],
  ])('refuses %s with a clear message and stores nothing', async (_what, bytes, status, code) => {
    const before = await t.get(DataSource).manager.count(SourceDocument);
    const response = await upload(bytes).expect(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message.length).toBeGreaterThan(10);
    expect(await t.get(DataSource).manager.count(SourceDocument)).toBe(before);
  });
});
