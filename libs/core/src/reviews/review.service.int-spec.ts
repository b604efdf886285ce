import { Action, type Review } from '@app/database/entities';
import { PeopleRepository } from '@app/database/repositories/people.repository';
import { Transactions } from '@app/database/transactions';
import { Quarter, parseQuarter, previousQuarter, quarterInstants } from '@app/domain';
import { Actor } from '@app/core';
import { newCouncil, useMedium } from '@app/testing/medium';
import { DB_KINDS } from '@app/testing/test-database';
import { ActionService } from '../actions/action.service';
import { AuditService } from '../audit/audit.service';
import { EvidenceService } from '../evidence/evidence.service';
import { Clock } from '../clock';
import { MeasureValueRepository } from '../measures/measure-value.repository';
import { MeasureValueService } from '../measures/measure-value.service';
import { MeasureService } from '../measures/measure.service';
import { PlanService } from '../plans/plan.service';
import { ReviewRepositories } from './review.repository';
import { ReviewService } from './review.service';

/** Quarters from the first to the last, oldest first. */
function quartersUpTo(first: string, last: string): Quarter[] {
  const quarters = [parseQuarter(last)];
  while (quarters[0].label !== first) quarters.unshift(previousQuarter(quarters[0]));
  return quarters;
}

const monthsOf = (quarter: Quarter) =>
  [0, 1, 2].map((i) => {
    const [year, month] = quarter.start.split('-').map(Number);
    const m = month + i;
    return `${year}-${String(m).padStart(2, '0')}`;
  });

