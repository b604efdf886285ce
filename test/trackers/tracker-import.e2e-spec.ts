import { DataSource } from 'typeorm';
import { Action, Plan } from '@app/database/entities';
import { UserService } from '@app/core';
import { TrackerImportService } from '@app/core/imports/tracker-import.service';
import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from '../support';
import { improvementBoardWorkbook, windowsCsv } from './council-trackers';

const ENCRYPTED = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);

describe.each(DB_KINDS)('bringing in a council’s tracker through the API (%s)', (kind) => {
  let t: TestApp;
  let member: TestUser, viewer: TestUser, stranger: TestUser;
  let priya: { id: string }, sam: { id: string };
  let workbook: Buffer;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    member = await newUser(t, authority.id, ['board_member']);
    viewer = await newUser(t, authority.id, ['viewer']);
    const chair = await newUser(t, authority.id, ['board_chair']);
    await newBoard(t, chair, [member]);
    const people = t.get(UserService);
    const person = (displayName: string, email: string) =>
      people.create(authority.id, { email, displayName, password: 'a long test password', roles: ['manager'], managerId: null });
    priya = await person('Priya Shah', 'priya.shah@riverside.example');
    sam = await person('Sam Okafor', 'sam.okafor@riverside.example');
    const other = await newAuthority(t);
    stranger = await newUser(t, other.id, ['board_chair']);
    await newBoard(t, stranger);
    workbook = await improvementBoardWorkbook();
  });
  afterAll(() => t.close());

  const count = async () => [await t.get(DataSource).manager.count(Plan), await t.get(DataSource).manager.count(Action)];
  const post = (path: string, user: TestUser, bytes: Buffer, name = 'tracker.xlsx') =>
    t.http().post(`/api/v1/trackers/${path}`).set(bearer(user)).attach('file', bytes, name);

  it('previews the columns, rows, matched owners and problems, storing nothing', async () => {
    const res = await post('preview', member, workbook).expect(201);
    expect(res.body.columns.action).toEqual({ column: 'C', header: 'Action to be taken' });
    expect(res.body.rows.map((r: { ref: string; ownerId: string | null }) => [r.ref, r.ownerId])).toEqual([
      ['1.1', priya.id],
      ['1.2', null],
      ['2.1', null],
      ['2.2', sam.id],
      ['2.3', sam.id],
    ]);
    expect(res.body.problems.map((p: { line: number; message: string }) => [p.line, p.message])).toEqual([
      [7, expect.stringContaining('no one in this council has the email head.of.performance@riverside.example')],
      [9, expect.stringContaining('"31/02/2015" is not a date')],
      [9, expect.stringContaining('"Head of Service" is a job title, not a person; the action is left unassigned')],
      [10, expect.stringContaining('is a formula (=DATE(2015,6,30))')],
    ]);
    expect(res.body).toMatchObject({ sheet: 'Action plan', headerLine: 4 });
    expect(await count()).toEqual([0, 0]);
  });

  it('brings it in as a draft plan: every row, date, status and RAG as the tracker has them, updates as first progress notes', async () => {
    const res = await post('import', member, workbook).expect(201);
    expect(res.body).toMatchObject({
      plan: { title: expect.stringContaining('Children’s Services Improvement Plan 2014-15'), status: 'draft' },
      actions: 5,
      unassigned: 2,
    });
    const list = await t.http().get(`/api/v1/actions?planId=${res.body.plan.id}&pageSize=50`).set(bearer(member)).expect(200);
    const actions = [...list.body.items].sort((a: { ref: string }, b: { ref: string }) => a.ref.localeCompare(b.ref, 'en', { numeric: true }));
    expect(
      actions.map((a: Record<string, unknown>) => [a.title, a.dueDate, a.status, a.atRisk, (a.rag as { effective: string }).effective, a.ownerId]),
    ).toEqual([
      ['Produce a monthly performance scorecard for the board', '2015-03-31', 'in_progress', false, 'green', priya.id],
      ['Agree the scorecard’s targets with commissioners', '2015-03-31', 'in_progress', true, 'amber', null],
      ['Audit re-referrals each quarter', expect.any(String), 'not_started', false, 'red', null],
      ['Train the front door team on thresholds', '2015-06-30', 'completed', false, 'blue', sam.id],
      ['Reduce re-referrals', '2015-09-30', 'in_progress', false, 'green', sam.id],
    ]);
    expect(actions[0].rag.overrideReason).toBe('Rated green in the tracker tracker.xlsx (line 6)');
    const first = await t.http().get(`/api/v1/actions/${actions[0].id}`).set(bearer(member)).expect(200);
    expect(first.body.notes.map((n: { body: string; authorId: string }) => [n.body, n.authorId])).toEqual([
      ['Scorecard drafted and shared with the chair', member.id],
    ]);
    expect(first.body.description).toContain('Section: Theme 1: Leadership and governance');
    const done = await t.http().get(`/api/v1/actions/${actions[3].id}`).set(bearer(member)).expect(200);
    expect(done.body.evidence).toEqual([expect.objectContaining({ kind: 'note', title: 'Recorded as "Complete" in the tracker tracker.xlsx' })]);
    const timeline = await t.http().get(`/api/v1/actions/${actions[0].id}/timeline`).set(bearer(member)).expect(200);
    expect(timeline.body.map((e: { event: string }) => e.event)).toEqual(expect.arrayContaining(['action_created', 'progress_note_added']));
  });

  it('tells a long import’s progress after each row it stores', async () => {
    const told: [number, number][] = [];
    const actor = { userId: member.id, authorityId: member.authorityId, roles: member.roles };
    await t.get(TrackerImportService).import(actor, workbook, { onProgress: (stored, total) => told.push([stored, total]) });
    expect(told).toEqual([1, 2, 3, 4, 5].map((n) => [n, 5]));
  });

  it('stores a long tracker all or nothing: a failure part of the way through stores none of it', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `T${i + 1},Action number ${i + 1} of the long tracker,31/03/2027`);
    const csv = Buffer.from(['Ref,Action to be taken,Target date', ...rows].join('\r\n') + '\r\n');
    const actor = { userId: member.id, authorityId: member.authorityId, roles: member.roles };
    const before = await count();
    const failing = t.get(TrackerImportService).import(actor, csv, {
      onProgress: (n) => {
        if (n === 60) throw new Error('stopped at row 60');
      },
    });
    await expect(failing).rejects.toThrow('stopped at row 60');
    expect(await count()).toEqual(before);
  });

  it('adds a CSV in Windows-1252 to an existing plan, with the mapping the person chose', async () => {
    const plan = (await post('import', member, workbook).expect(201)).body.plan;
    const res = await post('import', member, windowsCsv(), 'tracker.csv')
      .field('planId', plan.id)
      .field('mapping', JSON.stringify({ ref: 'B', action: 'A', owner: 'D', dueDate: 'E', rag: 'F', update: 'G', status: 'H' }))
      .expect(201);
    expect(res.body).toMatchObject({ plan: { id: plan.id }, actions: 3 });
    const list = await t.http().get(`/api/v1/actions?planId=${plan.id}&pageSize=50`).set(bearer(member)).expect(200);
    expect(list.body.total).toBe(8);
    expect(list.body.items.map((a: { title: string }) => a.title)).toContain('Improve the quality of plans');
  });

  it('keeps the tracker’s own refs; a ref repeated, missing or already in the plan gets the next A number after any the plan or tracker holds, told at preview', async () => {
    const first = await post('import', member, workbook).expect(201);
    const refsOf = async (planId: string) =>
      (await t.http().get(`/api/v1/actions?planId=${planId}&pageSize=50&sort=ref`).set(bearer(member)).expect(200)).body.items.map(
        (a: { ref: string; title: string }) => [a.ref, a.title],
      );
    expect((await refsOf(first.body.plan.id)).map(([ref]: string[]) => ref).sort()).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3']);
    const csv = Buffer.from(
      ['Ref,Action,Owner', '2.3,Clashes with the plan,', 'X9,Keeps its own ref,', 'X9,Repeats a ref,', ',Has no ref,', 'A1,Looks like a plan ref,'].join('\n'),
    );
    const preview = await post('preview', member, csv, 'more.csv').field('planId', first.body.plan.id).expect(201);
    const res = await post('import', member, csv, 'more.csv').field('planId', first.body.plan.id).expect(201);
    expect(res.body.problems.map((p: { line: number; message: string }) => [p.line, p.message])).toEqual([
      [2, 'Line 2\'s reference "2.3" is already an action of this plan: it is given the plan\'s next number, A2, instead.'],
      [4, 'Line 4\'s reference "X9" is also on line 3: it is given the plan\'s next number, A3, instead.'],
      [5, "Line 5 has no reference: it is given the plan's next number, A4, instead."],
    ]);
    // The same problems, and the refs given, were shown before anything was stored.
    expect(preview.body.problems).toEqual(res.body.problems);
    expect(preview.body.rows.map((r: { actionRef: string }) => r.actionRef)).toEqual(['A2', 'X9', 'A3', 'A4', 'A1']);
    const refs = new Map((await refsOf(first.body.plan.id)).map(([ref, title]: string[]) => [title, ref]));
    expect(['Clashes with the plan', 'Keeps its own ref', 'Repeats a ref', 'Has no ref', 'Looks like a plan ref'].map((title) => refs.get(title))).toEqual([
      'A2',
      'X9',
      'A3',
      'A4',
      'A1',
    ]);
  });

  it('refuses what it cannot read with a message and stores nothing', async () => {
    const before = await count();
    const locked = await post('import', member, ENCRYPTED).expect(422);
    expect(locked.body.error.message).toContain('password-protected');
    const headless = await post('preview', member, Buffer.from('Apples,3\nPears,4\n'), 'fruit.csv').expect(422);
    expect(headless.body.error.message).toContain('no header row we recognise');
    const noFile = await t.http().post('/api/v1/trackers/preview').set(bearer(member)).field('headerLine', '1').expect(400);
    expect(noFile.body.error.message).toContain('Attach the tracker');
    const badMapping = await post('preview', member, workbook).field('mapping', '{"action":"c3"}').expect(400);
    expect(JSON.stringify(badMapping.body)).toContain('letter of the column');
    const outside = await post('preview', member, workbook).field('mapping', '{"action":"Z"}').expect(400);
    expect(outside.body.error.message).toContain('must be one of the tracker');
    await post('import', viewer, workbook).expect(403);
    const theirs = (await post('import', stranger, windowsCsv(), 't.csv').expect(201)).body.plan;
    await post('import', member, workbook).field('planId', theirs.id).expect(404);
    expect(await count()).toEqual([before[0] + 1, before[1] + 3]);
  });
});
