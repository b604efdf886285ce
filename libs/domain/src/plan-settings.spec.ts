import { DomainError } from './domain-error';
import { assertPlanSettings, DEFAULT_PLAN_SETTINGS, PlanSettings } from './plan-settings';
import { isTimescale, TIMESCALES } from './timescale';

describe('plan settings', () => {
  it('defaults to a 28-day immediate window, 12-month horizon, 14-day warning window and no working-day moves', () => {
    expect(DEFAULT_PLAN_SETTINGS).toEqual({
      immediateWindowDays: 28,
      defaultHorizonMonths: 12,
      warningWindowDays: 14,
      moveOffNonWorkingDays: false,
    });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_PLAN_SETTINGS)).toBe(true);
  });

  it('accepts the defaults and edge values', () => {
    expect(() => assertPlanSettings(DEFAULT_PLAN_SETTINGS)).not.toThrow();
    expect(() => assertPlanSettings({ immediateWindowDays: 0, defaultHorizonMonths: 1, warningWindowDays: 0, moveOffNonWorkingDays: true })).not.toThrow();
  });

  it.each<[string, Partial<Record<keyof PlanSettings, unknown>>, RegExp]>([
    ['a negative immediate window', { immediateWindowDays: -1 }, /immediate window/],
    ['a fractional immediate window', { immediateWindowDays: 1.5 }, /immediate window/],
    ['a zero horizon', { defaultHorizonMonths: 0 }, /default horizon/],
    ['a horizon given as text', { defaultHorizonMonths: '12' }, /default horizon/],
    ['a negative warning window', { warningWindowDays: -3 }, /warning window/],
    ['a missing warning window', { warningWindowDays: undefined }, /warning window/],
    ['a non-boolean working-day option', { moveOffNonWorkingDays: 'yes' }, /true or false/],
  ])('rejects %s', (_name, change, message) => {
    const settings = { ...DEFAULT_PLAN_SETTINGS, ...change } as PlanSettings;
    expect(() => assertPlanSettings(settings)).toThrow(DomainError);
    expect(() => assertPlanSettings(settings)).toThrow(message);
    expect(() => assertPlanSettings(settings)).toThrow(expect.objectContaining({ code: 'invalid_settings' }));
  });

  it('rejects missing settings', () => {
    expect(() => assertPlanSettings(null as unknown as PlanSettings)).toThrow(expect.objectContaining({ code: 'invalid_settings' }));
  });
});

describe('timescales', () => {
  it('lists the four timescales', () => {
    expect(TIMESCALES).toEqual(['immediately', 'three_months', 'six_months', 'unspecified']);
  });

  it.each([...TIMESCALES])('recognises %s', (value) => expect(isTimescale(value)).toBe(true));

  it.each(['soon', 'IMMEDIATELY', '', null, 3])('does not recognise %p', (value) => expect(isTimescale(value)).toBe(false));
});
