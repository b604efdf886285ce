import { DateTime } from 'luxon';
import { addDays, daysBetween, DomainError, isoWeekday } from '@app/domain';

export const LONDON = 'Europe/London';

export const REMINDER_KINDS = [
  'before_due',
  'due_today',
  'overdue',
  'escalation_manager',
  'escalation_chair',
  'digest_owner',
  'digest_manager',
  'value_before_due',
  'value_due_today',
  'value_overdue',
  'value_escalation',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Who a kind of reminder is addressed to. */
export type Audience = 'owner' | 'manager' | 'chair';

/** The groups a user switches email on or off for. */
export const EMAIL_GROUPS = ['before_due', 'due_today', 'overdue', 'escalation', 'digest'] as const;
export type EmailGroup = (typeof EMAIL_GROUPS)[number];

export const KIND_GROUP: Record<ReminderKind, EmailGroup> = {
  before_due: 'before_due',
  due_today: 'due_today',
  overdue: 'overdue',
  escalation_manager: 'escalation',
  escalation_chair: 'escalation',
  digest_owner: 'digest',
  digest_manager: 'digest',
  value_before_due: 'before_due',
  value_due_today: 'due_today',
  value_overdue: 'overdue',
  value_escalation: 'escalation',
};

export const isDigestKind = (kind: string): boolean => kind === 'digest_owner' || kind === 'digest_manager';

/** Who each kind of action reminder is addressed to (digests are their reader's own). */
export const KIND_AUDIENCE: Partial<Record<ReminderKind, Audience>> = {
  before_due: 'owner',
  due_today: 'owner',
  overdue: 'owner',
  escalation_manager: 'manager',
  escalation_chair: 'chair',
  value_before_due: 'owner',
  value_due_today: 'owner',
  value_overdue: 'owner',
  value_escalation: 'manager',
};

/** Reminders to a measure's owner to enter a quarter's value (then to their line manager): the action ladder's steps, as measure kinds. */
export const MEASURE_KIND: Partial<Record<ReminderKind, ReminderKind>> = {
  before_due: 'value_before_due',
  due_today: 'value_due_today',
  overdue: 'value_overdue',
  escalation_manager: 'value_escalation',
};

export const isMeasureKind = (kind: string): boolean => kind.startsWith('value_');

/** A plan's reminder rules. Days after the due date are null when that reminder is switched off. */
export interface ReminderRules {
  /** Local time in Europe/London, HH:mm. */
  sendTime: string;
  /** Days before the due date the owner is reminded. */
  beforeDays: number[];
  onDueDate: boolean;
  overdueOwnerDays: number | null;
  managerAfterDays: number | null;
  chairAfterDays: number | null;
  /** While an action stays overdue, the owner is reminded again every this many days after the first overdue reminder (null: never). */
  overdueRepeatDays: number | null;
  /** Whether this plan's actions appear in the Monday digests. */
  weeklyDigest: boolean;
}

export const DEFAULT_REMINDER_RULES: ReminderRules = Object.freeze({
  sendTime: '08:00',
  beforeDays: Object.freeze([14, 7, 1]) as unknown as number[],
  onDueDate: true,
  overdueOwnerDays: 1,
  managerAfterDays: 7,
  chairAfterDays: 28,
  overdueRepeatDays: 7,
  weeklyDigest: true,
});

/**
 * The ladder for a quarter's value: the action defaults (14, 7 and 1 days before the deadline, on
 * it, the day after), then the owner's line manager 7 days after. No board chair (a measure has no
 * board) and no repeats: the next quarter's deadline follows.
 */
export const MEASURE_VALUE_RULES: ReminderRules = Object.freeze({
  ...DEFAULT_REMINDER_RULES,
  chairAfterDays: null,
  overdueRepeatDays: null,
  weeklyDigest: false,
});

/** The digests go out on Mondays, at the default send time. */
export const DIGEST_WEEKDAY = 1;

export function withDefaults(rules: Partial<ReminderRules> | null | undefined): ReminderRules {
  const merged = { ...DEFAULT_REMINDER_RULES, ...(rules ?? {}) };
  return { ...merged, beforeDays: [...merged.beforeDays] };
}

const invalid = (message: string) => new DomainError('invalid_settings', message);

export function assertReminderRules(rules: ReminderRules): void {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(rules.sendTime ?? ''))
    throw invalid(`The send time must be a time of day as HH:mm (for example 08:00), not "${String(rules.sendTime)}".`);
  if (!Array.isArray(rules.beforeDays) || rules.beforeDays.some((d) => !isDayCount(d) || d < 1)) {
    throw invalid('The days before the due date must be whole numbers of days, 1 or more (for example 14, 7, 1).');
  }
  for (const key of ['overdueOwnerDays', 'managerAfterDays', 'chairAfterDays', 'overdueRepeatDays'] as const) {
    const value = rules[key];
    if (value !== null && (!isDayCount(value) || value < 1)) throw invalid(`${key} must be a whole number of days, 1 or more, or null to switch it off.`);
  }
  if (typeof rules.onDueDate !== 'boolean' || typeof rules.weeklyDigest !== 'boolean') throw invalid('onDueDate and weeklyDigest must be true or false.');
}

