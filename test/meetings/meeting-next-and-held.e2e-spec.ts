import { bearer, createTestApp, DB_KINDS, newActivePlan, newBoardWorld, sessionCookie, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

describe.each(DB_KINDS)('a meeting held, its successor in the series, and a meeting not yet due (%s)', (kind) => {
  let t: TestApp;
  let chair: TestUser, member: TestUser, boardId: string, planId: string;

  beforeAll(async () => {
    // The board met on Tuesday 8 December 2026 (the second Tuesday); it is now 10 December.
    t = await createTestApp(kind, {}, '2026-12-10T09:00:00Z');
    const world = await newBoardWorld(t);
    ({ chair, member, boardId } = world);
    ({ planId } = await newActivePlan(t, world, { publishedOn: '2026-09-01', findings: [{ timescale: 'immediately', text: 'audit case supervision' }] }));
  });
  afterAll(() => t.close());

  const http = () => t.http();
  const plan = (date: string) =>
    http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(chair)).send({ date, planId, place: 'Committee Room 1' }).expect(201);
  const meeting = async (id: string) => (await http().get(`/api/v1/meetings/${id}`).set(bearer(chair)).expect(200)).body;

  it('after approved minutes proposes the next date without claiming a meeting exists, and plans it in one click', async () => {
    const held = (await plan('2026-12-08')).body.id;
    await http()
      .put(`/api/v1/meetings/${held}/attendance`)
      .set(bearer(chair))
      .send({ attendees: [{ userId: chair.id, attendance: 'present' }] })
      .expect(200);
    await http().post(`/api/v1/meetings/${held}/held`).set(bearer(chair)).expect(201);
    await http().post(`/api/v1/meetings/${held}/minutes/approve`).set(bearer(chair)).expect(201);

    const before = await meeting(held);
    expect(before.series).toMatchObject({ nextMeeting: null, proposal: { date: '2027-01-12', planId, place: 'Committee Room 1' } });
    const cookie = await sessionCookie(t, chair.email);
    const page = await http().get(`/meetings/${held}/minutes`).set(HTML).set('Cookie', cookie).expect(200);
    expect(page.text).toContain('No next meeting is planned yet: the series proposes 12 January 2027.');
    expect(page.text).not.toContain('Next meeting:');

    // The "plan it" form posts what the page shows: a meeting on the proposed date, about the plan.
    const form = page.text.slice(page.text.indexOf('<form method="post" action="/meetings"'));
    const hidden = Object.fromEntries([...form.slice(0, form.indexOf('</form>')).matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const created = await http().post('/meetings').set(HTML).set('Cookie', cookie).type('form').send(hidden).expect(303);
    const nextId = /\/meetings\/([0-9a-f-]{36})/.exec(created.headers.location)![1];
    expect(await meeting(nextId)).toMatchObject({ date: '2027-01-12', status: 'planned', place: 'Committee Room 1' });

    const after = await meeting(held);
    expect(after.series).toMatchObject({ nextMeeting: { id: nextId, date: '2027-01-12' }, proposal: null });
    const linked = await http().get(`/meetings/${held}/minutes`).set(HTML).set('Cookie', cookie).expect(200);
    expect(linked.text).toContain(`Next meeting: <a class="govuk-link" href="/meetings/${nextId}">12 January 2027</a>`);
    expect(linked.text).not.toContain('Plan it');
  });

  it("links the chair's home page to the board's next meeting, and only the chair's", async () => {
    const meetings = (await http().get(`/api/v1/boards/${boardId}/meetings`).set(bearer(chair)).expect(200)).body as { id: string; date: string }[];
    const next = meetings.find((m) => m.date === '2027-01-12')!;
    const home = await http()
      .get('/')
      .set(HTML)
      .set('Cookie', await sessionCookie(t, chair.email))
      .expect(200);
    expect(home.text).toContain(`next meeting <a class="govuk-link" href="/meetings/${next.id}">12 January 2027</a>`);
    const memberHome = await http()
      .get('/')
      .set(HTML)
      .set('Cookie', await sessionCookie(t, member.email))
      .expect(200);
    expect(memberHome.text).not.toContain(`/meetings/${next.id}`);
  });

  it('refuses to mark a meeting held, or approve its minutes, before its date, by the API and the page', async () => {
    const future = (await plan('2027-02-09')).body.id;
    await http()
      .put(`/api/v1/meetings/${future}/attendance`)
      .set(bearer(chair))
      .send({ attendees: [{ userId: chair.id, attendance: 'present' }] })
      .expect(200);
    const refused = await http().post(`/api/v1/meetings/${future}/held`).set(bearer(chair)).expect(409);
    expect(refused.body.error).toMatchObject({ code: 'meeting_in_future' });
    expect(refused.body.error.message).toBe('The meeting is on 2027-02-09 and today is 2026-12-10: it cannot be marked held before the day it takes place.');
    const approval = await http().post(`/api/v1/meetings/${future}/minutes/approve`).set(bearer(chair)).expect(409);
    expect(approval.body.error.message).toContain('its minutes cannot be approved before the day it takes place');

    const cookie = await sessionCookie(t, chair.email);
    const shown = await http().get(`/meetings/${future}/minutes`).set(HTML).set('Cookie', cookie).expect(200);
    // The page offers neither step before the day, and says when they come.
    expect(shown.text).not.toContain('Mark the meeting held');
    expect(shown.text).not.toContain('Approve the minutes');
    expect(shown.text).toContain('The meeting is on 9 February 2027: from that day it can be marked held and its minutes approved.');
    expect((await meeting(future)).dayHasCome).toBe(false);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(shown.text)![1];
    const page = await http().post(`/meetings/${future}/held`).set(HTML).set('Cookie', cookie).type('form').send({ _csrf: csrf }).expect(409);
    expect(page.text).toContain('it cannot be marked held before the day it takes place');
    expect((await meeting(future)).status).toBe('in_progress');

    // On the day, it can, and the page offers it.
    t.clock.set('2027-02-09T15:00:00Z');
    expect((await meeting(future)).dayHasCome).toBe(true);
    const onTheDay = await http()
      .get(`/meetings/${future}/minutes`)
      .set(HTML)
      .set('Cookie', await sessionCookie(t, chair.email))
      .expect(200);
    expect(onTheDay.text).toContain('Mark the meeting held');
    expect(onTheDay.text).toContain('Approve the minutes');
    expect(onTheDay.text).not.toContain('from that day it can be marked held');
    await http().post(`/api/v1/meetings/${future}/held`).set(bearer(chair)).expect(201);
  });
});

describe.each(DB_KINDS)('a plan closed at a meeting: where its actions went, in ref order (%s)', (kind) => {
  let t: TestApp;
  afterAll(() => t.close());

  it('lists the actions carried into the successor plan there, not as carried to the next meeting, A2 before A10', async () => {
    t = await createTestApp(kind, {}, '2026-12-08T09:00:00Z');
    const world = await newBoardWorld(t);
    const { chair, boardId } = world;
    const findings = Array.from({ length: 11 }, (_, i) => ({ timescale: 'immediately', text: `improve practice area ${i + 1}` }));
    const { planId } = await newActivePlan(t, world, { publishedOn: '2026-09-01', findings });
    const id = (await t.http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(chair)).send({ date: '2026-12-08', planId }).expect(201)).body.id;
    const drafted = await t.http().post(`/api/v1/meetings/${id}/agenda/draft`).set(bearer(chair)).expect(201);
    const refs = Array.from({ length: 11 }, (_, i) => `A${i + 1}`);
    // All eleven are overdue by the same days: they follow their refs.
    expect(drafted.body.items.map((i: { title: string }) => i.title.split(' ')[0])).toEqual(refs);
    await t
      .http()
      .put(`/api/v1/meetings/${id}/attendance`)
      .set(bearer(chair))
      .send({ attendees: [{ userId: chair.id, attendance: 'present' }] })
      .expect(200);
    const closed = await t
      .http()
      .post(`/api/v1/meetings/${id}/close-plan`)
      .set(bearer(chair))
      .send({ title: 'Plan 2027', comment: 'The work continues under the new plan' })
      .expect(201);
    expect(closed.body.planDecisions[0].carried.map((a: { ref: string }) => a.ref)).toEqual(refs);
    await t.http().post(`/api/v1/meetings/${id}/held`).set(bearer(chair)).expect(201);
    const { draft } = (await t.http().get(`/api/v1/meetings/${id}`).set(bearer(chair)).expect(200)).body.minutes;
    expect(draft).not.toContain('Not reached');
    const listed = draft.split('\n').filter((line: string) => / now A\d+ in Plan 2027$/.test(line));
    expect(listed.map((line: string) => line.slice(2).split(' ')[0])).toEqual(refs);
  });
});

describe.each(DB_KINDS)('an action due before a meeting still to come is not called overdue until it is (%s)', (kind) => {
  let t: TestApp;
  afterAll(() => t.close());

  it('reads "Due before the meeting" until the due date passes, then "Overdue (n days)", on the API and the page', async () => {
    t = await createTestApp(kind, {}, '2026-09-10T09:00:00Z');
    const world = await newBoardWorld(t);
    const { chair, boardId } = world;
    const { planId } = await newActivePlan(t, world, { publishedOn: '2026-09-01', findings: [{ timescale: 'immediately', text: 'audit case supervision' }] });
    const id = (await t.http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(chair)).send({ date: '2026-10-13', planId }).expect(201)).body.id;
    await t.http().post(`/api/v1/meetings/${id}/agenda/draft`).set(bearer(chair)).expect(201);
    const item = async () => (await t.http().get(`/api/v1/meetings/${id}`).set(bearer(chair)).expect(200)).body.agenda.items[0];

    const before = await item();
    expect(before.action.dueDate > '2026-09-10' && before.action.dueDate < '2026-10-13').toBe(true);
    expect(before).toMatchObject({ reasons: ['overdue'], reasonLabels: ['Due before the meeting'] });
    const page = await t.http().get(`/meetings/${id}`).set(bearer(chair)).set(HTML).expect(200);
    expect(page.text).toContain('>Due before the meeting</strong>');
    expect(page.text).not.toContain('govuk-tag--grey">Overdue');

    t.clock.set('2026-10-09T09:00:00Z');
    const due = new Date(`${before.action.dueDate}T00:00:00Z`).getTime();
    const days = Math.round((Date.UTC(2026, 9, 9) - due) / 86_400_000);
    expect(await item()).toMatchObject({ reasonLabels: [`Overdue (${days} days)`] });
    const later = await t.http().get(`/meetings/${id}`).set(bearer(chair)).set(HTML).expect(200);
    expect(later.text).toContain(`>Overdue (${days} days)</strong>`);
  });
});
