import { ActionStatus, isOpenStatus } from './action-status';
import { addCalendarMonths, addDays, dayNumber, fromDayNumber, isoWeekday } from './calendar-date';
import { Rag } from './rag';
import { WEEKDAYS } from './date-wording';

/** planned → in progress → held → minutes approved; or cancelled (before it starts). */
export const MEETING_STATUSES = ['planned', 'in_progress', 'held', 'minutes_approved', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const DECISION_KINDS = ['verify', 'send_back', 'extend', 'reassign', 'escalate', 'note'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const ATTENDANCE = ['invited', 'present', 'apologies'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** Why an action is on a meeting's agenda, in the order the agenda lists them. */
export const AGENDA_REASONS = ['awaiting_verification', 'overdue', 'blocked', 'due_before_next', 'at_risk', 'changed', 'carried', 'added'] as const;
export type AgendaReason = (typeof AGENDA_REASONS)[number];

export const AGENDA_REASON_LABELS: Record<AgendaReason, string> = {
  awaiting_verification: 'Completed: awaiting verification',
  overdue: 'Overdue',
  blocked: 'Blocked',
  due_before_next: 'Due before the next meeting',
  at_risk: 'Amber: at risk',
  changed: 'Changed since the last meeting',
  carried: 'Not reached at the last meeting',
  added: 'Added by the chair',
};

export interface AgendaCandidate {
  status: ActionStatus;
  dueDate: string | null;
  rag: Rag | null;
  /** Something about the action changed since the previous meeting (status, RAG, due date, owner, evidence, notes). */
  changedSinceLast: boolean;
}

/**
 * Why the board should look at an action (DOMAIN.md "Board meetings"): completed and awaiting
 * verification, red and overdue, blocked, amber or due before the next meeting, or changed since
 * the last one. None: it stays off the drafted agenda.
 */
export function agendaReasons(action: AgendaCandidate, meetingDate: string, nextMeetingDate: string): AgendaReason[] {
  const reasons: AgendaReason[] = [];
  const open = action.status === 'not_started' || action.status === 'in_progress' || action.status === 'blocked';
  if (action.status === 'completed') reasons.push('awaiting_verification');
  if (open && action.dueDate !== null && action.dueDate < meetingDate) reasons.push('overdue');
  if (action.status === 'blocked') reasons.push('blocked');
  if (open && action.dueDate !== null && action.dueDate >= meetingDate && action.dueDate < nextMeetingDate) reasons.push('due_before_next');
  else if (open && action.rag === 'amber' && !reasons.includes('overdue')) reasons.push('at_risk');
  if (action.changedSinceLast && (open || action.status === 'completed')) reasons.push('changed');
  return reasons;
}

/**
 * An agenda reason in words for the item's action. "Overdue" is drafted against the meeting's date; before
 * that day an action due in between is not overdue yet, so it reads "Due before the meeting", and one that
 * is overdue reads with its days (on the meeting's date once it has passed, else today).
 */
export function agendaReasonLabel(reason: AgendaReason, dueDate: string | null, meetingDate: string, today: string): string {
  if (reason !== 'overdue') return AGENDA_REASON_LABELS[reason];
  const days = daysOverdue(dueDate, asAtMeeting(meetingDate, today));
  return days > 0 ? `Overdue (${days} day${days === 1 ? '' : 's'})` : 'Due before the meeting';
}

/** The day a meeting weighs its actions on: its own date once that has passed, else today (a day to come cannot be known yet). */
export function asAtMeeting(meetingDate: string, today: string): string {
  return meetingDate < today ? meetingDate : today;
}

/**
 * Overdue at the meeting: still open and past its due date on the meeting's day (today, before it comes). The
 * agenda's "Overdue (n days)" and its "who has been told" both follow it.
 */
export function overdueAtMeeting(action: { status: string; dueDate: string | null }, meetingDate: string, today: string): boolean {
  return isOpenStatus(action.status) && daysOverdue(action.dueDate, asAtMeeting(meetingDate, today)) > 0;
}

/**
 * A meeting cannot be over before its day: it is marked held, and its minutes approved, from its date on. The
 * services refuse both before then, and the pages offer neither.
 */
export function meetingDayHasCome(meetingDate: string, today: string): boolean {
  return meetingDate <= today;
}

/** Whole days an action is overdue on a date (0 when it is not). */
export function daysOverdue(dueDate: string | null, on: string): number {
  return dueDate === null ? 0 : Math.max(0, dayNumber(on) - dayNumber(dueDate));
}

/** A monthly series' rule: the nth (1-4) or the last (5) weekday of the month, e.g. the second Tuesday. */
export interface SeriesRule {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 1 to 4, or 5 for the last such weekday of the month. */
  ordinal: number;
}

const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'last'];

/** The series a meeting date sets: its weekday and which of the month's (a fifth one counts as the last). */
export function seriesRuleOf(date: string): SeriesRule {
  const day = Number(date.slice(8, 10));
  return { weekday: isoWeekday(date), ordinal: Math.min(5, Math.ceil(day / 7)) };
}

export function describeSeries(rule: SeriesRule): string {
  return `monthly, on the ${ORDINALS[rule.ordinal]} ${WEEKDAYS[rule.weekday]}`;
}

/** The series' date in the month of `monthDate`. */
export function seriesDateIn(monthDate: string, rule: SeriesRule): string {
  const first = `${monthDate.slice(0, 7)}-01`;
  const firstMatch = addDays(first, (rule.weekday - isoWeekday(first) + 7) % 7);
  if (rule.ordinal < 5) return addDays(firstMatch, 7 * (rule.ordinal - 1));
  const nextMonth = addCalendarMonths(first, 1);
  const lastDay = fromDayNumber(dayNumber(nextMonth) - 1);
  return addDays(lastDay, -((isoWeekday(lastDay) - rule.weekday + 7) % 7));
}

/** The next `count` dates of the monthly series that `date` sets, after it. */
export function nextInSeries(date: string, count = 1): string[] {
  const rule = seriesRuleOf(date);
  return Array.from({ length: count }, (_, i) => seriesDateIn(addCalendarMonths(`${date.slice(0, 7)}-01`, i + 1), rule));
}
