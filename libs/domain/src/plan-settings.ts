import { DomainError } from './domain-error';

export interface PlanSettings {
  /** Days from the plan's start to an "immediately" action's due date. */
  immediateWindowDays: number;
  /** Months from the plan's start to the due date of an action with no timescale. */
  defaultHorizonMonths: number;
  /** An open action due within this many days is amber. */
  warningWindowDays: number;
  /** Move a due date on a weekend or bank holiday to the working day before. */
  moveOffNonWorkingDays: boolean;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = Object.freeze({
  immediateWindowDays: 28,
  defaultHorizonMonths: 12,
  warningWindowDays: 14,
  moveOffNonWorkingDays: false,
});

function assertCount(value: unknown, min: number, message: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new DomainError('invalid_settings', `${message}, not ${String(value)}.`);
  }
}

export function assertPlanSettings(settings: PlanSettings): void {
  if (settings === null || typeof settings !== 'object') {
    throw new DomainError(
      'invalid_settings',
      'The plan settings are missing: give the immediate window, default horizon, warning window and working-day option.',
    );
  }
  assertCount(settings.immediateWindowDays, 0, 'The immediate window must be a whole number of days, 0 or more');
  assertCount(settings.defaultHorizonMonths, 1, 'The default horizon must be a whole number of months, 1 or more');
  assertCount(settings.warningWindowDays, 0, 'The warning window must be a whole number of days, 0 or more');
  if (typeof settings.moveOffNonWorkingDays !== 'boolean') {
    throw new DomainError('invalid_settings', 'Say whether due dates move off weekends and bank holidays: true or false.');
  }
}
