import { DomainError } from './domain-error';
import { computeDueDate, todayInLondon } from './due-date';
import { DEFAULT_PLAN_SETTINGS, PlanSettings } from './plan-settings';
import { Timescale } from './timescale';

const moving: PlanSettings = { ...DEFAULT_PLAN_SETTINGS, moveOffNonWorkingDays: true };

describe('computeDueDate', () => {
  it.each<[Timescale, string]>([
    ['immediately', '2026-02-12'],
    ['three_months', '2026-04-15'],
    ['six_months', '2026-07-15'],
    ['unspecified', '2027-01-15'],
  ])('with the default settings, %s from 2026-01-15 is %s', (timescale, expected) => {
    expect(computeDueDate('2026-01-15', timescale, DEFAULT_PLAN_SETTINGS)).toBe(expected);
  });

  it('uses the plan immediate window and default horizon', () => {
    const settings = { ...DEFAULT_PLAN_SETTINGS, immediateWindowDays: 7, defaultHorizonMonths: 18 };
    expect(computeDueDate('2026-01-15', 'immediately', settings)).toBe('2026-01-22');
    expect(computeDueDate('2026-01-15', 'unspecified', settings)).toBe('2027-07-15');
    expect(computeDueDate('2026-01-15', 'three_months', settings)).toBe('2026-04-15');
    expect(computeDueDate('2026-01-15', 'immediately', { ...settings, immediateWindowDays: 0 })).toBe('2026-01-15');
  });

  it.each<[string, Timescale, string]>([
    ['2026-11-30', 'three_months', '2027-02-28'],
    ['2027-11-30', 'three_months', '2028-02-29'],
    ['2099-11-30', 'three_months', '2100-02-28'],
    ['2025-08-31', 'six_months', '2026-02-28'],
    ['2027-08-31', 'six_months', '2028-02-29'],
    ['2026-03-31', 'six_months', '2026-09-30'],
    ['2026-05-31', 'three_months', '2026-08-31'],
    ['2028-02-29', 'unspecified', '2029-02-28'],
    ['2026-12-31', 'three_months', '2027-03-31'],
    ['2026-12-10', 'immediately', '2027-01-07'],
    ['2028-02-01', 'immediately', '2028-02-29'],
    ['2100-02-01', 'immediately', '2100-03-01'],
  ])('%s %s is %s (month ends and leap years)', (start, timescale, expected) => {
    expect(computeDueDate(start, timescale, DEFAULT_PLAN_SETTINGS)).toBe(expected);
  });

  it.each<[string, Timescale, string]>([
    ['2026-03-28', 'immediately', '2026-04-25'],
    ['2026-03-28', 'three_months', '2026-06-28'],
    ['2026-03-29', 'immediately', '2026-04-26'],
    ['2026-10-24', 'immediately', '2026-11-21'],
    ['2026-10-24', 'six_months', '2027-04-24'],
    ['2026-10-25', 'three_months', '2027-01-25'],
    ['2026-03-01', 'immediately', '2026-03-29'],
    ['2026-09-27', 'immediately', '2026-10-25'],
  ])('%s %s is %s across a clock change', (start, timescale, expected) => {
    expect(computeDueDate(start, timescale, DEFAULT_PLAN_SETTINGS)).toBe(expected);
  });

  it('gives the same dates whatever the host time zone', () => {
    const original = process.env.TZ;
    const run = () =>
      (['immediately', 'three_months', 'six_months', 'unspecified'] as const).map((timescale) => computeDueDate('2026-03-28', timescale, moving));
    try {
      const results = ['UTC', 'Europe/London', 'America/New_York', 'Australia/Sydney'].map((zone) => {
        process.env.TZ = zone;
        return run();
      });
      // 2027-03-28 is Easter Sunday, after Good Friday 2027-03-26.
      for (const result of results) expect(result).toEqual(['2026-04-24', '2026-06-26', '2026-09-28', '2027-03-25']);
    } finally {
      process.env.TZ = original;
    }
  });

  describe('moving off non-working days', () => {
    it('moves a due date on Easter Monday back over the weekend and Good Friday', () => {
      expect(computeDueDate('2026-03-09', 'immediately', DEFAULT_PLAN_SETTINGS)).toBe('2026-04-06');
      expect(computeDueDate('2026-03-09', 'immediately', moving)).toBe('2026-04-02');
    });

    it.each<[string, Timescale, string, string]>([
      ['2026-03-14', 'three_months', '2026-06-14', '2026-06-12'],
      ['2026-03-14', 'six_months', '2026-09-14', '2026-09-14'],
      ['2026-06-28', 'six_months', '2026-12-28', '2026-12-24'],
      ['2021-09-27', 'three_months', '2021-12-27', '2021-12-24'],
      ['2025-12-31', 'six_months', '2026-06-30', '2026-06-30'],
      ['2026-08-31', 'six_months', '2027-02-28', '2027-02-26'],
      ['2026-03-01', 'immediately', '2026-03-29', '2026-03-27'],
    ])('%s %s: %s becomes %s', (start, timescale, onCalendar, moved) => {
      expect(computeDueDate(start, timescale, DEFAULT_PLAN_SETTINGS)).toBe(onCalendar);
      expect(computeDueDate(start, timescale, moving)).toBe(moved);
    });

    it('moves forward instead when moving back would put the due date before the start', () => {
      expect(computeDueDate('2026-04-04', 'immediately', { ...moving, immediateWindowDays: 0 })).toBe('2026-04-07');
      expect(computeDueDate('2026-04-03', 'immediately', { ...moving, immediateWindowDays: 1 })).toBe('2026-04-07');
    });
  });

  describe('invalid input', () => {
    it.each(['2026-02-30', '30/11/2026', '2026-11-30T00:00:00Z', ''])('rejects the start date %j', (start) => {
      expect(() => computeDueDate(start, 'three_months', DEFAULT_PLAN_SETTINGS)).toThrow(DomainError);
      expect(() => computeDueDate(start, 'three_months', DEFAULT_PLAN_SETTINGS)).toThrow(/start date .*YYYY-MM-DD/);
    });

    it('rejects an unknown timescale, listing the valid ones', () => {
      expect(() => computeDueDate('2026-01-15', 'soon' as Timescale, DEFAULT_PLAN_SETTINGS)).toThrow(
        expect.objectContaining({ code: 'invalid_timescale', message: expect.stringContaining('three_months') }),
      );
    });

    it('rejects invalid settings', () => {
      const bad = { ...DEFAULT_PLAN_SETTINGS, immediateWindowDays: -1 };
      expect(() => computeDueDate('2026-01-15', 'immediately', bad)).toThrow(expect.objectContaining({ code: 'invalid_settings' }));
    });
  });
});

