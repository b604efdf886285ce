import ExcelJS from 'exceljs';
import { seedDemo } from '../../apps/cli/src/demo/demo-seed';
import { asBytes, createTestApp, DB_KINDS, sessionCookie, TestApp } from '../support';

jest.setTimeout(60_000);

const HEADERS = [
  'Ref',
  'Action',
  'Status',
  'RAG',
  'RAG override reason',
  'Owner',
  'Accountable manager',
  'Partner organisation',
  'Due date',
  'Overdue',
  'Latest progress note',
  'Last updated',
];
const RISKY = /^[=+\-@\t\r]/;

describe.each(DB_KINDS)('the plan export to Excel (%s)', (kind) => {
  let t: TestApp;
  let planId: string;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    planId = (await seedDemo(t.app)).planId;
    cookie = await sessionCookie(t, 'chair@demo.example', 'demo-password');
  });
  afterAll(() => t?.close());

  const api = () => ({ Cookie: cookie, 'X-Requested-With': 'test' });

  async function exported(): Promise<{ header: string[]; rows: ExcelJS.CellValue[][] }> {
    const res = await t.http().get(`/plans/${planId}/export`).set('Cookie', cookie).buffer(true).parse(asBytes).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const values = book
      .getWorksheet('Actions')!
      .getSheetValues()
      .slice(1)
      .map((row) => (row as ExcelJS.CellValue[]).slice(1));
    return { header: values[0] as string[], rows: values.slice(1) };
  }

  it('holds the full action text, the accountable manager, the latest progress note and when it was last updated', async () => {
    const { items } = (await t.http().get(`/api/v1/actions?planId=${planId}&pageSize=100`).set(api()).expect(200)).body;
    const shortened = items.filter((a: { title: string }) => a.title.endsWith('…'));
    expect(shortened.length).toBeGreaterThan(0);
    const target = shortened[0];
    await t.http().post(`/api/v1/actions/${target.id}/notes`).set(api()).send({ body: 'First audit booked.' }).expect(201);
    t.clock.set('2026-11-23T09:20:00Z');
    await t.http().post(`/api/v1/actions/${target.id}/notes`).set(api()).send({ body: 'Audit done; 3 of 40 files short.' }).expect(201);

    const { header, rows } = await exported();
    expect(header).toEqual(HEADERS);
    expect(rows.length).toBe(items.length);
    const col = (name: string) => HEADERS.indexOf(name);
    expect(rows.filter((r) => String(r[col('Action')]).endsWith('…'))).toEqual([]);
    const row = rows.find((r) => r[0] === target.ref)!;
    const description = target.description.replace(/\s+/g, ' ').trim();
    expect(row[col('Action')]).toBe(description.charAt(0).toUpperCase() + description.slice(1));
    expect(String(row[col('Action')]).startsWith(target.title.slice(0, -1))).toBe(true);
    expect(row[col('Latest progress note')]).toBe('Audit done; 3 of 40 files short.');
    expect(rows.some((r) => r[col('Accountable manager')] === 'Jo Williams (head of safeguarding)')).toBe(true);
    // 09:20 UTC in November is 09:20 in London; the cell holds the London wall-clock time.
    expect((row[col('Last updated')] as Date).toISOString()).toBe('2026-11-23T09:20:00.000Z');
    expect(rows.every((r) => r[col('Last updated')] instanceof Date && r[col('Due date')] instanceof Date)).toBe(true);
  });

  it('writes text a spreadsheet could run as a formula with a leading apostrophe, in every text cell', async () => {
    const risky = ['=HYPERLINK("http://example.invalid","Open")', '+44 20 7946 0000', '-1 day late', '@SUM(A1:A9)'];
    const made: { id: string; ref: string }[] = [];
    for (const title of risky) {
      made.push((await t.http().post(`/api/v1/plans/${planId}/actions`).set(api()).send({ title, description: 'by hand' }).expect(201)).body);
    }
    await t.http().post(`/api/v1/actions/${made[0].id}/notes`).set(api()).send({ body: '=1+1' }).expect(201);

    const { rows } = await exported();
    const cells = rows.flat().filter((v): v is string => typeof v === 'string');
    expect(cells.filter((v) => RISKY.test(v))).toEqual([]);
    for (const [i, title] of risky.entries()) {
      expect(rows.find((r) => r[0] === made[i].ref)![1]).toBe(`'${title}`);
    }
    expect(rows.find((r) => r[0] === made[0].ref)![HEADERS.indexOf('Latest progress note')]).toBe("'=1+1");
  });

  it("puts an overridden RAG rating's reason beside the rating, and nothing beside a rating the rules give", async () => {
    const { items } = (await t.http().get(`/api/v1/actions?planId=${planId}&pageSize=100`).set(api()).expect(200)).body;
    const target = items.find((a: { rag: { override: string | null } }) => !a.rag.override);
    await t
      .http()
      .patch(`/api/v1/actions/${target.id}`)
      .set(api())
      .send({ version: target.version, ragOverride: 'amber', ragOverrideReason: 'Key worker on long-term leave' })
      .expect(200);

    const { header, rows } = await exported();
    const rag = header.indexOf('RAG');
    expect(header[rag + 1]).toBe('RAG override reason');
    expect(rows.find((r) => r[0] === target.ref)!.slice(rag, rag + 2)).toEqual(['Amber', 'Key worker on long-term leave']);
    const after = (await t.http().get(`/api/v1/actions?planId=${planId}&pageSize=100`).set(api()).expect(200)).body.items;
    for (const a of after as { ref: string; rag: { override: string | null; overrideReason: string | null } }[])
      expect(rows.find((r) => r[0] === a.ref)![rag + 1]).toBe(a.rag.override ? (a.rag.overrideReason ?? '') : '');
  });
});
