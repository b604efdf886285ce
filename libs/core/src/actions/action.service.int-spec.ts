import { DB_KINDS } from '@app/testing/test-database';
import { newCouncil, useMedium } from '@app/testing/medium';
import { PlanService } from '../plans/plan.service';
import { ActionRepositories } from './action.repository';
import { ActionService } from './action.service';

describe.each(DB_KINDS)('ActionService on a real database (%s)', (kind) => {
  const medium = useMedium(kind);

  it('gives concurrent creates in one plan distinct refs', async () => {
    const council = await newCouncil(medium.ds);
    const plan = await medium.get(PlanService).create(council.admin, { title: 'Plan', boardId: council.boardId, startDate: '2026-01-05' });
    const actions = medium.get(ActionService);
    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => actions.create(council.admin, plan.id, { title: `Action ${i}` })));
    expect(created.map((a) => a.ref).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']);
  });

  it('creates many at once as one by one: own refs kept where free, the rest numbered on from the highest A number, none clashing', async () => {
    const council = await newCouncil(medium.ds);
    const plan = await medium.get(PlanService).create(council.admin, { title: 'Plan', boardId: council.boardId, startDate: '2026-01-05' });
    const actions = medium.get(ActionService);
    await actions.create(council.admin, plan.id, { title: 'First' });
    await actions.create(council.admin, plan.id, { title: 'Second', ref: '2.1' });
    const created = await actions.createMany(council.admin, plan.id, [
      { title: 'No ref' },
      { title: 'Keeps A4', ref: 'A4' },
      { title: 'Taken in the plan', ref: '2.1' },
      { title: 'Keeps its own', ref: '3.1' },
      { title: 'Repeats one of the batch', ref: '3.1' },
      { title: 'Also no ref', timescale: 'three_months' },
    ]);
    expect(created.map((a) => [a.title, a.ref])).toEqual([
      ['No ref', 'A5'],
      ['Keeps A4', 'A4'],
      ['Taken in the plan', 'A6'],
      ['Keeps its own', '3.1'],
      ['Repeats one of the batch', 'A7'],
      ['Also no ref', 'A8'],
    ]);
    expect(created[5].dueDate).toBe('2026-04-05');
    const next = await actions.create(council.admin, plan.id, { title: 'After them' });
    expect(next.ref).toBe('A9');
    // A tracker's ref that only looks like ours, with a number too long to count on from, is kept and skipped.
    await actions.create(council.admin, plan.id, { title: 'Odd ref', ref: 'A99999999999' });
    expect((await actions.create(council.admin, plan.id, { title: 'Then' })).ref).toBe('A10');
  });

  it('makes a new action from the plan: due date from the timescale, amber from the warning window', async () => {
    const council = await newCouncil(medium.ds);
    const plan = await medium.get(PlanService).create(council.admin, {
      title: 'Plan',
      boardId: council.boardId,
      startDate: '2026-01-05',
      settings: { warningWindowDays: 10 },
    });
    const action = await medium.get(ActionService).create(council.admin, plan.id, { title: 'Do it', timescale: 'three_months', ownerId: council.owner.id });
    expect(action).toMatchObject({ ref: 'A1', dueDate: '2026-04-05', status: 'not_started', ownerId: council.owner.id });
  });

  it("reaches no row of another council's action, its children included, through a repository made for this council", async () => {
    const [ours, theirs] = [await newCouncil(medium.ds), await newCouncil(medium.ds)];
    const plan = await medium.get(PlanService).create(theirs.admin, { title: 'Theirs', boardId: theirs.boardId, startDate: '2026-01-05' });
    const actions = medium.get(ActionService);
    const action = await actions.create(theirs.admin, plan.id, { title: 'Theirs' });
    await actions.addNote(theirs.chair, action.id, 'A note');
    const milestone = await actions.addMilestone(theirs.chair, action.id, 'A milestone', null);
    await actions.update(theirs.admin, action.id, { version: action.version, dueDate: '2026-09-01' });

    const repository = medium.get(ActionRepositories).for(ours.authorityId);
    expect(await repository.find(action.id)).toBeNull();
    expect(await repository.ofPlan(plan.id)).toEqual([]);
    expect(await repository.findMilestone(action.id, milestone.id)).toBeNull();
    expect(await repository.children(action.id)).toEqual({ findings: [], milestones: [], notes: [], evidence: [], dueDateHistory: [] });
    expect((await medium.get(ActionRepositories).for(theirs.authorityId).children(action.id)).notes).toHaveLength(1);
  });
});
