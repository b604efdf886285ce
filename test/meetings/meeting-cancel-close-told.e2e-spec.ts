import { DataSource, In } from 'typeorm';
import { Action, AuditEvent } from '@app/database/entities';
import { RemindersService } from '@app/reminders';
import { Notification, Reminder } from '@app/reminders/entities';
import { bearer, createTestApp, DB_KINDS, newActivePlan, newAuthority, newBoard, newBoardWorld, newUser, TestApp, TestUser } from '../support';

type Told = { personId: string; name: string; kind: string; at: string };
type Item = { id: string; actionId: string | null; title: string; reasons: string[]; carriedFromId: string | null; told: Told[] | null };

// Issue 15's last parts: who has been told about an overdue item, cancelling a meeting, and closing the plan at one.
describe.each(DB_KINDS)('board meetings: who has been told, cancelling, closing the plan (%s)', (kind) => {
  let t: TestApp;
  let chair: TestUser, member: TestUser, admin: TestUser, manager: TestUser, owner: TestUser, stranger: TestUser, otherChair: TestUser;
  let boardId: string, planId: string;
  const ids: Record<string, string> = {};
  const meetings: Record<string, string> = {};

  const http = () => t.http();
  const ds = () => t.get(DataSource);
  const meeting = async (id: string) => (await http().get(`/api/v1/meetings/${id}`).set(bearer(member)).expect(200)).body;
  const newMeeting = async (date: string) =>
    (await http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(chair)).send({ date, planId }).expect(201)).body.id as string;

  beforeAll(async () => {
    // The plan starts on 1 September; two actions are due "immediately" (29 September), one in six months.
    t = await createTestApp(kind, {}, '2026-09-10T09:00:00Z');
    const world = await newBoardWorld(t);
    ({ chair, member, manager, owner, boardId } = world);
    admin = await newUser(t, world.authorityId, ['admin']);
    otherChair = await newUser(t, world.authorityId, ['board_chair']);
    stranger = await newUser(t, (await newAuthority(t)).id, ['board_chair']);
    await newBoard(t, otherChair);
    const plan = await newActivePlan(t, world, {
      publishedOn: '2026-09-01',
      findings: ['ensure every referral gets a timely decision', 'audit case supervision', 'review placement stability'].map((text, i) => ({
        timescale: ['immediately', 'immediately', 'six_months'][i],
        text,
      })),
    });
    planId = plan.planId;
    plan.actionIds.forEach((id, i) => (ids[`A${i + 1}`] = id));
  });
  afterAll(() => t.close());

  it('shows on the agenda who has been told about each overdue action, and when, as the reminders sent it', async () => {
    // The day after the due date the owner is told; a week after, their manager.
    for (const at of ['2026-09-30T09:00:00Z', '2026-10-07T09:00:00Z']) {
      t.clock.set(at);
      await t.get(RemindersService).runDue(t.clock.now());
    }
    meetings.first = await newMeeting('2026-10-13');
    const drafted = await http().post(`/api/v1/meetings/${meetings.first}/agenda/draft`).set(bearer(chair)).expect(201);
    expect(drafted.body.items.map((i: Item) => i.actionId)).toEqual(expect.arrayContaining([ids.A1, ids.A2]));
    const draftedTold = Object.fromEntries(drafted.body.items.map((i: Item) => [i.actionId, i.told]));
    await http()
      .post(`/api/v1/meetings/${meetings.first}/agenda/items`)
      .set(bearer(chair))
      .send({ title: 'Report from the safeguarding partnership' })
      .expect(201);

    const items: Item[] = (await meeting(meetings.first)).agenda.items;
    const sent = await ds().manager.find(Reminder, { where: { actionId: In([ids.A1, ids.A2]), state: 'sent' }, order: { sentAt: 'ASC', id: 'ASC' } });
    expect(sent.length).toBeGreaterThanOrEqual(4);
    for (const actionId of [ids.A1, ids.A2]) {
      const item = items.find((i) => i.actionId === actionId)!;
      expect(item.reasons).toContain('overdue');
      const expected = sent.filter((r) => r.actionId === actionId).map((r) => ({ personId: r.deliveredToId ?? r.recipientId, kind: r.kind, at: r.sentAt }));
      expect(item.told!.map(({ personId, kind, at }) => ({ personId, kind, at }))).toEqual(expected);
      expect(draftedTold[actionId]).toEqual(item.told);
      expect(item.told).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ personId: owner.id, name: owner.displayName, kind: 'overdue' }),
          expect.objectContaining({ personId: manager.id, name: manager.displayName, kind: 'escalation_manager' }),
        ]),
      );
    }
    // Items that are not overdue say nothing of it.
    expect(items.filter((i) => i.actionId !== ids.A1 && i.actionId !== ids.A2).every((i) => i.told === null)).toBe(true);

    const page = await http().get(`/meetings/${meetings.first}`).set(bearer(member)).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('Who has been told');
    expect(page.text).toContain(`${manager.displayName}: escalation to the manager`);
  });

  it('cancels a planned meeting: a cancellation in every calendar, the invited told, its agenda carried to the next meeting, nothing more recorded at it', async () => {
    meetings.next = await newMeeting('2026-11-10');
    const before = (await http().get(`/api/v1/meetings/${meetings.first}/invitation.ics`).set(bearer(member)).expect(200)).text;
    expect(before).toContain('SEQUENCE:0');

    // Refusals first: nothing changes.
    const byMember = await http().post(`/api/v1/meetings/${meetings.first}/cancel`).set(bearer(member)).send({ reason: 'x' }).expect(403);
    expect(byMember.body.error.message).toMatch(/board chair/);
    const byOtherChair = await http().post(`/api/v1/meetings/${meetings.first}/cancel`).set(bearer(otherChair)).send({ reason: 'x' }).expect(403);
    expect(byOtherChair.body.error.message).toMatch(/Only the chair of the Service Improvement Board or the council's admin/);
    await http().post(`/api/v1/meetings/${meetings.first}/cancel`).set(bearer(stranger)).send({ reason: 'x' }).expect(404);
    const noReason = await http().post(`/api/v1/meetings/${meetings.first}/cancel`).set(bearer(chair)).send({ reason: '' }).expect(400);
    expect(JSON.stringify(noReason.body)).toMatch(/reason must say why/);
    expect((await meeting(meetings.first)).status).toBe('planned');

    const cancelled = await http()
      .post(`/api/v1/meetings/${meetings.first}/cancel`)
      .set(bearer(chair))
      .send({ reason: 'Not quorate: three members sent apologies.' })
      .expect(201);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Not quorate: three members sent apologies.',
      sequence: 1,
      open: false,
      agendaCarriedTo: meetings.next,
    });
    // The page says why as a sentence of its own: one full stop, whether or not the chair wrote one.
    const cancelledPage = await http().get(`/meetings/${meetings.first}`).set(bearer(member)).set('Accept', 'text/html').expect(200);
    expect(cancelledPage.text).toContain('This meeting was cancelled: Not quorate: three members sent apologies. Its agenda carries');

    // The invitation becomes a cancellation of the same event; the feed keeps it, marked cancelled.
    const ics = (await http().get(`/api/v1/meetings/${meetings.first}/invitation.ics`).set(bearer(member)).expect(200)).text;
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain(`UID:meeting-${meetings.first}@improvement-tracker`);
    // iCalendar folds long lines; unfolded, the organizer is the board's chair.
    const organizer = ics
      .replace(/\r\n[ \t]/g, '')
      .split('\r\n')
      .find((l) => l.startsWith('ORGANIZER'));
    expect(organizer).toContain(`:mailto:${chair.email}`);
    const feed = await http().post('/api/v1/me/calendar-feed').set(bearer(member)).expect(201);
    const inFeed = (await http().get(new URL(feed.body.url).pathname).expect(200)).text;
    const event = inFeed.split('BEGIN:VEVENT').find((e) => e.includes(`UID:meeting-${meetings.first}@`))!;
    expect(event).toContain('STATUS:CANCELLED');
    expect(event).toContain('SEQUENCE:1');
    expect(event).toContain('SUMMARY:Cancelled: ');
    const nextEvent = inFeed.split('BEGIN:VEVENT').find((e) => e.includes(`UID:meeting-${meetings.next}@`))!;
    expect(nextEvent).not.toContain('CANCELLED');

    // Those invited hear of it.
    const told = await ds().manager.findBy(Notification, { kind: 'meeting_cancelled' });
    expect(told.map((n) => n.userId).sort()).toEqual([chair.id, member.id].sort());
    expect(told[0].body).toContain('Not quorate');

    // Its agenda, actions and other items, is on the next meeting's, carried.
    const first: Item[] = cancelled.body.agenda.items;
    const next: Item[] = (await meeting(meetings.next)).agenda.items;
    for (const item of first) {
      const carried = next.find((n) => n.carriedFromId === item.id);
      expect([item.title, carried?.reasons]).toEqual([item.title, expect.arrayContaining(['carried'])]);
    }
    expect(next.find((n) => n.title === 'Report from the safeguarding partnership')).toBeDefined();
    // Re-drafting the next meeting does not bring them twice.
    await http().post(`/api/v1/meetings/${meetings.next}/agenda/draft`).set(bearer(chair)).expect(201);
    expect((await meeting(meetings.next)).agenda.items).toHaveLength(next.length);

    // Nothing more is recorded at a cancelled meeting.
    for (const [method, path, body] of [
      ['post', `/api/v1/meetings/${meetings.first}/decisions`, { actionId: ids.A1, kind: 'note', comment: 'late' }],
      ['post', `/api/v1/meetings/${meetings.first}/minutes/approve`, {}],
      ['put', `/api/v1/meetings/${meetings.first}/minutes`, { narrative: 'x' }],
      ['post', `/api/v1/meetings/${meetings.first}/agenda/draft`, {}],
      ['patch', `/api/v1/meetings/${meetings.first}`, { place: 'Elsewhere' }],
      ['post', `/api/v1/meetings/${meetings.first}/cancel`, { reason: 'again' }],
    ] as const) {
      const res = await http()[method](path).set(bearer(chair)).send(body).expect(409);
      expect([path, res.body.error.code]).toEqual([path, 'meeting_cancelled']);
      expect(res.body.error.message).toMatch(/was cancelled/);
    }
    expect((await meeting(meetings.first)).decisions).toEqual([]);

    const audit = await ds().manager.findBy(AuditEvent, { entityType: 'meeting', entityId: meetings.first, event: 'meeting_cancelled' });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(chair.id);

    // A meeting under way is not cancelled; the council's admin may cancel a planned one.
    const started = await newMeeting('2026-12-08');
    await http()
      .put(`/api/v1/meetings/${started}/attendance`)
      .set(bearer(chair))
      .send({ attendees: [{ userId: chair.id, attendance: 'present' }] })
      .expect(200);
    const underWay = await http().post(`/api/v1/meetings/${started}/cancel`).set(bearer(chair)).send({ reason: 'x' }).expect(409);
    expect(underWay.body.error.code).toBe('meeting_started');
    const later = await newMeeting('2027-01-12');
    await http().post(`/api/v1/meetings/${later}/cancel`).set(bearer(admin)).send({ reason: 'Election period' }).expect(201);
  });

  it("records the board's decision to close the plan at a meeting, carries its open actions over, and shows where each went", async () => {
    const id = meetings.next;
    const body = { title: 'Service development plan 2027', comment: 'Most findings are met; the rest continue under the new plan' };
    await http().post(`/api/v1/meetings/${id}/close-plan`).set(bearer(member)).send(body).expect(403);
    const notTheirs = await http().post(`/api/v1/meetings/${id}/close-plan`).set(bearer(otherChair)).send(body).expect(403);
    expect(notTheirs.body.error.message).toMatch(/Only the chair of the Service Improvement Board/);
    await http().post(`/api/v1/meetings/${id}/close-plan`).set(bearer(stranger)).send(body).expect(404);
    const noSuccessor = await http().post(`/api/v1/meetings/${id}/close-plan`).set(bearer(chair)).send({ comment: body.comment }).expect(400);
    expect(noSuccessor.body.error.message).toMatch(/3 open actions: choose the successor plan/);
    await http().post(`/api/v1/meetings/${id}/close-plan`).set(bearer(chair)).send({ title: body.title }).expect(400);
    expect((await http().get(`/api/v1/plans/${planId}`).set(bearer(member)).expect(200)).body.status).toBe('active');

    const closed = await http().post(`/api/v1/meetings/${id}/close-plan`).set(bearer(chair)).send(body).expect(201);
    const [decision] = closed.body.planDecisions;
    expect(decision).toMatchObject({
      kind: 'close_plan',
      plan: { id: planId, status: 'closed' },
      successorPlan: { title: body.title, status: 'draft' },
      actionsCarried: 3,
      comment: body.comment,
    });
    const copies = await ds().manager.findBy(Action, { planId: decision.successorPlan.id });
    expect(copies).toHaveLength(3);
    expect(decision.carried.map((c: { actionId: string; successorActionId: string }) => [c.actionId, c.successorActionId]).sort()).toEqual(
      copies.map((c) => [c.carriedFromId, c.id]).sort(),
    );
    for (const a of Object.values(ids)) expect((await ds().manager.findOneByOrFail(Action, { id: a })).status).toBe('carried_over');
    for (const c of decision.carried) expect(closed.body.minutes.draft).toContain(`now ${c.successorRef} in ${body.title}`);
    expect(closed.body.minutes.draft).toContain('The board closed the plan Plan 2026.');

    const planAudit = await ds().manager.findBy(AuditEvent, { entityType: 'plan', entityId: planId });
    expect(planAudit.map((e) => e.event)).toEqual(expect.arrayContaining(['plan_closed', 'board_decision']));
    expect(JSON.parse(String(planAudit.find((e) => e.event === 'board_decision')!.after))).toMatchObject({
      meetingId: id,
      meetingDate: '2026-11-10',
      kind: 'close_plan',
    });

    const page = await http().get(`/meetings/${id}`).set(bearer(member)).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('The plan closed');
    expect(page.text).toContain(body.title);

    // Once the minutes are approved, the decision stands and no other is taken (held on its day, 10 November).
    t.clock.set('2026-11-10T15:00:00Z');
    await http().post(`/api/v1/meetings/${id}/held`).set(bearer(chair)).expect(201);
    await http().post(`/api/v1/meetings/${id}/minutes/approve`).set(bearer(chair)).expect(201);
    const locked = await http()
      .post(`/api/v1/meetings/${id}/close-plan`)
      .set(bearer(chair))
      .send({ successorPlanId: decision.successorPlan.id, comment: 'again' })
      .expect(409);
    expect(locked.body.error.code).toBe('minutes_approved');
  });
});
