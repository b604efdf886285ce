import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from './support';

interface Listed {
  items: { title: string; ownerId: string | null; managerId: string | null }[];
  total: number;
}

describe.each(DB_KINDS)('actions by accountable manager over HTTP (%s)', (kind) => {
  let t: TestApp;
  let admin: TestUser, manager: TestUser, otherManager: TestUser, report: TestUser, newcomer: TestUser;
  let theirAdmin: TestUser, theirManager: TestUser;

  const list = async (user: TestUser, query: string) => (await t.http().get(`/api/v1/actions?${query}`).set(bearer(user)).expect(200)).body as Listed;
  const titles = (listed: Listed) => listed.items.map((a) => a.title).sort();

  beforeAll(async () => {
    t = await createTestApp(kind);
    const ours = (await newAuthority(t, 'Northshire')).id;
    admin = await newUser(t, ours, ['admin', 'board_chair']);
    manager = await newUser(t, ours, ['manager']);
    otherManager = await newUser(t, ours, ['manager']);
    report = await newUser(t, ours, ['viewer'], { managerId: manager.id });
    newcomer = await newUser(t, ours, ['viewer']);
    const board = await newBoard(t, admin);
    const plan = (await t.http().post('/api/v1/plans').set(bearer(admin)).send({ title: 'Plan', boardId: board.id, startDate: '2026-12-01' }).expect(201)).body;
    const add = (title: string, people: Record<string, string>) =>
      t
        .http()
        .post(`/api/v1/plans/${plan.id}/actions`)
        .set(bearer(admin))
        .send({ title, timescale: 'three_months', ...people })
        .expect(201);
    await add("Report's action: manager from the line manager", { ownerId: report.id });
    await add('Named manager', { ownerId: newcomer.id, managerId: manager.id });
    await add('Another manager named', { ownerId: report.id, managerId: otherManager.id });
    await add('No manager named yet', { ownerId: newcomer.id });
    await add('No owner, no manager', {});
    // The newcomer gets a line manager after their action was made: it names no manager, so theirs answers for it.
    await t.http().patch(`/api/v1/users/${newcomer.id}`).set(bearer(admin)).send({ managerId: manager.id }).expect(200);
    await add('Named other manager though the line manager is ours', { ownerId: newcomer.id, managerId: otherManager.id });

    const theirs = (await newAuthority(t, 'Southshire')).id;
    theirAdmin = await newUser(t, theirs, ['admin', 'board_chair']);
    theirManager = await newUser(t, theirs, ['manager']);
    const theirBoard = await newBoard(t, theirAdmin);
    const theirPlan = (
      await t.http().post('/api/v1/plans').set(bearer(theirAdmin)).send({ title: 'Their plan', boardId: theirBoard.id, startDate: '2026-12-01' }).expect(201)
    ).body;
    await t
      .http()
      .post(`/api/v1/plans/${theirPlan.id}/actions`)
      .set(bearer(theirAdmin))
      .send({ title: 'Their action', timescale: 'immediately', managerId: theirManager.id })
      .expect(201);
  });
  afterAll(() => t.close());

  it("lists the actions naming the manager, and those naming none whose owner's line manager they are", async () => {
    const mine = await list(manager, `managerId=${manager.id}`);
    expect(titles(mine)).toEqual(["Report's action: manager from the line manager", 'Named manager', 'No manager named yet'].sort());
    expect(mine.total).toBe(3);
    expect(titles(await list(admin, `managerId=${otherManager.id}`))).toEqual(
      ['Another manager named', 'Named other manager though the line manager is ours'].sort(),
    );
    expect((await list(admin, `managerId=${admin.id}`)).total).toBe(0);
  });

  it('combines with the other filters and keeps the list shape', async () => {
    const both = await list(admin, `managerId=${manager.id}&ownerId=${newcomer.id}`);
    expect(titles(both)).toEqual(['Named manager', 'No manager named yet']);
    const paged = await list(admin, `managerId=${manager.id}&pageSize=2&page=2&sort=title`);
    expect(paged).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(paged.items.map((a) => a.title)).toEqual(["Report's action: manager from the line manager"]);
    expect((await list(admin, `ownerId=${report.id}`)).total).toBe(2);
  });

  it("never shows another council's actions, whichever person's id is asked for", async () => {
    expect((await list(admin, `managerId=${theirManager.id}`)).total).toBe(0);
    expect((await list(theirManager, `managerId=${manager.id}`)).total).toBe(0);
    expect(titles(await list(theirManager, `managerId=${theirManager.id}`))).toEqual(['Their action']);
  });

  it('refuses a manager id that is not an id, saying what to send', async () => {
    const response = await t.http().get('/api/v1/actions?managerId=jo').set(bearer(admin)).expect(400);
    expect(response.body.error).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(response.body.error.message).toContain('managerId must be an id (a UUID)');
  });

  it('is in the OpenAPI document beside ownerId', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    const params = (doc.paths['/api/v1/actions'].get.parameters as { name: string; in: string; description?: string }[]).filter((p) => p.in === 'query');
    expect(params.map((p) => p.name)).toEqual(expect.arrayContaining(['ownerId', 'managerId']));
    expect(params.find((p) => p.name === 'managerId')?.description).toContain("owner's line manager");
  });
});
