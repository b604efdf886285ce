import { bearer, createTestApp, DB_KINDS, newActivePlan, newBoardWorld, TestApp } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

// A finding longer than a title: the plan titles its action with the first words, cut with "…".
const FINDING =
  'ensure that every referral to social care is acknowledged within one working day, that the decision on it is recorded with its reasons, and that the family is told the outcome in writing';
const WHOLE = `A1 ${FINDING.charAt(0).toUpperCase()}${FINDING.slice(1)}`;

describe.each(DB_KINDS)("an action cut from a long finding reads whole on the meeting's agenda, minutes and pack (%s)", (kind) => {
  let t: TestApp;
  afterAll(() => t.close());

  it('gives the whole text, not the cut title, wherever the board reads the action', async () => {
    t = await createTestApp(kind, {}, '2026-12-10T09:00:00Z');
    const world = await newBoardWorld(t);
    const { chair, boardId } = world;
    const { planId, actionIds } = await newActivePlan(t, world, { publishedOn: '2026-09-01', findings: [{ timescale: 'immediately', text: FINDING }] });
    const action = (await t.http().get(`/api/v1/actions/${actionIds[0]}`).set(bearer(chair)).expect(200)).body;
    expect(action.title.endsWith('…')).toBe(true);

    const id = (await t.http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(chair)).send({ date: '2026-12-08', planId }).expect(201)).body.id;
    const drafted = (await t.http().post(`/api/v1/meetings/${id}/agenda/draft`).set(bearer(chair)).expect(201)).body;
    expect(drafted.items.map((i: { title: string }) => i.title)).toEqual([WHOLE]);
    await t
      .http()
      .put(`/api/v1/meetings/${id}/attendance`)
      .set(bearer(chair))
      .send({ attendees: [{ userId: chair.id, attendance: 'present' }] })
      .expect(200);
    const meeting = (await t.http().get(`/api/v1/meetings/${id}`).set(bearer(chair)).expect(200)).body;
    expect(meeting.agenda.items.map((i: { title: string }) => i.title)).toEqual([WHOLE]);
    // Not reached yet: the draft minutes list it whole.
    expect(meeting.minutes.draft).toContain(`- ${WHOLE}`);

    await t
      .http()
      .post(`/api/v1/meetings/${id}/decisions`)
      .set(bearer(chair))
      .send({ actionId: actionIds[0], kind: 'note', comment: 'Progress noted' })
      .expect(201);
    const minutes = (await t.http().get(`/api/v1/meetings/${id}`).set(bearer(chair)).expect(200)).body.minutes.draft;
    expect(minutes).toContain(`1. ${WHOLE}: The board noted progress.`);

    const agenda = await t.http().get(`/meetings/${id}`).set(bearer(chair)).set(HTML).expect(200);
    expect(agenda.text).toContain(`>${WHOLE}</a></h3>`);
    expect(agenda.text).toContain(`<td class="govuk-table__cell">${WHOLE}</td>`);
    for (const path of [`/meetings/${id}/minutes`, `/meetings/${id}/pack`]) {
      const page = await t.http().get(path).set(bearer(chair)).set(HTML).expect(200);
      expect(page.text).toContain(WHOLE);
      expect(page.text).not.toContain(action.title);
    }
  });
});
