import { randomUUID } from 'node:crypto';
import { buildPdf } from '../../libs/importer/test-documents/pdf-builder';
import { document as undatedReport } from '../../libs/importer/test-documents/pdf/local-authority-childrens-services-dunmere-2025';
import { improvementBoardWorkbook } from '../trackers/council-trackers';
import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

/**
 * A long import started from a page shows how far it has gone: the page names the import with an
 * id it sends in the form, and asks GET /api/v1/imports/{id}/progress while the upload runs.
 */
describe.each(DB_KINDS)('the progress of an import started from a page (%s)', (kind) => {
  let t: TestApp;
  let member: TestUser, colleague: TestUser, stranger: TestUser;
  let boardId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    member = await newUser(t, authority.id, ['board_member']);
    colleague = await newUser(t, authority.id, ['board_member']);
    stranger = await newUser(t, (await newAuthority(t)).id, ['board_member']);
    boardId = (await newBoard(t, await newUser(t, authority.id, ['board_chair']), [member])).id;
  });
  afterAll(() => t.close());

  const progress = (user: TestUser, id: string) => t.http().get(`/api/v1/imports/${id}/progress`).set(bearer(user));

  it('the upload form names its import, and the pages of the PDF read are told to the person who uploaded it', async () => {
    const form = await t.http().get('/import').set(HTML).set(bearer(member)).expect(200);
    const id = /name="progressId" value="([0-9a-f-]{36})"/.exec(form.text)?.[1];
    expect(id).toBeDefined();
    expect(form.text).toContain(`data-import-progress="${id}"`);
    const pdf = await buildPdf(undatedReport);
    await t.http().post('/import').set(HTML).set(bearer(member)).field('progressId', id!).attach('file', pdf, 'report.pdf').expect(303);
    const told = (await progress(member, id!).expect(200)).body;
    expect(told).toMatchObject({ id, stage: 'done', unit: 'pages' });
    expect(told.total).toBeGreaterThan(1);
    expect(told.done).toBe(told.total);
    await progress(colleague, id!).expect(404);
    await progress(stranger, id!).expect(404);
    await progress(member, randomUUID()).expect(404);
    await progress(member, 'not-an-id').expect(400);
    await t.http().get(`/api/v1/imports/${id}/progress`).expect(401);
  });

  it('a tracker brought in from its review page tells the rows stored, and a failed import says so', async () => {
    const review = await t
      .http()
      .post('/trackers')
      .set(HTML)
      .set(bearer(member))
      .attach('file', await improvementBoardWorkbook(), 'tracker.xlsx')
      .expect(200);
    const id = /name="progressId" value="([0-9a-f-]{36})"/.exec(review.text)![1];
    expect(review.text).toContain(`data-import-progress="${id}"`);
    // The columns as the review page chose them.
    const columns = [...review.text.matchAll(/<select[^>]*name="(column-[a-z]+)"[^>]*>([\s\S]*?)<\/select>/g)].map((m): [string, string] => [
      m[1],
      /<option value="([^"]*)" selected/.exec(m[2])?.[1] ?? '',
    ]);
    const content = /name="content" value="([^"]+)"/.exec(review.text)![1];
    const fields: Record<string, string> = {
      ...Object.fromEntries(columns),
      content,
      fileName: 'tracker.xlsx',
      into: 'new',
      title: 'Tracker plan',
      boardId,
      progressId: id,
    };
    const req = t.http().post('/trackers/import').set(HTML).set(bearer(member));
    for (const [name, value] of Object.entries(fields)) void req.field(name, value);
    await req.expect(303);
    expect((await progress(member, id).expect(200)).body).toEqual({ id, stage: 'done', done: 5, total: 5, unit: 'rows' });

    const failed = randomUUID();
    const bad = t.http().post('/trackers/import').set(HTML).set(bearer(member));
    for (const [name, value] of Object.entries({ ...fields, boardId: randomUUID(), progressId: failed })) void bad.field(name, value);
    await bad.expect(404);
    expect((await progress(member, failed).expect(200)).body).toMatchObject({ stage: 'failed' });
  });
});
