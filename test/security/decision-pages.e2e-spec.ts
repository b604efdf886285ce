import { ActionService, Actor, PlanService } from '@app/core';
import { Role } from '@app/domain';
import { bearer, createTestApp, newAuthority, newBoard, newUser, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

/** The values a page offers for a radio group, in order. */
const choices = (html: string, name: string) => [...html.matchAll(new RegExp(`name="${name}" type="radio" value="([^"]*)"`, 'g'))].map((m) => m[1]);
const forms = (html: string) =>
  [...html.matchAll(/<form method="post" action="\/actions\/[\w-]+\/([\w/-]+)"/g)].map((m) => m[1]).filter((f) => !f.startsWith('milestones/'));
const nav = (html: string) =>
  [
    ['Import a report', '/import'],
    ['Admin', '/admin'],
  ]
    .filter(([, href]) => html.includes(`class="govuk-service-navigation__link" href="${href}"`))
    .map(([text]) => text);

describe('pages offer only the decisions the policy gives the person (an overdue action of an active plan)', () => {
  let t: TestApp;
  const people = {} as Record<'owner' | 'manager' | 'member' | 'chair' | 'admin' | 'viewer', TestUser>;
  let actionId: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const authority = await newAuthority(t);
    const roles: Record<keyof typeof people, Role> = {
      owner: 'viewer',
      manager: 'manager',
      member: 'board_member',
      chair: 'board_chair',
      admin: 'admin',
      viewer: 'viewer',
    };
    for (const [key, role] of Object.entries(roles)) people[key as keyof typeof people] = await newUser(t, authority.id, [role]);
    const chair: Actor = { userId: people.chair.id, authorityId: authority.id, roles: ['board_chair'] };
    const board = await newBoard(t, people.chair);
    const plan = await t.get(PlanService).create(chair, { title: 'Plan', boardId: board.id, startDate: '2026-06-01' });
    await t.get(PlanService).activate(chair, plan.id, plan.version);
    // Made in October, when its due date was still ahead (a due date before today is refused).
    t.clock.set('2026-10-01T09:00:00Z');
    const action = await t
      .get(ActionService)
      .create(chair, plan.id, { title: 'Audit case files', dueDate: '2026-11-01', ownerId: people.owner.id, managerId: people.manager.id });
    actionId = action.id;
    t.clock.set('2026-11-23T09:00:00Z');
  });
  afterAll(() => t.close());

  const page = async (who: keyof typeof people) => (await t.http().get(`/actions/${actionId}`).set(HTML).set(bearer(people[who])).expect(200)).text;

  it.each([
    // who, status choices, RAG choices, forms
    ['owner', ['in_progress', 'completed', 'blocked'], [], ['status', 'rag', 'evidence', 'evidence/link', 'evidence/note', 'milestones', 'notes']],
    [
      'manager',
      ['in_progress', 'completed', 'blocked'],
      ['', 'red', 'amber'],
      ['status', 'rag', 'evidence', 'evidence/link', 'evidence/note', 'milestones', 'notes'],
    ],
    [
      'member',
      ['in_progress', 'completed', 'blocked'],
      ['', 'red', 'amber'],
      ['status', 'rag', 'evidence', 'evidence/link', 'evidence/note', 'milestones', 'notes'],
    ],
    [
      'chair',
      ['in_progress', 'completed', 'blocked', 'cancelled'],
      ['', 'blue', 'red', 'amber', 'green'],
      ['status', 'rag', 'evidence', 'evidence/link', 'evidence/note', 'milestones', 'due-date', 'notes'],
    ],
    ['admin', [], [], []],
    ['viewer', [], [], []],
  ] as const)('%s', async (who, statuses, rags, offered) => {
    const html = await page(who);
    expect({ statuses: choices(html, 'status'), rags: choices(html, 'ragOverride'), forms: forms(html) }).toEqual({ statuses, rags, forms: offered });
  });

  it('shows "Import a report" to the people who set plans up and "Admin" to the admin', async () => {
    expect(nav(await page('owner'))).toEqual([]);
    expect(nav(await page('member'))).toEqual(['Import a report']);
    expect(nav(await page('admin'))).toEqual(['Import a report', 'Admin']);
  });

  it("lets the owner flag the action at risk from the page while the chair's rating stands", async () => {
    const rated = await t
      .http()
      .patch(`/api/v1/actions/${actionId}`)
      .set(bearer(people.chair))
      .send({ version: 1, ragOverride: 'green', ragOverrideReason: 'Recovery plan agreed' })
      .expect(200);
    await t
      .http()
      .post(`/actions/${actionId}/rag`)
      .set(HTML)
      .set(bearer(people.owner))
      .type('form')
      .send({ version: rated.body.version, atRisk: 'yes' })
      .expect(303);
    const after = (await t.http().get(`/api/v1/actions/${actionId}`).set(bearer(people.owner)).expect(200)).body;
    expect(after).toMatchObject({ atRisk: true, rag: { override: 'green', overrideReason: 'Recovery plan agreed' } });
    // The member sees the chair's colour as the one standing, but not green as a choice of their own.
    expect(choices(await page('member'), 'ragOverride')).toEqual(['', 'red', 'amber', 'green']);
  });

  it("refuses an owner's cancellation from the page with the reason, and changes nothing", async () => {
    const current = (await t.http().get(`/api/v1/actions/${actionId}`).set(bearer(people.owner))).body;
    const refused = await t
      .http()
      .post(`/actions/${actionId}/status`)
      .set(HTML)
      .set(bearer(people.owner))
      .type('form')
      .send({ version: current.version, status: 'cancelled', reason: 'Not needed' })
      .expect(400);
    expect(refused.text).toContain('Only the board chair can cancel an action (a board decision).');
    expect((await t.http().get(`/api/v1/actions/${actionId}`).set(bearer(people.owner))).body).toMatchObject({
      status: 'not_started',
      version: current.version,
    });
  });
});
