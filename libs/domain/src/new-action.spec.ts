import { DEFAULT_PLAN_SETTINGS } from './plan-settings';
import { actionRef, newActionFields, warnFromOf } from './new-action';

const plan = { ...DEFAULT_PLAN_SETTINGS, startDate: '2026-01-05', warningWindowDays: 10 };

describe('newActionFields', () => {
  it('numbers the ref, computes the due date from the timescale and warns from the plan window', () => {
    expect(newActionFields(plan, 3, 'three_months')).toMatchObject({
      ref: 'A3',
      dueDate: '2026-04-05',
      warnFrom: '2026-03-26',
      status: 'not_started',
      version: 1,
    });
  });

  it('keeps a due date set by hand', () => {
    expect(newActionFields(plan, 1, 'immediately', '2026-02-20')).toMatchObject({ dueDate: '2026-02-20', warnFrom: '2026-02-10' });
  });

  it('has no warning day without a due date', () => {
    expect(warnFromOf(null, 14)).toBeNull();
    expect(actionRef(12)).toBe('A12');
  });
});
