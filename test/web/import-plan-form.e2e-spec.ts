import { Finding, Plan } from '@app/database';
import { DataSource } from 'typeorm';
import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, SAMPLE_REPORT, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

describe.each(DB_KINDS)("the import page's plan form keeps the API's rules (%s)", (kind) => {
  let t: TestApp;
  let member: TestUser;
  let boardId: string;
  let documentId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    member = await newUser(t, authority.id, ['board_member']);
    boardId = (await newBoard(t, await newUser(t, authority.id, ['board_chair']), [member])).id;
    const imported = await t.http().post('/api/v1/documents/import').set(bearer(member)).attach('file', Buffer.from(SAMPLE_REPORT), 'r.txt').expect(201);
    documentId = imported.body.id;
  });
  afterAll(() => t.close());

  const createPlan = (title: string) =>
    t.http().post(`/import/${documentId}/plan`).set(HTML).set(bearer(member)).type('form').send({ boardId, title, startDate: '2026-04-01' });
  const editFinding = (findingId: string, form: Record<string, string>) =>
    t.http().post(`/import/${documentId}/findings/${findingId}`).set(HTML).set(bearer(member)).type('form').send(form);

  it('refuses a plan title longer than the API allows, saying so, and makes no plan', async () => {
    const res = await createPlan('t'.repeat(301)).expect(400);
    expect(res.text).toContain('<a href="#plan-title">The title must be 300 characters or fewer</a>');
    expect(await t.get(DataSource).manager.count(Plan)).toBe(0);
  });

  it("refuses a finding's section longer than the API allows, saying so, and keeps the finding", async () => {
    const finding = (await t.get(DataSource).manager.findOneBy(Finding, { documentId }))!;
    const res = await editFinding(finding.id, { text: 'Changed text', section: 's'.repeat(301), timescale: 'immediately' }).expect(400);
    expect(res.text).toContain('<a href="#section">The section must be at most 300 characters</a>');
    expect((await t.get(DataSource).manager.findOneBy(Finding, { id: finding.id }))!.text).toBe(finding.text);
  });

  it('asks for every field of a finding the page edits, and keeps the finding', async () => {
    const finding = (await t.get(DataSource).manager.findOneBy(Finding, { documentId }))!;
    const res = await editFinding(finding.id, { text: '', section: '', timescale: '' }).expect(400);
    expect(res.text).toContain('<a href="#text">Enter the text of the finding</a>');
    expect(res.text).toContain('<a href="#timescale">Choose the timescale the report gives</a>');
    expect((await t.get(DataSource).manager.findOneBy(Finding, { id: finding.id }))!.text).toBe(finding.text);
  });

  it('makes the plan from a form that keeps the rules', async () => {
    await createPlan('Improvement plan').expect(303);
    expect(await t.get(DataSource).manager.count(Plan)).toBe(1);
  });
});
