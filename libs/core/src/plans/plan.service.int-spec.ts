import { DB_KINDS } from '@app/testing/test-database';
import { newCouncil, useMedium } from '@app/testing/medium';
import { Action, Plan } from '@app/database/entities';
import { ACTION_HOOKS, ActionHook } from '../actions/action-hooks';
import { ActionService } from '../actions/action.service';
import { Transactions } from '@app/database/transactions';
import { PlanService } from './plan.service';

describe.each(DB_KINDS)('PlanService on a real database (%s)', (kind) => {
  const medium = useMedium(kind);

  it("recomputes a draft plan's due dates from the timescales when its start date or settings change, keeping those set by hand", async () => {
    const council = await newCouncil(medium.ds);
    const plans = medium.get(PlanService);
    const actions = medium.get(ActionService);
    const plan = await plans.create(council.admin, { title: 'Plan', boardId: council.boardId, startDate: '2026-01-05' });
    const derived = await actions.create(council.admin, plan.id, { title: 'Derived', timescale: 'three_months' });
    const immediate = await actions.create(council.admin, plan.id, { title: 'Immediate', timescale: 'immediately' });
    const byHand = await actions.create(council.admin, plan.id, { title: 'By hand', timescale: 'immediately', dueDate: '2026-03-20' });
    expect([derived.dueDate, immediate.dueDate]).toEqual(['2026-04-05', '2026-02-02']);

    const moved = await plans.update(council.admin, plan.id, { version: plan.version, startDate: '2026-02-02' });
    await plans.update(council.admin, plan.id, { version: moved.version, settings: { immediateWindowDays: 14, warningWindowDays: 7 } });

    const dueDates = await Promise.all([derived, immediate, byHand].map(async (a) => (await actions.get(council.admin, a.id)).dueDate));
    expect(dueDates).toEqual(['2026-05-02', '2026-02-16', '2026-03-20']);
  });

  it("carries a closed plan's open actions into its successor, linked to the originals, and leaves the closed ones", async () => {
    const council = await newCouncil(medium.ds);
    const plans = medium.get(PlanService);
    const actions = medium.get(ActionService);
    const plan = await plans.create(council.admin, { title: 'First', boardId: council.boardId, startDate: '2026-01-05' });
    const open = await actions.create(council.admin, plan.id, { title: 'Open', ownerId: council.owner.id });
    const started = await actions.create(council.admin, plan.id, { title: 'Started' });
    const dropped = await actions.create(council.admin, plan.id, { title: 'Dropped' });
    await actions.changeStatus(council.chair, started.id, { version: started.version, status: 'in_progress' });
    await actions.changeStatus(council.chair, dropped.id, { version: dropped.version, status: 'cancelled', reason: 'Overtaken by events' });
    const active = await plans.activate(council.admin, plan.id, plan.version);
    await plans.close(council.admin, plan.id, active.version);
    const next = await plans.create(council.admin, { title: 'Second', boardId: council.boardId, startDate: '2026-06-01' });
    await actions.create(council.admin, next.id, { title: 'Already there' });

    expect(await plans.carryOver(council.admin, plan.id, next.id)).toBe(2);

    const { items } = await actions.list(council.admin, { planId: next.id, sort: { field: 'ref', direction: 'asc' }, page: 1, pageSize: 10 });
    expect(items.map((a) => [a.ref, a.title, a.carriedFromId, a.status])).toEqual([
      ['A1', 'Already there', null, 'not_started'],
      ['A2', 'Open', open.id, 'not_started'],
      ['A3', 'Started', started.id, 'in_progress'],
    ]);
    const originals = await Promise.all([open, started, dropped].map(async (a) => (await actions.get(council.admin, a.id)).status));
    expect(originals).toEqual(['carried_over', 'carried_over', 'cancelled']);
    expect((await plans.get(council.authorityId, next.id)).predecessorId).toBe(plan.id);
  });

  it("hands a plan's activation to the action hooks as one batch, inside the activation's transaction", async () => {
    const council = await newCouncil(medium.ds);
    const plans = medium.get(PlanService);
    const actions = medium.get(ActionService);
    const plan = await plans.create(council.admin, { title: 'Plan', boardId: council.boardId, startDate: '2026-01-05' });
    for (const title of ['One', 'Two', 'Three']) await actions.create(council.admin, plan.id, { title });
    const calls: { one: number; batches: string[][]; inTransaction: boolean[] } = { one: 0, batches: [], inTransaction: [] };
    const transactions = medium.get(Transactions);
    const hook: ActionHook = {
      afterActionChange: async () => void calls.one++,
      afterActionsChange: async (batch: Action[], of: Plan) => {
        calls.batches.push(batch.map((a) => `${of.status}:${a.ref}`));
        calls.inTransaction.push(transactions.inTransaction);
      },
    };
    const hooks = medium.moduleRef.get<ActionHook[]>(ACTION_HOOKS);
    hooks.push(hook);
    try {
      await plans.activate(council.admin, plan.id, plan.version);
    } finally {
      hooks.splice(hooks.indexOf(hook), 1);
    }
    expect(calls).toEqual({ one: 0, batches: [['active:A1', 'active:A2', 'active:A3']], inTransaction: [true] });
  });
});
