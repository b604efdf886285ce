import { DEFAULT_PLAN_SETTINGS } from './plan-settings';
import { actionRef, compareRefs, newActionFields, warnFromOf } from './new-action';

const plan = { ...DEFAULT_PLAN_SETTINGS, startDate: '2026-01-05', warningWindowDays: 10 };

describe('newActionFields', () => {
  it('keeps the ref given, computes the due date from the timescale and warns from the plan window', () => {
    expect(newActionFields(plan, actionRef(3), 'three_months')).toMatchObject({
      ref: 'A3',
      dueDate: '2026-04-05',
      warnFrom: '2026-03-26',
      status: 'not_started',
      version: 1,
    });
  });

  it('keeps a due date set by hand', () => {
    expect(newActionFields(plan, actionRef(1), 'immediately', '2026-02-20')).toMatchObject({ dueDate: '2026-02-20', warnFrom: '2026-02-10' });
  });

  it('has no warning day without a due date', () => {
    expect(warnFromOf(null, 14)).toBeNull();
    expect(actionRef(12)).toBe('A12');
  });
});

describe('compareRefs', () => {
  it('orders refs by their numbers, not their characters', () => {
    expect(['A10', 'A3', 'A1', 'A22', 'A2'].sort(compareRefs)).toEqual(['A1', 'A2', 'A3', 'A10', 'A22']);
    expect(['2.10', '2.3', '10.1', '2.1'].sort(compareRefs)).toEqual(['2.1', '2.3', '2.10', '10.1']);
  });
});