describe('todayInLondon', () => {
  it.each([
    ['2026-03-28T23:30:00Z', '2026-03-28', 'GMT: London is on UTC'],
    ['2026-03-29T00:30:00Z', '2026-03-29', 'just before the clocks go forward'],
    ['2026-03-29T22:59:59Z', '2026-03-29', 'last second of the day in BST'],
    ['2026-03-29T23:00:00Z', '2026-03-30', 'BST: midnight in London is 23:00 UTC'],
    ['2026-06-30T23:30:00Z', '2026-07-01', 'summer'],
    ['2026-10-24T23:30:00Z', '2026-10-25', 'the night the clocks go back, still BST'],
    ['2026-10-25T23:30:00Z', '2026-10-25', 'after the clocks go back'],
    ['2026-12-31T23:59:59Z', '2026-12-31', 'new year in GMT'],
    ['2027-01-01T00:00:00Z', '2027-01-01', 'new year in GMT'],
  ])('%s is %s in London (%s)', (instant, expected) => {
    expect(todayInLondon(new Date(instant))).toBe(expected);
  });

  it('does not depend on the host time zone', () => {
    const original = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Auckland';
      expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
      process.env.TZ = 'America/Los_Angeles';
      expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    } finally {
      process.env.TZ = original;
    }
  });

  it('rejects an invalid instant', () => {
    expect(() => todayInLondon(new Date('not a date'))).toThrow(expect.objectContaining({ code: 'invalid_date' }));
  });
});
