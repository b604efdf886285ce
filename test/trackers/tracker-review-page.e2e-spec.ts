import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

describe.each(DB_KINDS)("a tracker's review page (%s)", (kind) => {
  let t: TestApp;
  let chair: TestUser;
  let boardId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    chair = await newUser(t, authority.id, ['board_chair']);
    boardId = (await newBoard(t, chair, [])).id;
  });
  afterAll(() => t.close());

  it('says when an undated row will be due, and the plan made from it has that date', async () => {
    const csv = Buffer.from('Ref,Action,Owner,Due date,Status\nX1,Audit supervision files,,Ongoing,Not started\n');
    const review = await t.http().post('/trackers').set(HTML).set(bearer(chair)).attach('file', csv, 'tracker.csv').expect(200);
    const due = /data-label="Due">([^<]*)</.exec(review.text)![1];
    expect(due).toBe('The plan&rsquo;s default: 12 months from its start, unless the plan sets another');

    const made = await t
      .http()
      .post('/api/v1/trackers/import')
      .set(bearer(chair))
      .attach('file', csv, 'tracker.csv')
      .field('boardId', boardId)
      .field('title', 'Tracker plan')
      .field('startDate', '2026-12-04')
      .expect(201);
    const planId = (made.body as { plan: { id: string } }).plan.id;
    const list = await t.http().get(`/api/v1/actions?planId=${planId}`).set(bearer(chair)).expect(200);
    expect((list.body as { items: { dueDate: string }[] }).items.map((a) => a.dueDate)).toEqual(['2027-12-04']);
  });

  it('an empty file is said to be empty, not missing; the rows show the refs their actions are given', async () => {
    const empty = await t.http().post('/trackers').set(HTML).set(bearer(chair)).attach('file', Buffer.alloc(0), 'empty.csv').expect(400);
    expect(empty.text).toContain('The file is empty');
    const none = await t.http().post('/trackers').set(HTML).set(bearer(chair)).field('nothing', '').expect(400);
    expect(none.text).toContain('Select the tracker file');

    const csv = Buffer.from('Ref,Action\n1.1,Audit supervision files\n,Refresh the threshold document\n1.1,Train the front door team\n');
    const review = await t.http().post('/trackers').set(HTML).set(bearer(chair)).attach('file', csv, 'tracker.csv').expect(200);
    expect([...review.text.matchAll(/data-label="Ref">([^<]*)</g)].map((m) => m[1])).toEqual(['1.1', 'A1', 'A2']);
  });
});
