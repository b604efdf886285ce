import { ActionStatus } from './action-status';
import { addDays } from './calendar-date';
import { computeDueDate } from './due-date';
import { PlanSettings } from './plan-settings';
import { Timescale } from './timescale';

/** What a new action needs to know of its plan: where its due dates count from, and its settings. */
export interface PlanTerms extends PlanSettings {
  startDate: string;
}

/** Action reference numbers are A1, A2, … within a plan; the number is never reused. */
export const actionRef = (position: number): string => `A${position}`;

/**
 * The number of a plan's own ref ("A12" is 12); null for any other ref, such as a tracker's "2.3", or one
 * whose number is too long to count on from (a tracker's "A99999999999").
 */
export function planRefNumber(ref: string): number | null {
  const match = /^A(\d{1,9})$/.exec(ref);
  return match ? Number(match[1]) : null;
}

const REF_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Refs in reading order: A3 before A10, 2.3 before 2.10 (their numbers compared as numbers). */
export const compareRefs = (a: string, b: string): number => REF_ORDER.compare(a, b);

/** The longest ref an action can keep (a tracker's own ref, such as "2.3", included). */
export const ACTION_REF_MAX_LENGTH = 20;

/** The first day an open action is amber: its due date less the plan's warning window. */
export const warnFromOf = (dueDate: string | null, warningWindowDays: number): string | null => (dueDate ? addDays(dueDate, -warningWindowDays) : null);

/** A due date from the timescale, unless one was set by hand. */
export const dueDateOf = (plan: PlanTerms, timescale: Timescale, explicit?: string | null): string =>
  explicit ?? computeDueDate(plan.startDate, timescale, plan);

export interface NewActionFields {
  ref: string;
  timescale: Timescale;
  dueDate: string;
  warnFrom: string | null;
  status: ActionStatus;
  statusReason: null;
  atRisk: false;
  ragOverride: null;
  ragOverrideReason: null;
  version: 1;
}

/** The rule-bound fields of a new action with the ref it is given: its due date and the day it turns amber. */
export function newActionFields(plan: PlanTerms, ref: string, timescale: Timescale, dueDate?: string | null): NewActionFields {
  const due = dueDateOf(plan, timescale, dueDate);
  return {
    ref,
    timescale,
    dueDate: due,
    warnFrom: warnFromOf(due, plan.warningWindowDays),
    status: 'not_started',
    statusReason: null,
    atRisk: false,
    ragOverride: null,
    ragOverrideReason: null,
    version: 1,
  };
}
