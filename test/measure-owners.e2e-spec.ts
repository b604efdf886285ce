import { DataSource } from 'typeorm';
import { AuditEvent } from '@app/database/entities';
import { bearer, createTestApp, DB_KINDS, newAuthority, newUser, sessionCookie, TestApp, TestUser } from './support';

type Body = Record<string, unknown>;

describe.each(DB_KINDS)("measures' owners and the next value due (%s)", (kind) => {
  let t: TestApp;
  let admin: TestUser, owner: TestUser, viewer: TestUser, stranger: TestUser;
  let measureId: string;

  const list = async (user: TestUser) => (await t.http().get('/api/v1/measures').set(bearer(user)).expect(200)).body as Body[];
  const patch = (user: TestUser, id: string, body: Body) => t.http().patch(`/api/v1/measures/${id}`).set(bearer(user)).send(body);

  beforeAll(async () => {
    t = await createTestApp(kind, {}, '2026-11-23T09:00:00Z'); // 2026/27 Q3 is under way; Q2's values were due on 14 October
    const authority = await newAuthority(t);
    admin = await newUser(t, authority.id, ['admin']);
    owner = await newUser(t, authority.id, ['manager']);
    viewer = await newUser(t, authority.id, ['viewer']);
    stranger = await newUser(t, (await newAuthority(t)).id, ['admin']);
    measureId = (
      await t.http().post('/api/v1/measures').set(bearer(admin)).send({ name: 'Re-referrals within 12 months', unit: 'percent', polarity: 'lower' }).expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it("gives each measure's next value: the quarter just ended, overdue past its deadline, then the quarter under way", async () => {
    expect((await list(viewer))[0]).toMatchObject({
      id: measureId,
      ownerId: null,
      nextValue: { period: '2026/27 Q2', dueDate: '2026-10-14', status: 'overdue' },
    });
    await t
      .http()
      .post(`/api/v1/measures/${measureId}/values`)
      .set(bearer(admin))
      .send({ period: '2026/27 Q2', value: 22.6, commentary: 'Front door triage' })
      .expect(201);
    expect((await list(viewer))[0]).toMatchObject({ nextValue: { period: '2026/27 Q3', dueDate: '2027-01-15', status: 'upcoming' } });
    t.clock.set('2027-01-04T09:00:00Z');
    expect((await list(viewer))[0]).toMatchObject({ nextValue: { period: '2026/27 Q3', dueDate: '2027-01-15', status: 'due' } });
    t.clock.set('2026-11-23T09:00:00Z');
  });

  it('assigns and clears the owner, audited; refuses a stranger, a non-member and a missing ownerId, changing nothing', async () => {
    await patch(viewer, measureId, { ownerId: owner.id }).expect(403);
    await patch(stranger, measureId, { ownerId: owner.id }).expect(404);
    await patch(admin, measureId, { ownerId: stranger.id }).expect(404);
    const missing = await patch(admin, measureId, {}).expect(400);
    expect(missing.body.error.message).toMatch(/Give ownerId/);
    await patch(admin, measureId, { ownerId: 'someone' }).expect(400);
    expect((await list(viewer))[0]).toMatchObject({ ownerId: null });

    const given = await patch(admin, measureId, { ownerId: owner.id }).expect(200);
    expect(given.body).toMatchObject({ id: measureId, ownerId: owner.id, nextValue: { period: '2026/27 Q3', status: 'upcoming' } });
    await patch(admin, measureId, { ownerId: owner.id }).expect(200);
    expect((await list(viewer))[0]).toMatchObject({ ownerId: owner.id });
    await patch(admin, measureId, { ownerId: null }).expect(200);
    expect((await list(viewer))[0]).toMatchObject({ ownerId: null });

    const audit = await t.app
      .get(DataSource)
      .manager.find(AuditEvent, { where: { entityId: measureId, event: 'measure_owner_changed' }, order: { seq: 'ASC' } });
    expect(audit.map((e) => [JSON.parse(e.before!).ownerId, JSON.parse(e.after!).ownerId])).toEqual([
      [null, owner.id],
      [owner.id, null],
    ]);
  });

  it('assigns the owner on the measures page, saying so, and refuses a form without a measure', async () => {
    const HTML = { Accept: 'text/html,application/xhtml+xml' };
    const cookie = await sessionCookie(t, admin.email);
    const page = await t.http().get('/measures').set(HTML).set('Cookie', cookie).expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const send = (form: Body) =>
      t
        .http()
        .post('/measures/owner')
        .set(HTML)
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrf, ...form });

    const refused = await send({ ownerMeasureId: '', ownerId: owner.id }).expect(400);
    expect(refused.text).toContain('Choose the measure');
    expect((await list(viewer))[0]).toMatchObject({ ownerId: null });
    await send({ ownerMeasureId: measureId, ownerId: owner.id }).expect(303).expect('Location', '/measures?saved=owner');
    expect((await list(viewer))[0]).toMatchObject({ ownerId: owner.id });
    const saved = await t.http().get('/measures?saved=owner').set(HTML).set('Cookie', cookie).expect(200);
    expect(saved.text).toContain('owner has been changed');
    await send({ ownerMeasureId: measureId, ownerId: '' }).expect(303);
    expect((await list(viewer))[0]).toMatchObject({ ownerId: null });
  });

  it('shows the next value and its deadline on the measures page', async () => {
    const page = await t.http().get('/measures').set(bearer(viewer)).expect(200);
    expect(page.text).toContain('2026/27 Q3 by 15 January 2027');
    expect(page.text).toContain('Not yet due');
    expect(page.text).not.toMatch(/Change a measure(&#39;|')s owner/);
    const adminPage = await t.http().get('/measures').set(bearer(admin)).expect(200);
    expect(adminPage.text).toMatch(/Change a measure(&#39;|')s owner/);
    expect(adminPage.text).toMatch(/<form method="post" action="\/measures\/owner"/);
  });
});