const isDayCount = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value <= 3660;

export interface PlannedReminder {
  kind: ReminderKind;
  audience: Audience;
  offsetDays: number;
  /** The London calendar day it is sent on. */
  sendDate: string;
}

/** The reminders an open action with this due date gets under these rules. */
export function plannedReminders(dueDate: string, rules: ReminderRules): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  const add = (kind: ReminderKind, audience: Audience, offsetDays: number) =>
    planned.push({ kind, audience, offsetDays, sendDate: addDays(dueDate, offsetDays) });
  for (const days of [...new Set(rules.beforeDays)].sort((a, b) => b - a)) add('before_due', 'owner', -days);
  if (rules.onDueDate) add('due_today', 'owner', 0);
  if (rules.overdueOwnerDays !== null) add('overdue', 'owner', rules.overdueOwnerDays);
  if (rules.managerAfterDays !== null) add('escalation_manager', 'manager', rules.managerAfterDays);
  if (rules.chairAfterDays !== null) add('escalation_chair', 'chair', rules.chairAfterDays);
  return planned;
}

/**
 * The owner's overdue repeats around `today`: the latest sent by then (if any) and the next after it.
 * They follow the first overdue reminder every `overdueRepeatDays`; one that falls on a digest Monday
 * is left to the digest, which lists the action as overdue. Older repeats are history: only the
 * latest matters to a catch-up, and the next is made ahead of its day.
 */
export function overdueRepeats(dueDate: string, rules: ReminderRules, today: string): PlannedReminder[] {
  const first = rules.overdueOwnerDays;
  const every = rules.overdueRepeatDays;
  if (first === null || every === null) return [];
  const daysOverdue = daysBetween(dueDate, today);
  const folded = (offset: number) => rules.weeklyDigest && isoWeekday(addDays(dueDate, offset)) === DIGEST_WEEKDAY;
  const point = (offset: number): PlannedReminder => ({ kind: 'overdue', audience: 'owner', offsetDays: offset, sendDate: addDays(dueDate, offset) });
  const reached = Math.max(0, Math.floor((daysOverdue - first) / every));
  const out: PlannedReminder[] = [];
  // Weekdays repeat within seven steps: if none of them is free of the digest, all are folded into it.
  for (let k = reached; k >= Math.max(1, reached - 6); k--) {
    if (!folded(first + k * every)) {
      out.push(point(first + k * every));
      break;
    }
  }
  for (let k = reached + 1; k <= reached + 7; k++) {
    if (!folded(first + k * every)) {
      out.push(point(first + k * every));
      break;
    }
  }
  return out;
}

/**
 * The UTC instant of a London wall-clock time on a day: 08:00 is 08:00 GMT in winter and 07:00 UTC
 * in summer. Written as Date.toISOString() writes it, so stored instants compare correctly as text.
 */
export function londonInstant(date: string, time: string): string {
  return remembered(instants, `${date}T${time}`, () => {
    const local = DateTime.fromISO(`${date}T${time}`, { zone: LONDON });
    if (!local.isValid) throw invalid(`"${date} ${time}" is not a valid London date and time.`);
    return local.toJSDate().toISOString();
  });
}

export function londonDate(instant: Date): string {
  return remembered(dates, String(instant.getTime()), () => DateTime.fromJSDate(instant, { zone: LONDON }).toISODate() as string);
}

// Time-zone arithmetic is the costliest part of scheduling and delivering many reminders, and the
// same few days and instants recur: both functions are pure, so their answers are kept (bounded).
const instants = new Map<string, string>();
const dates = new Map<string, string>();

export function remembered(cache: Map<string, string>, key: string, compute: () => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size >= 10_000) cache.clear();
    cache.set(key, value);
  }
  return value;
}

export const actionDedupeKey = (actionId: string, kind: ReminderKind, offsetDays: number, dueDate: string) =>
  `action:${actionId}:${kind}:${offsetDays}:${dueDate}`;

/** A measure's reminder for the quarter ending on `quarterEnd`. */
export const measureDedupeKey = (measureId: string, kind: ReminderKind, offsetDays: number, quarterEnd: string) =>
  `measure:${measureId}:${kind}:${offsetDays}:${quarterEnd}`;

export const digestDedupeKey = (authorityId: string, userId: string, kind: ReminderKind, monday: string) => `digest:${authorityId}:${userId}:${kind}:${monday}`;

/** The Monday of the latest digest whose send instant is at or before `at`. */
export function latestDigestMonday(at: Date, sendTime = DEFAULT_REMINDER_RULES.sendTime): string {
  const today = londonDate(at);
  let monday = addDays(today, -((isoWeekday(today) - DIGEST_WEEKDAY + 7) % 7));
  if (Date.parse(londonInstant(monday, sendTime)) > at.getTime()) monday = addDays(monday, -7);
  return monday;
}
