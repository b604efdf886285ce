import { DomainError } from '@app/domain';
import {
  assertReminderRules,
  DEFAULT_REMINDER_RULES,
  latestDigestMonday,
  londonInstant,
  overdueRepeats,
  plannedReminders,
  withDefaults,
} from './reminder-rules';

describe('plannedReminders with the default rules', () => {
  const planned = plannedReminders('2026-06-30', DEFAULT_REMINDER_RULES);

  it('reminds the owner 14, 7 and 1 days before and on the due date', () => {
    expect(planned.filter((p) => p.audience === 'owner' && p.offsetDays <= 0).map((p) => [p.kind, p.sendDate])).toEqual([
      ['before_due', '2026-06-16'],
      ['before_due', '2026-06-23'],
      ['before_due', '2026-06-29'],
      ['due_today', '2026-06-30'],
    ]);
  });

  it('tells the owner the day after, the manager 7 days after and the chair 28 days after', () => {
    expect(planned.filter((p) => p.offsetDays > 0).map((p) => [p.kind, p.audience, p.sendDate])).toEqual([
      ['overdue', 'owner', '2026-07-01'],
      ['escalation_manager', 'manager', '2026-07-07'],
      ['escalation_chair', 'chair', '2026-07-28'],
    ]);
  });

  it('crosses month and year ends', () => {
    expect(plannedReminders('2027-01-03', DEFAULT_REMINDER_RULES)[0].sendDate).toBe('2026-12-20');
  });
});

describe("plannedReminders with a plan's own rules", () => {
  it("uses the plan's offsets and leaves out what is switched off", () => {
    const rules = withDefaults({ beforeDays: [3, 10, 3], onDueDate: false, managerAfterDays: 2, chairAfterDays: null });
    expect(plannedReminders('2026-05-20', rules).map((p) => `${p.kind}${p.offsetDays}`)).toEqual([
      'before_due-10',
      'before_due-3',
      'overdue1',
      'escalation_manager2',
    ]);
  });

  it('refuses rules that make no sense, saying what to fix', () => {
    expect(() => assertReminderRules(withDefaults({ sendTime: '8am' }))).toThrow(DomainError);
    expect(() => assertReminderRules(withDefaults({ beforeDays: [0] }))).toThrow(/1 or more/);
    expect(() => assertReminderRules(withDefaults({ chairAfterDays: 2.5 }))).toThrow(/chairAfterDays/);
    expect(() => assertReminderRules(withDefaults({ sendTime: '07:30', chairAfterDays: null }))).not.toThrow();
  });
});

describe('londonInstant: 08:00 in London right across the clock changes', () => {
  it.each([
    ['2026-03-28', '2026-03-28T08:00:00.000Z', 'the Saturday before the clocks go forward (GMT)'],
    ['2026-03-29', '2026-03-29T07:00:00.000Z', 'the day the clocks go forward (BST from 01:00)'],
    ['2026-03-30', '2026-03-30T07:00:00.000Z', 'the first Monday of BST'],
    ['2026-07-15', '2026-07-15T07:00:00.000Z', 'midsummer'],
    ['2026-10-24', '2026-10-24T07:00:00.000Z', 'the last day of BST'],
    ['2026-10-25', '2026-10-25T08:00:00.000Z', 'the day the clocks go back (GMT from 02:00)'],
    ['2026-12-25', '2026-12-25T08:00:00.000Z', 'winter'],
  ])('%s at 08:00 is %s (%s)', (date, expected) => {
    expect(londonInstant(date, '08:00')).toBe(expected);
  });

  it('keeps 24 hours between reminders except across a change', () => {
    const hours = (a: string, b: string) => (Date.parse(londonInstant(b, '08:00')) - Date.parse(londonInstant(a, '08:00'))) / 3_600_000;
    expect(hours('2026-03-28', '2026-03-29')).toBe(23);
    expect(hours('2026-10-24', '2026-10-25')).toBe(25);
    expect(hours('2026-06-01', '2026-06-02')).toBe(24);
  });

  it("honours a plan's own send time", () => {
    expect(londonInstant('2026-07-01', '17:30')).toBe('2026-07-01T16:30:00.000Z');
  });
});

describe('latestDigestMonday', () => {
  it.each([
    ['2026-03-30T07:00:00Z', '2026-03-30', 'Monday 08:00 BST exactly'],
    ['2026-03-30T06:59:59Z', '2026-03-23', "a second before: last week's"],
    ['2026-04-05T22:00:00Z', '2026-03-30', 'Sunday night'],
    ['2026-11-02T08:00:00Z', '2026-11-02', 'Monday 08:00 GMT'],
    ['2026-11-02T07:30:00Z', '2026-10-26', 'Monday 07:30 GMT'],
  ])('at %s it is %s (%s)', (at, monday) => {
    expect(latestDigestMonday(new Date(at))).toBe(monday);
  });
});

describe('overdueRepeats', () => {
  const noDigest = withDefaults({ weeklyDigest: false });
  const offsets = (due: string, rules = noDigest, today = due) => overdueRepeats(due, rules, today).map((p) => p.offsetDays);

  it('gives the next repeat a week after the first overdue reminder while the action is not yet that late', () => {
    expect(offsets('2026-06-30')).toEqual([8]);
    expect(offsets('2026-06-30', noDigest, '2026-07-05')).toEqual([8]);
  });

  it('gives the latest repeat reached and the next one, never the older ones', () => {
    expect(offsets('2026-06-30', noDigest, '2026-07-31')).toEqual([29, 36]);
    expect(offsets('2026-06-30', noDigest, '2026-07-08')).toEqual([8, 15]);
  });

  it("follows the plan's cadence, and none when repeats or the first overdue reminder are off", () => {
    expect(offsets('2026-06-30', withDefaults({ weeklyDigest: false, overdueRepeatDays: 3 }), '2026-07-10')).toEqual([10, 13]);
    expect(offsets('2026-06-30', withDefaults({ overdueRepeatDays: null }), '2026-07-31')).toEqual([]);
    expect(offsets('2026-06-30', withDefaults({ overdueOwnerDays: null }), '2026-07-31')).toEqual([]);
  });

  it('leaves a repeat on a Monday to the digest when the plan sends one', () => {
    // Due on Sunday 5 July 2026: every weekly repeat is a Monday.
    expect(offsets('2026-07-05', DEFAULT_REMINDER_RULES, '2026-08-05')).toEqual([]);
    // Every 3 days: on Monday 27 July (day 22) the latest repeat kept is the one before it, day 19.
    const threes = overdueRepeats('2026-07-05', withDefaults({ overdueRepeatDays: 3 }), '2026-07-27');
    expect(threes.map((p) => [p.offsetDays, p.sendDate])).toEqual([
      [19, '2026-07-24'],
      [25, '2026-07-30'],
    ]);
  });
});
