import { DataSource } from 'typeorm';
import { Reminder } from '@app/reminders/entities';
import { asBytes, bearer, createTestApp, DB_KINDS, newActivePlan, newAuthority, newBoardWorld, newUser, TestApp, TestUser } from '../support';

type Item = { id: string; actionId: string | null; reasons: string[]; carriedFromId: string | null; minutesAllotted: number | null };

describe.each(DB_KINDS)('a board meeting from agenda to approved minutes (%s)', (kind) => {
  let t: TestApp;
  let chair: TestUser, member: TestUser, manager: TestUser, owner: TestUser, owner2: TestUser, stranger: TestUser, offBoard: TestUser;
  let boardId: string, planId: string;
  const ids: Record<string, string> = {};

  const http = () => t.http();
  const action = async (id: string) => (await http().get(`/api/v1/actions/${id}`).set(bearer(member)).expect(200)).body;
  const decide = (meetingId: string, who: TestUser, body: object) => http().post(`/api/v1/meetings/${meetingId}/decisions`).set(bearer(who)).send(body);

  beforeAll(async () => {
    // The plan is set up and the last meeting held in October; the next meeting's work happens on 23 November.
    t = await createTestApp(kind, {}, '2026-10-01T09:00:00Z');
    const world = await newBoardWorld(t);
    ({ chair, member, manager, owner, boardId } = world);
    owner2 = await newUser(t, world.authorityId, ['viewer'], { managerId: manager.id });
    offBoard = await newUser(t, world.authorityId, ['board_member']);
    const elsewhere = await newAuthority(t);
    stranger = await newUser(t, elsewhere.id, ['board_chair']);
    const plan = await newActivePlan(t, world, {
      publishedOn: '2026-09-01',
      findings: ['ensure every referral gets a timely decision', 'audit case supervision', 'improve return interviews', 'review placement stability'].map(
        (text, i) => ({ timescale: ['immediately', 'immediately', 'three_months', 'six_months'][i], text }),
      ),
    });
    planId = plan.planId;
    plan.actionIds.forEach((id, i) => (ids[`A${i + 1}`] = id));
  });
  afterAll(() => t.close());

  async function complete(id: string) {
    const a = await action(id);
    const started = await http().post(`/api/v1/actions/${id}/status`).set(bearer(owner)).send({ version: a.version, status: 'in_progress' }).expect(201);
    await http().post(`/api/v1/actions/${id}/evidence/note`).set(bearer(owner)).send({ title: 'Audit report', note: 'Audit of 40 cases attached' }).expect(201);
    await http().post(`/api/v1/actions/${id}/status`).set(bearer(owner)).send({ version: started.body.version, status: 'completed' }).expect(201);
  }

  it('drafts the agenda, acts on every decision, locks on approval, and refuses what it should', async () => {
    // The last meeting: A2 overdue and noted; A4 added by the chair and not reached.
    const last = await http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(chair)).send({ date: '2026-10-27', planId }).expect(201);
    expect(last.body).toMatchObject({ status: 'planned', date: '2026-10-27', startTime: '10:00' });
    expect(last.body.series).toEqual({
      rule: 'monthly, on the fourth Tuesday',
      nextDates: ['2026-11-24', '2026-12-22', '2027-01-26'],
      nextMeeting: null,
      proposal: { date: '2026-11-24', planId, startTime: '10:00', place: 'To be confirmed' },
    });
    const lastAgenda = await http().post(`/api/v1/meetings/${last.body.id}/agenda/draft`).set(bearer(chair)).expect(201);
    expect(lastAgenda.body.items.map((i: Item) => [i.actionId, i.reasons])).toEqual([
      [ids.A1, ['overdue']],
      [ids.A2, ['overdue']],
    ]);
    const a4 = await http().post(`/api/v1/meetings/${last.body.id}/agenda/items`).set(bearer(chair)).send({ actionId: ids.A4 }).expect(201);
    expect(a4.body).toMatchObject({ reasons: ['added'], chairEdited: true });
    await decide(last.body.id, chair, { actionId: ids.A1, kind: 'note', comment: 'Owner to report back' }).expect(201);
    await decide(last.body.id, chair, { actionId: ids.A2, kind: 'note', comment: 'Recruitment under way' }).expect(201);
    // The meeting can be marked held on its day, not before.
    t.clock.set('2026-10-27T12:00:00Z');
    await http().post(`/api/v1/meetings/${last.body.id}/held`).set(bearer(chair)).expect(201);
    await http().post(`/api/v1/meetings/${last.body.id}/minutes/approve`).set(bearer(chair)).expect(201);

    // Since then: A1 and A4 completed with evidence.
    t.clock.set('2026-11-23T09:00:00Z');
    await complete(ids.A1);
    await complete(ids.A4);

    const meeting = await http()
      .post(`/api/v1/boards/${boardId}/meetings`)
      .set(bearer(member))
      .send({ date: '2026-11-24', planId, place: 'Room 1' })
      .expect(201);
    const id = meeting.body.id;
    expect(meeting.body.attendance.map((a: { userId: string; attendance: string }) => [a.userId, a.attendance]).sort()).toEqual(
      [
        [chair.id, 'invited'],
        [member.id, 'invited'],
      ].sort(),
    );
    const drafted = await http().post(`/api/v1/meetings/${id}/agenda/draft`).set(bearer(chair)).expect(201);
    const reasons = Object.fromEntries(drafted.body.items.map((i: Item) => [i.actionId, i.reasons]));
    expect(reasons).toEqual({
      [ids.A1]: ['awaiting_verification', 'changed'],
      [ids.A4]: ['awaiting_verification', 'changed', 'carried'],
      [ids.A2]: ['overdue'],
      [ids.A3]: ['due_before_next'],
    });
    expect(drafted.body.items.find((i: Item) => i.actionId === ids.A4).carriedFromId).toBe(a4.body.id);

    // The chair's edit survives a re-draft.
    const a3Item = drafted.body.items.find((i: Item) => i.actionId === ids.A3);
    await http()
      .patch(`/api/v1/meetings/${id}/agenda/items/${a3Item.id}`)
      .set(bearer(chair))
      .send({ minutesAllotted: 15, presenterId: owner.id, position: 1 })
      .expect(200);
    const redrafted = await http().post(`/api/v1/meetings/${id}/agenda/draft`).set(bearer(chair)).expect(201);
    expect(redrafted.body.items[0]).toMatchObject({ id: a3Item.id, minutesAllotted: 15, presenterId: owner.id, chairEdited: true });
    expect(redrafted.body.items).toHaveLength(4);

    await http()
      .put(`/api/v1/meetings/${id}/attendance`)
      .set(bearer(chair))
      .send({
        attendees: [
          { userId: chair.id, attendance: 'present' },
          { userId: member.id, attendance: 'apologies' },
          { guestName: 'Dr Jane Doe (designated doctor)', attendance: 'present' },
        ],
      })
      .expect(200);

    // Refusals change nothing.
    await decide(id, chair, { actionId: ids.A2, kind: 'verify' }).expect(422);
    const noDate = await decide(id, chair, { actionId: ids.A2, kind: 'extend', comment: 'Recruitment' }).expect(400);
    expect(noDate.body.error.message).toMatch(/new due date/);
    await decide(id, chair, { actionId: ids.A2, kind: 'extend', dueDate: '2027-01-31' }).expect(400);
    const outsider = await decide(id, chair, { actionId: ids.A3, kind: 'reassign', ownerId: stranger.id }).expect(404);
    expect(outsider.body.error.message).toMatch(/not a person in this council/);
    await decide(id, stranger, { actionId: ids.A3, kind: 'note', comment: 'x' }).expect(404);
    await decide(id, owner, { actionId: ids.A3, kind: 'note', comment: 'x' }).expect(403);
    const notOnBoard = await decide(id, offBoard, { actionId: ids.A3, kind: 'note', comment: 'x' }).expect(403);
    expect(notOnBoard.body.error.message).toBe('Only the chair and members of the Service Improvement Board can change its meetings.');
    expect((await http().get(`/api/v1/meetings/${id}`).set(bearer(member)).expect(200)).body.decisions).toEqual([]);
    expect((await action(ids.A2)).dueDate).toBe('2026-09-29');

    // A board member records the board's decisions; each acts on its action.
    await decide(id, member, { actionId: ids.A1, kind: 'verify', comment: 'Evidence accepted' }).expect(201);
    expect(await action(ids.A1)).toMatchObject({ status: 'verified', rag: expect.objectContaining({ effective: 'blue' }) });
    await decide(id, chair, { actionId: ids.A4, kind: 'send_back', comment: 'Show the audit covers health visitors too' }).expect(201);
    expect(await action(ids.A4)).toMatchObject({ status: 'in_progress', statusReason: 'Show the audit covers health visitors too' });
    await decide(id, chair, { actionId: ids.A2, kind: 'extend', dueDate: '2027-01-31', comment: 'Recruitment delay agreed' }).expect(201);
    const a2 = await action(ids.A2);
    expect(a2.dueDate).toBe('2027-01-31');
    expect(a2.dueDateHistory).toEqual([expect.objectContaining({ toDate: '2027-01-31', reason: 'Recruitment delay agreed' })]);
    const pending = await t.get(DataSource).manager.findBy(Reminder, { actionId: ids.A2, state: 'pending' });
    expect(pending.map((r) => r.forDate)).toContain('2027-01-31');
    expect(pending.map((r) => r.forDate)).not.toContain('2026-09-29');
    await decide(id, chair, { actionId: ids.A3, kind: 'reassign', ownerId: owner2.id }).expect(201);
    expect(await action(ids.A3)).toMatchObject({ ownerId: owner2.id, managerId: manager.id });
    const a3Reminders = await t.get(DataSource).manager.findBy(Reminder, { actionId: ids.A3, state: 'pending' });
    expect(a3Reminders.some((r) => r.recipientId === owner2.id)).toBe(true);
    expect(a3Reminders.filter((r) => r.recipientId === owner.id)).toEqual([]);
    await decide(id, chair, { actionId: ids.A2, kind: 'escalate', escalateToId: manager.id, comment: 'Please unblock the recruitment' }).expect(201);

    const timeline = await http().get(`/api/v1/actions/${ids.A1}/timeline`).set(bearer(member)).expect(200);
    const boardDecision = timeline.body.find((e: { event: string; after: { kind?: string } }) => e.event === 'board_decision' && e.after.kind === 'verify');
    expect(boardDecision.after).toMatchObject({ meetingId: id, meetingDate: '2026-11-24', comment: 'Evidence accepted' });
    expect(timeline.body.map((e: { event: string }) => e.event)).toContain('action_verified');
    const told = await http().get('/api/v1/me/notifications').set(bearer(owner)).expect(200);
    expect(told.body.items.filter((n: { kind: string }) => n.kind === 'board_decision').length).toBeGreaterThanOrEqual(4);
    const escalated = await http().get('/api/v1/me/notifications').set(bearer(manager)).expect(200);
    expect(escalated.body.items.map((n: { body: string }) => n.body)).toEqual(expect.arrayContaining([expect.stringContaining('escalated the action to')]));

    // Only the chair approves, once the meeting's day (24 November) has come; then everything is locked.
    t.clock.set('2026-11-24T15:00:00Z');
    await http().put(`/api/v1/meetings/${id}/minutes`).set(bearer(chair)).send({ narrative: 'The chair welcomed Dr Doe.' }).expect(200);
    const refused = await http().post(`/api/v1/meetings/${id}/minutes/approve`).set(bearer(member)).expect(403);
    expect(refused.body.error.message).toMatch(/board chair/);
    const approved = await http().post(`/api/v1/meetings/${id}/minutes/approve`).set(bearer(chair)).expect(201);
    expect(approved.body.status).toBe('minutes_approved');
    expect(approved.body.minutes).toMatchObject({ locked: true, approvedById: chair.id });
    expect(approved.body.minutes.draft).toContain('The chair welcomed Dr Doe.');
    expect(approved.body.minutes.draft).toContain('Present: ');
    expect(approved.body.minutes.draft).toContain('Dr Jane Doe (designated doctor)');
    expect(approved.body.minutes.draft).toContain('verified the action as complete');
    expect(approved.body.minutes.draft).toContain('extended the due date to Sunday 31 January 2027');
    for (const [method, path, body] of [
      ['post', `/api/v1/meetings/${id}/decisions`, { actionId: ids.A3, kind: 'note', comment: 'late' }],
      ['post', `/api/v1/meetings/${id}/agenda/draft`, {}],
      ['post', `/api/v1/meetings/${id}/minutes/approve`, {}],
      ['put', `/api/v1/meetings/${id}/minutes`, { narrative: 'changed' }],
      ['put', `/api/v1/meetings/${id}/attendance`, { attendees: [] }],
      ['patch', `/api/v1/meetings/${id}`, { place: 'Elsewhere' }],
    ] as const) {
      const res = await http()[method](path).set(bearer(chair)).send(body).expect(409);
      expect(res.body.error.code).toBe('minutes_approved');
    }
    const after = await http().get(`/api/v1/meetings/${id}`).set(bearer(member)).expect(200);
    expect(after.body.decisions).toHaveLength(5);
    expect(after.body.minutes.draft).toBe(approved.body.minutes.draft);

    // Another authority's meeting is simply not found.
    await http().get(`/api/v1/meetings/${id}`).set(bearer(stranger)).expect(404);
  });

  it('refuses bad input with a message that says what to fix', async () => {
    const bad = await http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(chair)).send({ date: '2026-02-30', planId }).expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/date must be a real date/);
    await http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(chair)).send({ date: '2026-12-01', planId, startTime: '25:00' }).expect(400);
    await http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(owner)).send({ date: '2026-12-01', planId }).expect(403);
    await http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(stranger)).send({ date: '2026-12-01', planId }).expect(404);
    const m = await http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(chair)).send({ date: '2026-12-29', planId }).expect(201);
    const kindBad = await decide(m.body.id, chair, { actionId: ids.A3, kind: 'close' }).expect(400);
    expect(JSON.stringify(kindBad.body)).toMatch(/kind must be one of/);
    await http().post(`/api/v1/meetings/${m.body.id}/minutes/approve`).set(bearer(chair)).expect(409);
  });

  it('gives the pack as a workbook and the meeting as a calendar invitation that updates when it moves', async () => {
    const m = await http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(chair)).send({ date: '2027-01-26', planId, startTime: '14:30' }).expect(201);
    await http().post(`/api/v1/meetings/${m.body.id}/agenda/draft`).set(bearer(chair)).expect(201);
    // Text a spreadsheet could run as a formula is written to be shown, not run (OWASP's rule, as the export does).
    const formula = '=HYPERLINK("http://evil.example","Click")';
    await http().post(`/api/v1/meetings/${m.body.id}/agenda/items`).set(bearer(chair)).send({ title: formula, section: '+Other business' }).expect(201);
    const pack = await http().get(`/api/v1/meetings/${m.body.id}/pack.xlsx`).set(bearer(member)).buffer(true).parse(asBytes).expect(200);
    expect(pack.headers['content-type']).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(pack.body as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'RAG over time', 'Agenda', 'Overdue', 'Minutes']);
    const history = book.getWorksheet('RAG over time')!;
    // Dates as the pack's readers write them, as elsewhere in the pack (never 2026-10-27).
    expect(history.getRow(2).getCell(1).value).toBe('Meeting 27 October 2026');
    expect(history.getRow(history.rowCount).getCell(1).value).toMatch(/^Now \(\d{1,2} [A-Z][a-z]+ \d{4}\)$/);
    expect(history.rowCount).toBeGreaterThanOrEqual(4);
    const agendaCells = book
      .getWorksheet('Agenda')!
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === 'string');
    expect(agendaCells).toEqual(expect.arrayContaining([`'${formula}`, "'+Other business"]));
    expect(agendaCells.filter((v) => /^[=+\-@]/.test(v))).toEqual([]);

    const ics = await http().get(`/api/v1/meetings/${m.body.id}/invitation.ics`).set(bearer(member)).expect(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.text).toContain(`UID:meeting-${m.body.id}@improvement-tracker`);
    expect(ics.text).toContain('DTSTART:20270126T143000Z');
    expect(ics.text).toContain('SEQUENCE:0');
    await http().patch(`/api/v1/meetings/${m.body.id}`).set(bearer(chair)).send({ date: '2027-01-27', place: 'Room 2' }).expect(200);
    const moved = await http().get(`/api/v1/meetings/${m.body.id}/invitation.ics`).set(bearer(member)).expect(200);
    expect(moved.text).toContain('SEQUENCE:1');
    expect(moved.text).toContain('DTSTART:20270127T143000Z');

    // The same event is in each invited member's calendar feed.
    const feed = await http().post('/api/v1/me/calendar-feed').set(bearer(member)).expect(201);
    const inFeed = await http().get(new URL(feed.body.url).pathname).expect(200);
    expect(inFeed.text).toContain(`UID:meeting-${m.body.id}@improvement-tracker`);
    expect(inFeed.text).toContain('SEQUENCE:1');
  });
});
