import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };
const REASSIGN = 'Only the board chair can reassign an action on an active plan to a new owner (a board decision).';

describe.each(DB_KINDS)('web: the owners page asks the policy who may choose owners (%s)', (kind) => {
  let t: TestApp;
  let admin: TestUser;
  let chair: TestUser;
  let manager: TestUser;
  let owner: TestUser;
  let planId: string;
  let actionId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authorityId = (await newAuthority(t)).id;
    [admin, chair, manager, owner] = await Promise.all((['admin', 'board_chair', 'manager', 'viewer'] as const).map((r) => newUser(t, authorityId, [r])));
    const board = await newBoard(t, chair);
    planId = (await t.http().post('/api/v1/plans').set(bearer(manager)).send({ title: 'Owners plan', boardId: board.id, startDate: '2026-12-01' }).expect(201))
      .body.id;
    actionId = (
      await t
        .http()
        .post(`/api/v1/plans/${planId}/actions`)
        .set(bearer(manager))
        .send({ title: 'Audit case files', timescale: 'three_months', ownerId: owner.id })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t?.close());

  const open = (user: TestUser) => t.http().get(`/plans/${planId}/owners`).set(HTML).set(bearer(user));
  const ownerOf = async () => (await t.http().get(`/api/v1/actions/${actionId}`).set(bearer(admin)).expect(200)).body;

  it('on a draft, lets the people who set plans up choose owners, and offers activation only to those who may activate', async () => {
    const byManager = await open(manager).expect(200);
    expect(byManager.text).toContain(`name="owner-${actionId}"`);
    expect(byManager.text).not.toContain('Activate the plan');
    const byAdmin = await open(admin).expect(200);
    expect(byAdmin.text).toContain(`name="owner-${actionId}"`);
    expect(byAdmin.text).toContain('Activate the plan');
  });

  it('on an active plan, shows a manager the owners read-only, saying who can change them, and saves nothing they send', async () => {
    await t.http().post(`/api/v1/plans/${planId}/activate`).set(bearer(chair)).send({ version: 1 }).expect(201);
    const page = await open(manager).expect(200);
    expect(page.text).not.toContain(`name="owner-${actionId}"`);
    expect(page.text).not.toContain('Save owners');
    expect(page.text).toContain(owner.displayName);
    expect(page.text).toContain(REASSIGN);

    const before = await ownerOf();
    const sent = await t
      .http()
      .post(`/plans/${planId}/owners`)
      .set(HTML)
      .set(bearer(manager))
      .type('form')
      .send({ [`owner-${actionId}`]: manager.id, [`version-${actionId}`]: String(before.version) })
      .expect(403);
    expect(sent.text).toContain(REASSIGN);
    expect(await ownerOf()).toEqual(before);
  });

  it('on an active plan, lets the chair reassign', async () => {
    const page = await open(chair).expect(200);
    expect(page.text).toContain(`name="owner-${actionId}"`);
    expect(page.text).not.toContain(REASSIGN);
    const { version } = await ownerOf();
    await t
      .http()
      .post(`/plans/${planId}/owners`)
      .set(HTML)
      .set(bearer(chair))
      .type('form')
      .send({ [`owner-${actionId}`]: manager.id, [`version-${actionId}`]: String(version) })
      .expect(303);
    expect((await ownerOf()).ownerId).toBe(manager.id);
  });
});
