import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, SAMPLE_REPORT, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

describe.each(DB_KINDS)("the admin's plan forms keep the API's rules (%s)", (kind) => {
  let t: TestApp;
  let admin: TestUser;
  let planId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    admin = await newUser(t, authority.id, ['admin']);
    const member = await newUser(t, authority.id, ['board_member']);
    const boardId = (await newBoard(t, await newUser(t, authority.id, ['board_chair']), [member])).id;
    const imported = await t.http().post('/api/v1/documents/import').set(bearer(member)).attach('file', Buffer.from(SAMPLE_REPORT), 'r.txt').expect(201);
    const plan = await t
      .http()
      .post('/api/v1/plans')
      .set(bearer(member))
      .send({ title: 'Plan', boardId, documentIds: [imported.body.id] })
      .expect(201);
    planId = plan.body.id;
  });
  afterAll(() => t.close());

  const plan = async () => (await t.http().get(`/api/v1/plans/${planId}`).set(bearer(admin)).expect(200)).body;
  const rules = async () => (await t.http().get(`/api/v1/plans/${planId}/reminder-rules`).set(bearer(admin)).expect(200)).body;
  const post = (form: string, values: Record<string, string>) =>
    t.http().post(`/admin/plans/${planId}/${form}`).set(HTML).set(bearer(admin)).type('form').send(values);
  const settings = async (changes: Record<string, string>) => {
    const { version } = await plan();
    return post('settings', { version: String(version), immediateWindowDays: '28', defaultHorizonMonths: '12', warningWindowDays: '14', ...changes });
  };
  const reminders = (changes: Record<string, string>) =>
    post('reminders', {
      sendTime: '08:00',
      beforeDays: '14, 7, 1',
      overdueOwnerDays: '1',
      managerAfterDays: '7',
      chairAfterDays: '28',
      overdueRepeatDays: '7',
      ...changes,
    });

  it('refuses settings out of the API range or not whole numbers, saying which, and changes nothing', async () => {
    const before = await plan();
    const res = await settings({ warningWindowDays: '400', defaultHorizonMonths: 'twelve' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a href="#warningWindowDays">Days before the due date an action turns amber must be a whole number from 0 to 365</a>');
    expect(res.text).toContain('<a href="#defaultHorizonMonths">Months allowed when no timescale is given must be a whole number from 1 to 60</a>');
    expect(await plan()).toEqual(before);
  });

  it('saves settings the API would accept', async () => {
    expect((await settings({ warningWindowDays: '21' })).status).toBe(303);
    expect((await plan()).warningWindowDays).toBe(21);
  });

  it('refuses reminder rules the API would refuse, and changes nothing', async () => {
    const before = await rules();
    const res = await reminders({ sendTime: '', beforeDays: '14, 0', chairAfterDays: '366' }).expect(400);
    expect(res.text).toContain('<a href="#sendTime">Enter the time as hours and minutes on the 24-hour clock, like 08:00</a>');
    expect(res.text).toContain('<a href="#beforeDays">Enter up to 10 whole numbers of days from 1 to 365');
    expect(res.text).toContain(
      '<a href="#chairAfterDays">Days overdue before the board chair is told must be a whole number from 1 to 365, or blank to turn it off</a>',
    );
    expect(await rules()).toEqual(before);
  });

  it('saves reminder rules, a blank escalation turned off and the days in order', async () => {
    await reminders({ beforeDays: '1, 14, 7, 7', chairAfterDays: '' }).expect(303);
    expect(await rules()).toMatchObject({ beforeDays: [14, 7, 1], chairAfterDays: null, sendTime: '08:00' });
  });

  it('sets how often an overdue action’s owner is reminded again, or turns it off', async () => {
    const page = await t.http().get(`/admin/plans/${planId}`).set(HTML).set(bearer(admin)).expect(200);
    expect(page.text).toContain('While an action stays overdue, remind the owner again every');
    const refused = await reminders({ overdueRepeatDays: '0' }).expect(400);
    expect(refused.text).toContain(
      '<a href="#overdueRepeatDays">Days between reminders while an action stays overdue must be a whole number from 1 to 365, or blank to turn it off</a>',
    );
    await reminders({ overdueRepeatDays: '3' }).expect(303);
    expect(await rules()).toMatchObject({ overdueRepeatDays: 3 });
    await reminders({ overdueRepeatDays: '' }).expect(303);
    expect(await rules()).toMatchObject({ overdueRepeatDays: null });
  });
});
