import type { Test } from 'supertest';
import { ActionService, Actor, EvidenceService, MeasureService, PlanService } from '@app/core';
import { ALL_DECISIONS, Decision, may, refusal, Relation, Role, ROLES } from '@app/domain';
import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from '../support';

/**
 * Every action decision of the policy table, tried over HTTP by every role in every relationship to
 * the action (none, its owner, the owner's manager), each on a fresh action in the state the change
 * starts from. A refusal is a 403 that changes nothing; an allowed change is made.
 */
type Relationship = 'none' | Relation;
type Details = Awaited<ReturnType<ActionService['get']>>;

interface Cell {
  t: TestApp;
  id: string;
  version: number;
  planId: string;
  user: TestUser;
}

interface Scenario {
  plan: 'draft' | 'active';
  /** Brings the fresh action (made by the set-up chair) to the state the change starts from. */
  setup?: (action: Details) => Promise<unknown>;
  attempt: (c: Cell) => Test;
  /** The change is there. */
  made: (after: Details) => boolean;
  /** A decision about a new action: no relationship to try. */
  noAction?: boolean;
}

const OVERDUE = '2026-11-01';

/** Makes an action as of October, when OVERDUE was still ahead (a due date already past is refused), so it is overdue today. */
async function madeInOctober<T>(t: TestApp, work: () => Promise<T>): Promise<T> {
  const now = t.clock.nowIso();
  t.clock.set('2026-10-15T09:00:00Z');
  try {
    return await work();
  } finally {
    t.clock.set(now);
  }
}
const LATER = '2027-03-31';

