import { DataSource } from 'typeorm';
import { OrganisationService } from '@app/core';
import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TEST_PASSWORD, TestApp, TestUser } from '../support';
import { statementsOf } from '../support/statement-log';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

/** A statement TypeORM's query builder wrote (`"Entity"."column" AS "Entity_column"`): an entity find, not fixed SQL. */
const BUILT = /"[A-Z]\w*"\."\w+" AS "[A-Z]\w*_\w+"/;
/** The whole council's people (every membership of the authority, not the ids of a page). */
const EVERY_MEMBER = /FROM "membership" m JOIN "app_user" u ON u\."id" = m\."userId"\s+WHERE m\."authorityId" = (\?|\$\d+) (ORDER BY|UNION)/;
/** Statements of the reminders hook (its own tables). */
const REMINDERS = /"reminder\w*"|"Reminder\w*"/;

/**
 * How many statements each main page and each hot write sends, pinned: a page or write that starts
 * sending more (a finder per row, the council's whole people list, a second read of the action) fails here.
 * The counts include authentication (one statement) and, for writes, BEGIN and COMMIT.
 */
describe.each(DB_KINDS)('statements per page and per write (%s)', (kind) => {
  let t: TestApp;
  let ds: DataSource;
  let chair: TestUser, manager: TestUser, owner: TestUser, other: TestUser, commissioner: TestUser;
  let planId: string;
  let actionId: string;
  const cookies = new Map<TestUser, string>();

  beforeAll(async () => {
    t = await createTestApp(kind);
    ds = t.get(DataSource);
    const authority = (await newAuthority(t, 'Northshire')).id;
    chair = await newUser(t, authority, ['admin', 'board_chair']);
    manager = await newUser(t, authority, ['manager']);
    owner = await newUser(t, authority, ['viewer'], { managerId: manager.id });
    other = await newUser(t, authority, ['viewer'], { managerId: manager.id });
    commissioner = await newUser(t, authority, ['commissioner']);
    // People no page here shows: naming a page's people must not read them.
    for (let i = 0; i < 5; i++) await newUser(t, authority, ['viewer']);
    const partner = await t.get(OrganisationService).create({ userId: chair.id, authorityId: authority, roles: ['admin'] }, 'NHS Northshire', 'nhs');
    const board = await newBoard(t, chair, [manager]);
    const plan = (await t.http().post('/api/v1/plans').set(bearer(chair)).send({ title: 'Plan', boardId: board.id, startDate: '2026-11-23' }).expect(201)).body;
    planId = plan.id;
    const add = (title: string, fields: Record<string, unknown>) =>
      t
        .http()
        .post(`/api/v1/plans/${planId}/actions`)
        .set(bearer(chair))
        .send({ title, ...fields })
        .expect(201);
    actionId = (await add('Audit case files', { timescale: 'immediately', ownerId: owner.id, organisationId: partner.id })).body.id;
    await add('Train the team', { timescale: 'three_months', ownerId: owner.id });
    await add('Review thresholds', { timescale: 'immediately', ownerId: other.id });
    await add('Publish the strategy', { timescale: 'six_months', ownerId: other.id });
    await add('Nobody yet', { timescale: 'immediately' });
    await t.http().post(`/api/v1/plans/${planId}/activate`).set(bearer(chair)).send({ version: plan.version }).expect(201);
    await t.http().post(`/api/v1/actions/${actionId}/notes`).set(bearer(owner)).send({ body: 'Started the audit' }).expect(201);
    await t.http().post(`/api/v1/actions/${actionId}/milestones`).set(bearer(owner)).send({ title: 'Half the files', dueDate: '2026-12-10' }).expect(201);
    await t
      .http()
      .post(`/api/v1/actions/${actionId}/evidence/link`)
      .set(bearer(chair))
      .send({ title: 'Audit tool', url: 'https://intranet.example.gov.uk/audit' })
      .expect(201);
    // Six weeks on, the immediate actions are overdue.
    t.clock.set('2027-01-04T09:00:00Z');
    for (const who of [chair, manager, owner, commissioner]) {
      const res = await t.http().post('/api/v1/auth/sign-in').send({ email: who.email, password: TEST_PASSWORD }).expect(200);
      cookies.set(who, String(res.headers['set-cookie']).split(';')[0]);
    }
  });
  afterAll(() => t?.close());

  const page = async (who: TestUser, path: string) => {
    let html = '';
    const sql = await statementsOf(ds, async () => {
      html = (await t.http().get(path).set(HTML).set('Cookie', cookies.get(who)!).expect(200)).text;
    });
    expect(sql.filter((s) => BUILT.test(s))).toEqual([]);
    return { sql, html };
  };

  it.each([
    ['an owner', () => owner, 7],
    ['a manager', () => manager, 7],
    // A commissioner's start page also lists this quarter's reviews of the active plans (two reads).
    ['a commissioner', () => commissioner, 8],
  ])("My actions of %s: one statement a region, naming only the page's people", async (_, who, count) => {
    const { sql, html } = await page(who(), '/');
    expect(sql).toHaveLength(count);
    expect(sql.filter((s) => EVERY_MEMBER.test(s))).toEqual([]);
    expect(html).toContain(who().displayName);
    if (who() === manager) {
      expect(html).toContain(owner.displayName);
      expect(html).toContain(other.displayName);
    }
  });

  it("a plan's dashboard: its filters offer only the plan's people and partners, their names read in one statement, and nothing is read twice", async () => {
    const { sql, html } = await page(chair, `/plans/${planId}`);
    expect(sql).toHaveLength(6);
    expect(sql.filter((s) => EVERY_MEMBER.test(s))).toEqual([]);
    expect(sql.filter((s) => s.includes('FROM "membership" m JOIN "app_user" u'))).toHaveLength(1);
    // The owners, the manager and the partner of the plan's actions; not the council's other people.
    const option = (name: string) => `>${name}</option>`;
    for (const name of [owner.displayName, other.displayName, manager.displayName, 'NHS Northshire']) expect(html).toContain(option(name));
    for (const name of [chair.displayName, commissioner.displayName]) expect(html).not.toContain(option(name));
  });

  it('an action: the action and its plan in one statement, then one a region, naming only the people on it', async () => {
    const { sql, html } = await page(chair, `/actions/${actionId}`);
    expect(sql).toHaveLength(11);
    expect(sql.filter((s) => s.includes('FROM "action"'))).toHaveLength(1);
    expect(sql.filter((s) => EVERY_MEMBER.test(s))).toEqual([]);
    for (const name of [owner.displayName, manager.displayName, chair.displayName, 'NHS Northshire']) expect(html).toContain(name);
  });

  it('notifications: the list, and the frame whose unread count the page shows too', async () => {
    const { sql } = await page(owner, '/notifications');
    expect(sql).toHaveLength(3);
  });

  const write = (path: string, body: object, status = 201) => statementsOf(ds, () => t.http().post(path).set(bearer(owner)).send(body).expect(status));
  const version = async () => (await t.http().get(`/api/v1/actions/${actionId}`).set(bearer(owner)).expect(200)).body.version as number;

  it('a status change that moves no reminder: the action with its plan, the versioned update and its audit, in one transaction', async () => {
    for (const status of ['in_progress', 'not_started']) {
      const sql = await write(`/api/v1/actions/${actionId}/status`, { version: await version(), status });
      expect(sql).toHaveLength(6);
      expect(sql[1]).toMatch(/^(BEGIN|START TRANSACTION)/);
      expect(sql[5]).toBe('COMMIT');
    }
  });

  it('a progress note: the action with its plan, the note and its audit, in one transaction', async () => {
    const sql = await write(`/api/v1/actions/${actionId}/notes`, { body: 'Half the files audited' });
    expect(sql).toHaveLength(6);
    expect(sql[5]).toBe('COMMIT');
  });

  it('completing an action counts its evidence, and the reminders hook runs in the same transaction', async () => {
    await write(`/api/v1/actions/${actionId}/status`, { version: await version(), status: 'in_progress' });
    const sql = await write(`/api/v1/actions/${actionId}/status`, { version: await version(), status: 'completed' });
    expect(sql.filter((s) => s.includes('FROM "evidence"'))).toHaveLength(1);
    expect(sql.filter((s) => !REMINDERS.test(s))).toHaveLength(7);
    expect(sql.filter((s) => REMINDERS.test(s)).length).toBeGreaterThan(0);
    expect(sql.at(-1)).toBe('COMMIT');
  });
});