describe.each(DB_KINDS)('a draft review reads only what its pack shows (%s)', (kind) => {
  const medium = useMedium(kind, '2026-11-23T09:00:00.000Z');

  it('builds the same pack as from every value, every replaced value and the whole council, over years of values and corrections', async () => {
    const council = await newCouncil(medium.ds);
    const commissioner: Actor = { ...council.admin, roles: ['commissioner'] };
    const clock = medium.get(Clock);
    const measures = medium.get(MeasureService);
    const values = medium.get(MeasureValueService);
    const reviews = medium.get(ReviewService);
    const enter = (measureId: string, period: string, value: number, reason?: string) =>
      values.enter(council.admin, measureId, { period, value, national: value + 1, commentary: `On ${period}`, reason });

    clock.set('2021-03-01T09:00:00.000Z');
    const plan = await medium.get(PlanService).create(council.chair, { title: 'Plan', boardId: council.boardId, startDate: '2021-04-01' });
    const action = await medium
      .get(ActionService)
      .create(council.chair, plan.id, { title: 'Fewer re-referrals', ownerId: council.owner.id, dueDate: '2026-10-15' });
    const quarterly = await measures.create(council.admin, {
      name: 'Re-referrals',
      unit: 'percent',
      polarity: 'lower',
      target: 20,
      tolerance: 1,
      ownerId: council.owner.id,
    });
    const monthly = await measures.create(council.admin, { name: 'Plans', unit: 'count', polarity: 'band', bandLow: 100, bandHigh: 120, rollup: 'average' });
    const unlinked = await measures.create(council.admin, { name: 'Unlinked', unit: 'count', polarity: 'higher', target: 5 });
    for (const m of [quarterly, monthly]) await measures.link(council.admin, action.id, m.id, true);

    // Five years of values up to the last review's quarter: quarterly, monthly and one not on the plan.
    clock.set('2026-07-01T09:00:00.000Z');
    for (const [i, q] of quartersUpTo('2021/22 Q1', '2026/27 Q1').entries()) {
      await enter(quarterly.id, q.label, 18 + (i % 5));
      await enter(unlinked.id, q.label, i);
      for (const [j, month] of monthsOf(q).entries()) await enter(monthly.id, month, 100 + i + j);
    }
    // Corrected before the last review was signed: not flagged.
    clock.set('2026-07-10T09:00:00.000Z');
    await enter(quarterly.id, '2022/23 Q1', 30, 'Recount');

    clock.set('2026-07-20T09:00:00.000Z');
    const last = await reviews.create(commissioner, plan.id, '2026/27 Q1');
    await reviews.signOff(commissioner, last.id);

    // After it was signed: corrections of quarters it covered (one corrected twice, and one long before
    // the trend), a correction of a later quarter, and new values.
    clock.set('2026-08-03T09:00:00.000Z');
    await enter(quarterly.id, '2021/22 Q2', 25, 'Late audit');
    await enter(quarterly.id, '2026/27 Q1', 21.5, 'Recount');
    await enter(monthly.id, '2026-05', 150, 'Typo');
    await enter(unlinked.id, '2026/27 Q1', 50, 'Not on the plan');
    clock.set('2026-10-05T09:00:00.000Z');
    await enter(monthly.id, '2026-05', 140, 'Typo again');
    await enter(quarterly.id, '2026/27 Q2', 19.5);
    await enter(monthly.id, '2026-07', 118);
    await enter(quarterly.id, '2026/27 Q2', 19, 'Recount');

    clock.set('2026-11-23T09:00:00.000Z');
    const draft = await reviews.create(commissioner, plan.id, '2026/27 Q3');
    const read = jest.spyOn(MeasureValueRepository.prototype, 'valuesInQuarters');
    const corrections = jest.spyOn(MeasureValueRepository.prototype, 'correctionsSince');
    const narrow = await reviews.get(council.authorityId, draft.id);

    // The old path: every value, every replaced value, and the whole council's names.
    read.mockImplementation(function (this: MeasureValueRepository, ids: string[]) {
      return this.values(ids);
    });
    corrections.mockImplementation(function (this: MeasureValueRepository, ids: string[]) {
      return this.values(ids, true);
    });
    const names = jest.spyOn(PeopleRepository.prototype, 'names').mockImplementation(async function (this: PeopleRepository) {
      const people = new Map((await this.list()).map((p) => [p.id, p.displayName]));
      return { people, organisations: new Map(), managesAnyone: false };
    });
    try {
      const everything = await reviews.get(council.authorityId, draft.id);
      expect(narrow.pack).toEqual(everything.pack);
    } finally {
      read.mockRestore();
      corrections.mockRestore();
      names.mockRestore();
    }

    // The fixture shows what it is about: eight quarters of trend, an owner, and corrections of replaced rows too.
    const [plans, rereferrals] = narrow.pack.measures;
    expect(rereferrals).toMatchObject({ name: 'Re-referrals', owner: 'owner', value: null });
    expect(rereferrals.trend.map((p) => p.quarter)).toEqual(quartersUpTo('2024/25 Q4', '2026/27 Q3').map((q) => q.label));
    // The average of 2026-04, 2026-05 as corrected twice, and 2026-06.
    expect(plans.trend.find((p) => p.quarter === '2026/27 Q1')?.value).toBe(Math.round(((120 + 140 + 122) / 3) * 100) / 100);
    expect(narrow.pack.correctedSinceLastReview.map((c) => [c.name, c.period, c.was, c.now])).toEqual([
      ['Plans', '2026-05', 121, 150],
      ['Plans', '2026-05', 150, 140],
      ['Re-referrals', '2021/22 Q2', 19, 25],
      ['Re-referrals', '2026/27 Q1', 18, 21.5],
    ]);
  });

  it("counts the plan's actions completed and verified in the quarter, from the audit trail, and no one else's", async () => {
    const council = await newCouncil(medium.ds);
    const other = await newCouncil(medium.ds);
    const commissioner: Actor = { ...council.admin, roles: ['commissioner'] };
    const clock = medium.get(Clock);
    const actions = medium.get(ActionService);
    const plans = medium.get(PlanService);
    clock.set('2026-06-01T09:00:00.000Z');
    const plan = await plans.create(council.chair, { title: 'Plan', boardId: council.boardId, startDate: '2026-04-01' });
    const elsewhere = await plans.create(council.chair, { title: 'Another plan', boardId: council.boardId, startDate: '2026-04-01' });
    const theirs = await plans.create(other.chair, { title: 'Their plan', boardId: other.boardId, startDate: '2026-04-01' });
    const action = async (actor: Actor, planId: string, title: string) =>
      (await actions.create(actor, planId, { title, ownerId: actor.userId, dueDate: '2027-03-31' })).id;
    const [doneNow, doneBefore, verifiedNow, reopened, untouched, doneAfter, throughService] = await Promise.all(
      ['Done now', 'Done before', 'Verified now', 'Reopened', 'Untouched', 'Done after', 'Through the service'].map((t) => action(council.chair, plan.id, t)),
    );
    const onAnotherPlan = await action(council.chair, elsewhere.id, 'On another plan');
    const onTheirPlan = await action(other.chair, theirs.id, 'Theirs');
    const statusAt = (at: string, entityId: string, status: string, authorityId = council.authorityId) => {
      clock.set(at);
      const event = status === 'verified' ? 'action_verified' : 'action_status_changed';
      const record = { authorityId, entityType: 'action', entityId, event, actorId: null, after: { status } };
      // As ActionService records a change: the action's row says when it last changed.
      const transactions = medium.get(Transactions);
      return transactions.run(async () => {
        await medium.get(AuditService).record(record);
        await transactions.manager.update(Action, { id: entityId }, { updatedAt: at });
      });
    };
    await statusAt('2026-09-30T22:59:59.999Z', doneBefore, 'completed'); // 23:59 in London: the quarter before
    for (const id of [doneNow, verifiedNow, reopened, onAnotherPlan]) await statusAt('2026-10-02T09:00:00.000Z', id, 'completed');
    await statusAt('2026-10-02T09:00:00.000Z', onTheirPlan, 'completed', other.authorityId);
    await statusAt('2026-11-02T09:00:00.000Z', verifiedNow, 'verified');
    await statusAt('2026-11-03T09:00:00.000Z', reopened, 'in_progress');
    await statusAt('2026-11-04T09:00:00.000Z', untouched, 'in_progress');
    await statusAt('2027-01-01T00:00:00.000Z', doneAfter, 'completed'); // midnight in London: the next quarter
    // As the product records them: started, evidenced, completed, then verified by the board.
    clock.set('2026-11-10T09:00:00.000Z');
    let version = (await actions.changeStatus(council.chair, throughService, { version: 1, status: 'in_progress' })).version;
    await medium.get(EvidenceService).addLink(council.chair, throughService, 'Audit report', 'https://example.org/audit');
    version = (await actions.changeStatus(council.chair, throughService, { version, status: 'completed' })).version;
    await actions.changeStatus(council.chair, throughService, { version, status: 'verified' });

    clock.set('2026-11-23T09:00:00.000Z');
    const { pack } = await medium.get(ReviewService).create(commissioner, plan.id, '2026/27 Q3');
    const titles = (list: { title: string }[]) => list.map((a) => a.title).sort();
    expect(titles(pack.actions.completedThisQuarter)).toEqual(['Done now', 'Reopened', 'Through the service', 'Verified now']);
    expect(titles(pack.actions.verifiedThisQuarter)).toEqual(['Through the service', 'Verified now']);
    // Read by the plan's actions: another plan's changes are not read at all.
    const { from, to } = quarterInstants(parseQuarter('2026/27 Q3'));
    const read = await medium.get(ReviewRepositories).for(council.authorityId).quarterActions(plan.id, from, to);
    const pairs = read.statusesReached.map((e) => `${e.actionId} ${e.status}`).sort();
    const expected = [`${doneNow} completed`, `${reopened} completed`, `${verifiedNow} completed`, `${verifiedNow} verified`];
    expect(pairs).toEqual([...expected, `${throughService} completed`, `${throughService} verified`].sort());
  });

  it('lists the reviews as the full list has them, without their frozen packs', async () => {
    const council = await newCouncil(medium.ds);
    const commissioner: Actor = { ...council.admin, roles: ['commissioner'] };
    const reviews = medium.get(ReviewService);
    const plans = await Promise.all(
      ['One', 'Two'].map((title) => medium.get(PlanService).create(council.chair, { title, boardId: council.boardId, startDate: '2026-04-01' })),
    );
    for (const plan of plans) {
      await reviews.signOff(commissioner, (await reviews.create(commissioner, plan.id, '2026/27 Q2')).id);
      await reviews.create(commissioner, plan.id, '2026/27 Q3');
    }
    const withoutFrozen = (list: Review[]) => list.map(({ frozen: _frozen, ...summary }) => summary);
    const full = await reviews.list(council.authorityId);
    expect(full.filter((r) => r.frozen !== null)).toHaveLength(2);
    expect(await reviews.summaries(council.authorityId)).toEqual(withoutFrozen(full));
    expect(await reviews.summaries(council.authorityId, plans[1].id)).toEqual(withoutFrozen(await reviews.list(council.authorityId, plans[1].id)));
    expect(await reviews.summaries(council.authorityId, plans[1].id)).toHaveLength(2);
  });
});