describe.each(DB_KINDS)('the decision policy over HTTP (%s)', (kind) => {
  let t: TestApp;
  let setup: Actor;
  const people = {} as Record<Role, TestUser>;
  let otherOwner: TestUser, otherManager: TestUser, target: TestUser;
  let plans: Record<'draft' | 'active', string>;
  let measureId: string;

  const services = () => ({ actions: t.get(ActionService), evidence: t.get(EvidenceService) });
  const status = (to: string, reason?: string) => async (a: Details) =>
    services().actions.changeStatus(setup, a.id, { version: (await services().actions.get(setup, a.id)).version, status: to as never, reason });
  const steps =
    (...fns: ((a: Details) => Promise<unknown>)[]) =>
    async (a: Details) => {
      for (const fn of fns) await fn(a);
    };
  const withEvidence = (a: Details) => services().evidence.addNote(setup, a.id, 'Audit', 'All cases checked');
  const patch = (body: object) => (c: Cell) =>
    c.t
      .http()
      .patch(`/api/v1/actions/${c.id}`)
      .set(bearer(c.user))
      .send({ version: c.version, ...body });
  const post = (path: string, body: object) => (c: Cell) => c.t.http().post(`/api/v1/actions/${c.id}/${path}`).set(bearer(c.user)).send(body);
  const statusPost = (to: string, reason?: string) => (c: Cell) =>
    c.t.http().post(`/api/v1/actions/${c.id}/status`).set(bearer(c.user)).send({ version: c.version, status: to, reason });

  const SCENARIOS: Record<string, Scenario> = {
    'action.note': { plan: 'active', attempt: post('notes', { body: 'Rota agreed' }), made: (a) => a.notes.length === 1 },
    'action.evidence': {
      plan: 'active',
      attempt: post('evidence/note', { title: 'Minutes', note: 'Agreed on 3 March' }),
      made: (a) => a.evidence.length === 1,
    },
    'action.milestone': { plan: 'active', attempt: post('milestones', { title: 'Train team managers' }), made: (a) => a.milestones.length === 1 },
    'action.status.in_progress': { plan: 'active', attempt: statusPost('in_progress'), made: (a) => a.status === 'in_progress' },
    'action.status.completed': {
      plan: 'active',
      setup: steps(status('in_progress'), withEvidence),
      attempt: statusPost('completed'),
      made: (a) => a.status === 'completed',
    },
    'action.status.not_started': { plan: 'active', setup: status('in_progress'), attempt: statusPost('not_started'), made: (a) => a.status === 'not_started' },
    'action.status.blocked': { plan: 'active', attempt: statusPost('blocked', 'Waiting for the supplier'), made: (a) => a.status === 'blocked' },
    'action.status.cancelled': {
      plan: 'active',
      setup: status('in_progress'),
      attempt: statusPost('cancelled', 'Superseded'),
      made: (a) => a.status === 'cancelled',
    },
    'action.status.verified': {
      plan: 'active',
      setup: steps(status('in_progress'), withEvidence, status('completed')),
      attempt: (c) => c.t.http().post(`/api/v1/actions/${c.id}/verify`).set(bearer(c.user)).send({ version: c.version, comment: 'Evidence accepted' }),
      made: (a) => a.status === 'verified',
    },
    'action.status.sent_back': {
      plan: 'active',
      setup: steps(status('in_progress'), withEvidence, status('completed')),
      attempt: statusPost('in_progress'),
      made: (a) => a.status === 'in_progress',
    },
    'action.atRisk': { plan: 'active', attempt: patch({ atRisk: true }), made: (a) => a.atRisk },
    'action.rag.red': { plan: 'active', attempt: patch({ ragOverride: 'red', ragOverrideReason: 'Key post vacant' }), made: (a) => a.rag.override === 'red' },
    'action.rag.amber': {
      plan: 'active',
      attempt: patch({ ragOverride: 'amber', ragOverrideReason: 'Key post vacant' }),
      made: (a) => a.rag.override === 'amber',
    },
    'action.rag.green': {
      plan: 'active',
      attempt: patch({ ragOverride: 'green', ragOverrideReason: 'Nearly there' }),
      made: (a) => a.rag.override === 'green',
    },
    'action.rag.blue': { plan: 'active', attempt: patch({ ragOverride: 'blue', ragOverrideReason: 'Done really' }), made: (a) => a.rag.effective === 'blue' },
    'action.rag.clear': {
      plan: 'active',
      setup: async (a) => services().actions.update(setup, a.id, { version: a.version, ragOverride: 'amber', ragOverrideReason: 'Key post vacant' }),
      attempt: patch({ ragOverride: null }),
      made: (a) => a.rag.override === null,
    },
    // The people are made in beforeAll, after this table: read the target's id when the attempt runs.
    'action.owner.draft': { plan: 'draft', attempt: (c) => patch({ ownerId: target.id })(c), made: (a) => a.ownerId === target.id },
    'action.owner.active': { plan: 'active', attempt: (c) => patch({ ownerId: target.id })(c), made: (a) => a.ownerId === target.id },
    'action.manager.draft': { plan: 'draft', attempt: (c) => patch({ managerId: target.id })(c), made: (a) => a.managerId === target.id },
    'action.manager.active': { plan: 'active', attempt: (c) => patch({ managerId: target.id })(c), made: (a) => a.managerId === target.id },
    'action.dueDate.draft': { plan: 'draft', attempt: patch({ dueDate: LATER }), made: (a) => a.dueDate === LATER },
    'action.dueDate.active': {
      plan: 'active',
      attempt: patch({ dueDate: LATER, dueDateReason: 'Board agreed: recruitment delay' }),
      made: (a) => a.dueDate === LATER && a.dueDateHistory.length === 1,
    },
    'action.details': { plan: 'active', attempt: patch({ title: 'Audit every case file' }), made: (a) => a.title === 'Audit every case file' },
    'action.measures': {
      plan: 'active',
      attempt: (c) => c.t.http().put(`/api/v1/actions/${c.id}/measures/${measureId}`).set(bearer(c.user)),
      made: (a) => a.measures.length === 1,
    },
    'action.create': {
      plan: 'active',
      noAction: true,
      attempt: (c) => c.t.http().post(`/api/v1/plans/${c.planId}/actions`).set(bearer(c.user)).send({ title: 'A new action' }),
      made: () => true,
    },
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    for (const role of ROLES) people[role] = await newUser(t, authority.id, [role]);
    const chair = await newUser(t, authority.id, ['board_chair']);
    setup = { userId: chair.id, authorityId: authority.id, roles: ['board_chair'] };
    otherOwner = await newUser(t, authority.id, ['viewer']);
    otherManager = await newUser(t, authority.id, ['manager']);
    target = await newUser(t, authority.id, ['viewer']);
    const board = await newBoard(t, chair);
    const planService = t.get(PlanService);
    const draft = await planService.create(setup, { title: 'Draft plan', boardId: board.id, startDate: '2026-06-01' });
    const active = await planService.create(setup, { title: 'Active plan', boardId: board.id, startDate: '2026-06-01' });
    await planService.activate(setup, active.id, active.version);
    plans = { draft: draft.id, active: active.id };
    measureId = (await t.get(MeasureService).create(setup, { name: 'Re-referrals', unit: 'percent', polarity: 'lower' })).id;
  });
  afterAll(() => t.close());

  /** A fresh overdue action whose owner and manager put the person in the relationship. */
  async function freshAction(scenario: Scenario, user: TestUser, relationship: Relationship): Promise<Details> {
    const { actions } = services();
    const created = await madeInOctober(t, () =>
      actions.create(setup, plans[scenario.plan], {
        title: 'Audit case files',
        dueDate: OVERDUE,
        ownerId: relationship === 'owner' ? user.id : otherOwner.id,
        managerId: relationship === 'manager' ? user.id : otherManager.id,
      }),
    );
    const action = await actions.get(setup, created.id);
    await scenario.setup?.(action);
    return actions.get(setup, created.id);
  }

  /** What is wrong with one cell, or null when the app answered as the table says. */
  async function tryCell(decision: Decision, scenario: Scenario, role: Role, relationship: Relationship, prepared?: Details): Promise<string | null> {
    const user = people[role];
    const allowed = may({ roles: [role], relations: relationship === 'none' ? [] : [relationship] }, decision);
    const cell = `${role}/${relationship}`;
    const { actions } = services();
    const planId = plans[scenario.plan];
    if (scenario.noAction) {
      const before = (await actions.list(setup, { planId, page: 1, pageSize: 1 })).total;
      const response = await scenario.attempt({ t, id: '', version: 0, planId, user });
      const after = (await actions.list(setup, { planId, page: 1, pageSize: 1 })).total;
      if (allowed)
        return response.status < 300 && after === before + 1
          ? null
          : `${cell}: expected the change, got ${response.status} ${JSON.stringify(response.body.error ?? '')}`;
      return response.status === 403 && after === before ? null : `${cell}: expected 403 and no change, got ${response.status}`;
    }
    const before = prepared ?? (await freshAction(scenario, user, relationship));
    const response = await scenario.attempt({ t, id: before.id, version: before.version, planId, user });
    const after = await actions.get(setup, before.id);
    if (allowed) {
      return response.status < 300 && scenario.made(after)
        ? null
        : `${cell}: expected the change, got ${response.status} ${JSON.stringify(response.body.error ?? '')}`;
    }
    if (response.status !== 403) return `${cell}: expected 403, got ${response.status}`;
    // The service names who may decide; a route that lets only some roles in refuses before it, naming them.
    const message = String(response.body.error?.message);
    if (message !== refusal(decision) && !/^Only .+ can do this\./.test(message)) return `${cell}: refused with "${message}"`;
    return JSON.stringify(after) === JSON.stringify(before) ? null : `${cell}: refused but the action changed`;
  }

  it('has a scenario for every action decision in the table', () => {
    expect(ALL_DECISIONS.filter((d) => d.startsWith('action.') && !SCENARIOS[d])).toEqual([]);
  });

  it.each(ALL_DECISIONS.filter((d) => d.startsWith('action.')))('%s: allowed exactly where the table says, by role and relationship', async (decision) => {
    const scenario = SCENARIOS[decision];
    const relationships: Relationship[] = scenario.noAction ? ['none'] : ['none', 'owner', 'manager'];
    const cells = ROLES.flatMap((role) => relationships.map((relationship) => [role, relationship] as const));
    // Each cell has its own action, made one by one (made in October, the clock moves), then the cells run together;
    // new actions are counted, so those cells run one by one.
    const problems: (string | null)[] = [];
    if (scenario.noAction) for (const [role, relationship] of cells) problems.push(await tryCell(decision, scenario, role, relationship));
    else {
      const prepared: Details[] = [];
      for (const [role, relationship] of cells) prepared.push(await freshAction(scenario, people[role], relationship));
      problems.push(...(await Promise.all(cells.map(([role, relationship], i) => tryCell(decision, scenario, role, relationship, prepared[i])))));
    }
    expect(problems.filter(Boolean)).toEqual([]);
  });
});

