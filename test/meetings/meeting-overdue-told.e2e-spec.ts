import { bearer, createTestApp, DB_KINDS, newActivePlan, newBoardWorld, TestApp, TestUser } from '../support';

type Item = { actionId: string | null; told: unknown[] | null };
const HTML = { Accept: 'text/html,application/xhtml+xml' };

describe.each(DB_KINDS)('"who has been told" on a drafted agenda and on the meeting: one rule, overdue at the meeting (%s)', (kind) => {
  let t: TestApp;
  let chair: TestUser, boardId: string, planId: string, actionId: string;
  afterAll(() => t.close());

  beforeAll(async () => {
    // The plan starts on 1 September; its one action is due "immediately", on 29 September.
    t = await createTestApp(kind, {}, '2026-09-10T09:00:00Z');
    const world = await newBoardWorld(t);
    ({ chair, boardId } = world);
    const plan = await newActivePlan(t, world, { publishedOn: '2026-09-01', findings: [{ timescale: 'immediately', text: 'audit case supervision' }] });
    ({ planId } = plan);
    actionId = plan.actionIds[0];
  });

  const newMeeting = async (date: string) =>
    (await t.http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(chair)).send({ date, planId }).expect(201)).body.id as string;
  /** The item's "who has been told" as the draft answers it and as the meeting shows it. */
  const toldBoth = async (id: string) => {
    const drafted: Item[] = (await t.http().post(`/api/v1/meetings/${id}/agenda/draft`).set(bearer(chair)).expect(201)).body.items;
    const shown: Item[] = (await t.http().get(`/api/v1/meetings/${id}`).set(bearer(chair)).expect(200)).body.agenda.items;
    const page = await t.http().get(`/meetings/${id}`).set(bearer(chair)).set(HTML).expect(200);
    return { drafted: drafted.find((i) => i.actionId === actionId)!.told, shown: shown.find((i) => i.actionId === actionId)!.told, page: page.text };
  };

  it('says nothing of it before the due date of an action due before a meeting to come, and lists it once the date has passed', async () => {
    const id = await newMeeting('2026-10-13');
    const before = await toldBoth(id);
    expect(before.drafted).toBeNull();
    expect(before.shown).toBeNull();
    expect(before.page).not.toContain('Who has been told');

    t.clock.set('2026-10-01T09:00:00Z');
    const after = await toldBoth(id);
    expect(after.drafted).toEqual([]);
    expect(after.shown).toEqual([]);
    expect(after.page).toContain('Who has been told');
  });

  it('says nothing of it for a meeting that has passed before the action fell due', async () => {
    // Today the action is two days overdue; at the meeting of 22 September it was due a week later.
    t.clock.set('2026-10-01T09:00:00Z');
    const id = await newMeeting('2026-09-22');
    const past = await toldBoth(id);
    expect(past.drafted).toBeNull();
    expect(past.shown).toBeNull();
  });
});
