import { DataSource } from 'typeorm';
import { EARLIER_MEETINGS_PER_PAGE } from '@app/core';
import { bearer, createTestApp, DB_KINDS, newActivePlan, newBoardWorld, newUser, sessionCookie, TestApp, TestUser } from '../support';
import { statementsOf } from '../support/statement-log';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

/** The whole council's people (every membership of the authority, not the ids of a page). */
const EVERY_MEMBER = /FROM "membership" m JOIN "app_user" u ON u\."id" = m\."userId"\s+WHERE m\."authorityId" = (\?|\$\d+) (ORDER BY|UNION)/;

/** The options of a select on a page, by its id. */
const selectOf = (html: string, id: string) => {
  const select = html.slice(html.search(new RegExp(`<select class="govuk-select[^"]*" id="${id}"`)));
  return select.slice(0, select.indexOf('</select>'));
};
const optionsOf = (html: string, id: string) => [...selectOf(html, id).matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);

describe.each(DB_KINDS)('the meetings list is bounded, and a meeting page names only its own people (%s)', (kind) => {
  let t: TestApp;
  let chair: TestUser, member: TestUser, owner: TestUser, stranger: TestUser, lineManager: TestUser;
  let boardId: string, planId: string, actionIds: string[];
  let world: Awaited<ReturnType<typeof newBoardWorld>>;
  let cookie: string;
  const earlier: string[] = [];
  const upcoming: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind, {}, '2026-12-10T09:00:00Z');
    world = await newBoardWorld(t);
    ({ chair, member, owner, boardId } = world);
    // Someone in the council who is neither on the board nor working on the plan.
    stranger = await newUser(t, world.authorityId, ['viewer']);
    ({ planId, actionIds } = await newActivePlan(t, world, {
      publishedOn: '2026-09-01',
      findings: [
        { timescale: 'immediately', text: 'audit case supervision' },
        { timescale: 'six_months', text: 'recruit social workers' },
      ],
    }));
    // The owner's line manager, whom an escalation goes to, named after the plan's actions were made (so managing none).
    lineManager = await newUser(t, world.authorityId, ['manager']);
    await t
      .get(DataSource)
      .createQueryBuilder()
      .update('membership')
      .set({ managerId: lineManager.id })
      .where('"userId" = :userId AND "authorityId" = :authorityId', { userId: owner.id, authorityId: world.authorityId })
      .execute();
    const plan = async (date: string) =>
      (await t.http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(chair)).send({ date, planId }).expect(201)).body.id as string;
    // Two more earlier meetings than a page shows: the oldest two are on the second page.
    for (let i = 0; i < EARLIER_MEETINGS_PER_PAGE + 2; i++)
      earlier.push(await plan(`2026-${String(11 - Math.floor(i / 2)).padStart(2, '0')}-${i % 2 ? '03' : '17'}`));
    upcoming.push(await plan('2027-01-12'), await plan('2026-12-10'));
    cookie = await sessionCookie(t, chair.email);
  });
  afterAll(() => t.close());

  const page = async (path: string) => (await t.http().get(path).set(HTML).set('Cookie', cookie).expect(200)).text;

  it('lists the upcoming meetings, soonest first, then the most recent earlier ones, newest first, with a link to older ones', async () => {
    const html = await page('/meetings');
    const links = [...html.matchAll(/href="\/meetings\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(links).toEqual([upcoming[1], upcoming[0], ...earlier.slice(0, EARLIER_MEETINGS_PER_PAGE)]);
    expect(html).toContain('href="/meetings?page=2#earlier">Older meetings</a>');
    expect(html).not.toContain('Newer meetings');

    const older = await page('/meetings?page=2');
    const olderLinks = [...older.matchAll(/href="\/meetings\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(olderLinks).toEqual(earlier.slice(EARLIER_MEETINGS_PER_PAGE));
    expect(older).toContain('href="/meetings">Newer meetings</a>');
    expect(older).not.toContain('Older meetings');
    expect(older).not.toContain('Upcoming meetings');
  });

  it('reads the list in at most four statements, however many meetings there are', async () => {
    const statements = await statementsOf(t.get(DataSource), () => page('/meetings'));
    // Authentication, the meetings shown (with their board and plan), the plans for the form, and the page frame.
    expect(statements.filter((s) => /"meeting"/.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /FROM "board"/.test(s))).toHaveLength(0);
    expect(statements.length).toBeLessThanOrEqual(4);
  });

  it("shows the meeting's attendance, agenda and decisions, and its decision form offers the board and the plan's people, not the whole council", async () => {
    const id = earlier[0];
    const http = t.http();
    await http
      .put(`/api/v1/meetings/${id}/attendance`)
      .set(bearer(chair))
      .send({
        attendees: [
          { userId: chair.id, attendance: 'present' },
          { userId: member.id, attendance: 'apologies' },
          { guestName: 'Dr Jane Doe', attendance: 'present' },
        ],
      })
      .expect(200);
    await http.post(`/api/v1/meetings/${id}/agenda/draft`).set(bearer(chair)).expect(201);
    await http
      .post(`/api/v1/meetings/${id}/decisions`)
      .set(bearer(chair))
      .send({ actionId: actionIds[0], kind: 'note', comment: 'Supervision audit under way' })
      .expect(201);

    let html = '';
    const statements = await statementsOf(t.get(DataSource), async () => (html = await page(`/meetings/${id}`)));
    for (const name of [chair.displayName, member.displayName, 'Dr Jane Doe', owner.displayName]) expect(html).toContain(name);
    expect(html).toContain('A1 Audit case supervision');
    expect(html).toContain('Supervision audit under way');
    expect(statements.filter((s) => EVERY_MEMBER.test(s))).toEqual([]);
    expect(statements.filter((s) => /FROM "organisation"/.test(s))).toEqual([]);
    // The decision form has a page of its own: the agenda links to it, each item with its action chosen,
    // and reads none of the people it offers.
    expect(html).not.toContain('id="ownerId"');
    expect(html).toContain(`href="/meetings/${id}/decision?actionId=${actionIds[0]}"`);
    expect(statements.filter((s) => /"plan_people"/.test(s))).toEqual([]);

    let form = '';
    const formStatements = await statementsOf(t.get(DataSource), async () => (form = await page(`/meetings/${id}/decision?actionId=${actionIds[0]}`)));
    expect(formStatements.filter((s) => /"plan_people"/.test(s))).toHaveLength(1);
    expect(formStatements.filter((s) => EVERY_MEMBER.test(s))).toEqual([]);
    expect(selectOf(form, 'actionId')).toContain(`<option value="${actionIds[0]}" selected>`);
    for (const select of ['ownerId', 'managerId', 'escalateToId']) {
      const offered = optionsOf(form, select);
      expect(offered).toEqual(expect.arrayContaining(['', chair.id, member.id, owner.id, lineManager.id]));
      expect(offered).not.toContain(stranger.id);
    }
    expect(form).toContain(`href="/meetings/${id}/decision?people=all&amp;actionId=${actionIds[0]}">Choose from everyone in the council</a>`);

    const everyone = await page(`/meetings/${id}/decision?people=all`);
    expect(optionsOf(everyone, 'ownerId')).toContain(stranger.id);
    expect(everyone).not.toContain('Choose from everyone in the council');
  });

  it("takes a link to the agenda's old decision form to the decision page, for those who may decide", async () => {
    const id = earlier[0];
    const answer = await t.http().get(`/meetings/${id}?people=all&actionId=${actionIds[0]}`).set(HTML).set('Cookie', cookie).expect(303);
    expect(answer.headers.location).toBe(`/meetings/${id}/decision?people=all&actionId=${actionIds[0]}`);
    const viewer = await sessionCookie(t, stranger.email);
    const agenda = await t.http().get(`/meetings/${id}?actionId=${actionIds[0]}`).set(HTML).set('Cookie', viewer).expect(200);
    expect(agenda.text).toContain('id="agenda"');
    expect(agenda.text).not.toContain('Record a decision');
    await t.http().get(`/meetings/${id}/decision`).set(HTML).set('Cookie', viewer).expect(403);
  });

  it('offers no decision on a cancelled meeting, and reads no people for it', async () => {
    const id = upcoming[0];
    await t.http().post(`/api/v1/meetings/${id}/cancel`).set(bearer(chair)).send({ reason: 'Not quorate' }).expect(201);
    let form = '';
    const statements = await statementsOf(t.get(DataSource), async () => (form = await page(`/meetings/${id}/decision`)));
    expect(form).toContain('No decision can be recorded at this meeting: it was cancelled.');
    expect(form).not.toContain('id="ownerId"');
    expect(statements.filter((s) => /"plan_people"/.test(s))).toEqual([]);
    expect(await page(`/meetings/${id}`)).not.toContain('Record a decision');
  });

  it('keeps someone else chosen from the whole council when the decision form comes back with an error', async () => {
    const id = earlier[0];
    const form = await page(`/meetings/${id}/decision?people=all`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1];
    const body = { _csrf: csrf, actionId: actionIds[0], kind: 'reassign', ownerId: stranger.id, comment: 'x'.repeat(2001) };
    const answer = await t.http().post(`/meetings/${id}/decisions`).set(HTML).set('Cookie', cookie).type('form').send(body).expect(400);
    expect(answer.text).toMatch(new RegExp(`<option value="${stranger.id}" selected`));
  });

  it('says beside the new owner that one is needed when a reassignment names nobody, and chooses no one in the other lists', async () => {
    const id = earlier[0];
    const form = await page(`/meetings/${id}/decision`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1];
    const body = { _csrf: csrf, actionId: actionIds[0], kind: 'reassign', comment: 'New lead for the audit' };
    const answer = (await t.http().post(`/meetings/${id}/decisions`).set(HTML).set('Cookie', cookie).type('form').send(body).expect(400)).text;
    expect(answer).toContain(
      '<div class="govuk-form-group govuk-form-group--error">\n  <label class="govuk-label" for="ownerId">New owner (to reassign)</label>',
    );
    expect(answer).toContain('<p id="ownerId-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Choose the new owner');
    expect(answer).toContain('<select class="govuk-select govuk-select--error" id="ownerId" name="ownerId" aria-describedby="ownerId-error">');
    expect(answer).toContain('<select class="govuk-select" id="managerId" name="managerId">');
    for (const select of ['ownerId', 'managerId', 'escalateToId']) {
      expect(optionsOf(answer, select)).toEqual(optionsOf(form, select));
      expect(selectOf(answer, select)).not.toContain(' selected');
    }
  });

  it('offers the whole council again when a form that offered it comes back with an error, though no one outside the plan was chosen', async () => {
    const id = earlier[0];
    const form = await page(`/meetings/${id}/decision?people=all`);
    expect(form).toContain('<input type="hidden" name="people" value="all">');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1];
    const body = { _csrf: csrf, people: 'all', actionId: actionIds[0], kind: 'note', comment: 'x'.repeat(2001) };
    const answer = (await t.http().post(`/meetings/${id}/decisions`).set(HTML).set('Cookie', cookie).type('form').send(body).expect(400)).text;
    expect(optionsOf(answer, 'ownerId')).toContain(stranger.id);
    expect(answer).not.toContain('Choose from everyone in the council');
    expect(answer).toContain('<input type="hidden" name="people" value="all">');
  });

  it('says why, with nothing to link to, when a decision reaches a meeting cancelled since its form was opened', async () => {
    const id = upcoming[1];
    const form = await page(`/meetings/${id}/decision`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1];
    await t.http().post(`/api/v1/meetings/${id}/cancel`).set(bearer(chair)).send({ reason: 'Not quorate' }).expect(201);
    const body = { _csrf: csrf, actionId: actionIds[0], kind: 'note', comment: 'Seen' };
    const answer = (await t.http().post(`/meetings/${id}/decisions`).set(HTML).set('Cookie', cookie).type('form').send(body)).text;
    expect(answer).toContain('There is a problem');
    expect(answer).toContain('No decision can be recorded at this meeting: it was cancelled.');
    expect(answer).not.toMatch(/govuk-error-summary__list[\s\S]*href="#/);
    expect(answer).not.toContain('id="comment"');
  });

  it("links the chair from the agenda to the close-plan form, which alone reads the council's plans to offer as successors", async () => {
    const id = earlier[0];
    const next = await newActivePlan(t, world, { publishedOn: '2026-11-02', findings: [{ timescale: 'immediately', text: 'review thresholds' }] }, 'Plan 2027');
    // The council's plans, as the successor select lists them (PlanRepository.list).
    const plansRead = (statements: string[]) => statements.filter((s) => /FROM "improvement_plan" WHERE "authorityId" = (\?|\$1) ORDER BY/.test(s));
    let agenda = '';
    const agendaStatements = await statementsOf(t.get(DataSource), async () => (agenda = await page(`/meetings/${id}`)));
    expect(agenda).toContain(`href="/meetings/${id}/close-plan"`);
    expect(agenda).not.toContain('id="successorPlanId"');
    let form = '';
    const formStatements = await statementsOf(t.get(DataSource), async () => (form = await page(`/meetings/${id}/close-plan`)));
    expect(optionsOf(form, 'successorPlanId')).toEqual(['', next.planId]);
    expect(plansRead(formStatements)).toHaveLength(1);
    expect(plansRead(agendaStatements)).toEqual([]);

    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1];
    const body = { _csrf: csrf, successorPlanId: next.planId, closeComment: '' };
    const answer = (await t.http().post(`/meetings/${id}/close-plan`).set(HTML).set('Cookie', cookie).type('form').send(body).expect(400)).text;
    expect(answer).toContain('<h1 class="govuk-heading-l">Close the plan</h1>');
    expect(answer).toContain('href="#closeComment">Give the board&#39;s reasons for closing the plan</a>');
    expect(selectOf(answer, 'successorPlanId')).toContain(`<option value="${next.planId}" selected>`);
  });

  it('says why the plan cannot be closed to a chair of another board, and at a cancelled meeting, and offers no form', async () => {
    const otherChair = await newUser(t, world.authorityId, ['board_chair']);
    const other = await t
      .http()
      .get(`/meetings/${earlier[0]}/close-plan`)
      .set(HTML)
      .set('Cookie', await sessionCookie(t, otherChair.email))
      .expect(200);
    expect(other.text).toMatch(/The plan cannot be closed here: Only the chair of the .+ closes its plan at a meeting\./);
    expect(other.text).not.toContain('id="successorPlanId"');
    expect(await page(`/meetings/${earlier[0]}`)).toContain('Close the plan');
    const cancelled = await page(`/meetings/${upcoming[0]}/close-plan`);
    expect(cancelled).toContain('The plan cannot be closed here: This meeting was cancelled.');
    expect(cancelled).not.toContain('id="successorPlanId"');
    expect(await page(`/meetings/${upcoming[0]}`)).not.toContain('/close-plan');
    await t
      .http()
      .get(`/meetings/${earlier[0]}/close-plan`)
      .set(HTML)
      .set('Cookie', await sessionCookie(t, member.email))
      .expect(403);
  });
});