describe.each(DB_KINDS)('an owner with the viewer role, on their own overdue action of an active plan (%s)', (kind) => {
  let t: TestApp;
  let owner: TestUser, manager: TestUser, colleague: TestUser;
  let action: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    const chair = await newUser(t, authority.id, ['board_chair']);
    manager = await newUser(t, authority.id, ['manager']);
    owner = await newUser(t, authority.id, ['viewer'], { managerId: manager.id });
    colleague = await newUser(t, authority.id, ['viewer']);
    const asChair: Actor = { userId: chair.id, authorityId: authority.id, roles: ['board_chair'] };
    const board = await newBoard(t, chair);
    const plan = await t.get(PlanService).create(asChair, { title: 'Plan', boardId: board.id, startDate: '2026-06-01' });
    await t.get(PlanService).activate(asChair, plan.id, plan.version);
    action = await madeInOctober(t, () => t.get(ActionService).create(asChair, plan.id, { title: 'Audit case files', dueDate: OVERDUE, ownerId: owner.id }));
  });
  afterAll(() => t.close());

  const attempt = (path: string, body: object) =>
    t
      .http()
      .post(`/api/v1/actions/${action.id}/${path}`)
      .set(bearer(owner))
      .send({ version: action.version, ...body });
  const edit = (body: object) =>
    t
      .http()
      .patch(`/api/v1/actions/${action.id}`)
      .set(bearer(owner))
      .send({ version: action.version, ...body });
  const unchanged = async () => {
    const now = (await t.http().get(`/api/v1/actions/${action.id}`).set(bearer(owner)).expect(200)).body;
    expect(now).toMatchObject({
      version: action.version,
      status: 'not_started',
      ownerId: owner.id,
      managerId: manager.id,
      rag: { override: null, effective: 'red' },
    });
  };

  it('cannot rate it blue, the colour of verified', async () => {
    const refused = await edit({ ragOverride: 'blue', ragOverrideReason: 'Nearly done' }).expect(403);
    expect(refused.body.error.message).toBe("Only the board chair can set an action's RAG rating to blue (a board decision).");
    await unchanged();
  });

  it('cannot cancel it, which would stop every reminder and escalation', async () => {
    await attempt('status', { status: 'cancelled', reason: 'No longer needed' }).expect(403);
    await unchanged();
  });

  it('cannot make themselves its manager, so the manager escalation still goes to their manager', async () => {
    await edit({ managerId: owner.id }).expect(403);
    await unchanged();
  });

  it('cannot hand it to someone else', async () => {
    await edit({ ownerId: colleague.id }).expect(403);
    await unchanged();
  });

  it('still does their own work on it: a progress note and the at-risk flag', async () => {
    await t.http().post(`/api/v1/actions/${action.id}/notes`).set(bearer(owner)).send({ body: 'Half the files audited' }).expect(201);
    const flagged = await edit({ atRisk: true }).expect(200);
    expect(flagged.body.atRisk).toBe(true);
    action = flagged.body;
  });
});
