import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppConfig } from '@app/config';
import { freePort } from '@app/testing/worker-process';
import { buildPdf } from '../../libs/importer/test-documents/pdf-builder';
import { document as undatedReport } from '../../libs/importer/test-documents/pdf/local-authority-childrens-services-dunmere-2025';
import { improvementBoardWorkbook } from '../trackers/council-trackers';
import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, startApiApp, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

/** A second API process as a load balancer would put beside the first: the same configuration, database and Redis. */
function anotherApiProcess(config: AppConfig): Promise<INestApplication> {
  return startApiApp(config);
}

/** The id the import page's form names its import with. */
async function formProgressId(t: TestApp, user: TestUser): Promise<string> {
  const form = await t.http().get('/import').set(HTML).set(bearer(user)).expect(200);
  const id = /name="progressId" value="([0-9a-f-]{36})"/.exec(form.text)?.[1];
  expect(id).toBeDefined();
  return id!;
}

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

  /** The fields the tracker's review page posts to bring it in, as the page chose its columns. */
  async function reviewedTracker(bytes: Buffer, fileName: string) {
    const review = await t.http().post('/trackers').set(HTML).set(bearer(member)).attach('file', bytes, fileName).expect(200);
    const id = /name="progressId" value="([0-9a-f-]{36})"/.exec(review.text)![1];
    expect(review.text).toContain(`data-import-progress="${id}"`);
    const columns = [...review.text.matchAll(/<select[^>]*name="(column-[a-z]+)"[^>]*>([\s\S]*?)<\/select>/g)].map((m): [string, string] => [
      m[1],
      /<option value="([^"]*)" selected/.exec(m[2])?.[1] ?? '',
    ]);
    const content = /name="content" value="([^"]+)"/.exec(review.text)![1];
    const fields: Record<string, string> = { ...Object.fromEntries(columns), content, fileName, into: 'new', title: 'Tracker plan', boardId, progressId: id };
    return { id, fields };
  }

  const bringIn = (fields: Record<string, string>) => {
    const req = t.http().post('/trackers/import').set(HTML).set(bearer(member));
    for (const [name, value] of Object.entries(fields)) void req.field(name, value);
    return req;
  };

  it('a tracker brought in from its review page tells the rows stored, and a failed import says so', async () => {
    const { id, fields } = await reviewedTracker(await improvementBoardWorkbook(), 'tracker.xlsx');
    await bringIn(fields).expect(303);
    expect((await progress(member, id).expect(200)).body).toEqual({ id, stage: 'done', done: 5, total: 5, unit: 'rows' });

    const failed = randomUUID();
    await bringIn({ ...fields, boardId: randomUUID(), progressId: failed }).expect(404);
    expect((await progress(member, failed).expect(200)).body).toMatchObject({ stage: 'failed' });
  });

  it('while a long tracker is stored, the rows stored so far are told, and its actions are seen all at once or not at all', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `${i + 1},Record supervision for team ${i + 1} every month,,31/03/2027,On track,Audit done`);
    const csv = Buffer.from(['Ref,Action to be taken,Lead officer,Target date,Status,Progress update', ...rows].join('\n'));
    const { id, fields } = await reviewedTracker(csv, 'long-tracker.csv');
    const actionsSeen = async () => (await t.http().get('/api/v1/actions?pageSize=1').set(bearer(member)).expect(200)).body.total as number;
    const before = await actionsSeen();

    let finished = false;
    const imported = bringIn(fields)
      .expect(303)
      .then((res) => ((finished = true), res));
    const midway: { done: number; total: number | null; actions: number }[] = [];
    while (!finished) {
      const told = (await progress(member, id)).body as { stage?: string; done: number; total: number | null };
      if (told.stage === 'storing' && !finished) {
        midway.push({ done: told.done, total: told.total, actions: (await actionsSeen()) - before });
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await imported;
    expect(midway.length).toBeGreaterThan(0);
    for (const seen of midway) {
      expect(seen.total).toBe(4000);
      expect(seen.done).toBeGreaterThan(0);
      expect(seen.done).toBeLessThan(4000);
      // The import's own transaction: others see none of it until it commits (a moment before the page hears "done").
      expect([0, 4000]).toContain(seen.actions);
    }
    expect((await progress(member, id).expect(200)).body).toEqual({ id, stage: 'done', done: 4000, total: 4000, unit: 'rows' });
  });

  it('is told by another API process than the one running the import, and only to the person who started it', async () => {
    const other = await anotherApiProcess(t.config);
    try {
      const ask = (user: TestUser, id: string) => request(other.getHttpServer()).get(`/api/v1/imports/${id}/progress`).set(bearer(user));
      const id = await formProgressId(t, member);
      const upload = t
        .http()
        .post('/import')
        .set(HTML)
        .set(bearer(member))
        .field('progressId', id)
        .attach('file', await buildPdf(undatedReport), 'report.pdf');
      // Asked through the other process while the upload runs; unknown until the first process has started it.
      const seen: string[] = [];
      let running = true;
      const polling = (async () => {
        while (running) {
          const answer = await ask(member, id);
          seen.push(answer.status === 200 ? answer.body.stage : String(answer.status));
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      await upload.expect(303);
      running = false;
      await polling;
      expect(seen.every((s) => ['404', 'reading', 'done'].includes(s))).toBe(true);
      const told = (await ask(member, id).expect(200)).body;
      expect(told).toMatchObject({ id, stage: 'done', unit: 'pages' });
      expect(told.done).toBe(told.total);
      await ask(colleague, id).expect(404);
      await ask(stranger, id).expect(404);
    } finally {
      await other.close();
    }
  });
});

/** Progress is kept in Redis; without Redis the import goes on as before and the page is told its progress is unknown. */
describe.each(DB_KINDS)('an import started from a page while Redis does not answer (%s)', (kind) => {
  let t: TestApp;
  let member: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind, { REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    member = await newUser(t, (await newAuthority(t)).id, ['board_member']);
  });
  afterAll(() => t.close());

  it('still reads the report, and the page is told that its progress is unknown', async () => {
    const id = await formProgressId(t, member);
    const started = Date.now();
    const done = await t
      .http()
      .post('/import')
      .set(HTML)
      .set(bearer(member))
      .field('progressId', id)
      .attach('file', await buildPdf(undatedReport), 'report.pdf')
      .expect(303);
    expect(Date.now() - started).toBeLessThan(10_000);
    const documentId = /^\/import\/([0-9a-f-]{36})\?saved=imported$/.exec(done.headers.location)?.[1];
    expect(documentId).toBeDefined();
    await t.http().get(`/api/v1/documents/${documentId}`).set(bearer(member)).expect(200);
    expect((await t.http().get(`/api/v1/imports/${id}/progress`).set(bearer(member)).expect(200)).body).toEqual({
      id,
      stage: 'unknown',
      done: null,
      total: null,
      unit: null,
    });
  });
});
