import { DomainError } from './domain-error';

export const ACTION_STATUSES = ['not_started', 'in_progress', 'completed', 'verified', 'blocked', 'cancelled', 'carried_over'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses that still get reminders and escalations. */
export const OPEN_STATUSES: readonly ActionStatus[] = ['not_started', 'in_progress', 'blocked'];

export const isOpenStatus = (status: string): boolean => (OPEN_STATUSES as readonly string[]).includes(status);

/** OPEN_STATUSES as an SQL condition on a status column (fixed text, no parameters). */
export const openStatusSql = (column: string): string => `${column} IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** Statuses no transition leaves. */
export const TERMINAL_STATUSES: readonly ActionStatus[] = ['verified', 'cancelled', 'carried_over'];

const LABELS: Record<ActionStatus, string> = {
  not_started: 'not started',
  in_progress: 'in progress',
  completed: 'completed',
  verified: 'verified',
  blocked: 'blocked',
  cancelled: 'cancelled',
  carried_over: 'carried over',
};

// Ordinary transitions. Carrying over is not one: only carrying a closed plan's actions over sets it.
const TRANSITIONS: Record<ActionStatus, readonly ActionStatus[]> = {
  not_started: ['in_progress', 'blocked', 'cancelled', 'completed'],
  in_progress: ['completed', 'blocked', 'cancelled', 'not_started'],
  blocked: ['in_progress', 'not_started', 'cancelled'],
  completed: ['verified', 'in_progress'],
  verified: [],
  cancelled: [],
  carried_over: [],
};

function anAction(status: ActionStatus): string {
  return `${/^[aeiou]/.test(LABELS[status]) ? 'an' : 'a'} ${LABELS[status]} action`;
}

export interface TransitionContext {
  evidenceCount: number;
  reason?: string | null;
  /** The change is a board decision recorded at a meeting. */
  byBoardDecision: boolean;
  /** The change is the carry-over of a closed plan's action into its successor. */
  byCarryOver?: boolean;
}

export function isActionStatus(value: unknown): value is ActionStatus {
  return (ACTION_STATUSES as readonly unknown[]).includes(value);
}

/** Closed for reminders: completed (awaiting verification), verified, cancelled or carried over. */
export function isClosedStatus(status: ActionStatus): boolean {
  assertStatus(status);
  return !OPEN_STATUSES.includes(status);
}

export function allowedTransitions(from: ActionStatus): ActionStatus[] {
  assertStatus(from);
  return [...TRANSITIONS[from]];
}

/** Throws a DomainError saying what to do when the change of status is refused. */
export function assertTransition(from: ActionStatus, to: ActionStatus, ctx: TransitionContext): void {
  assertStatus(from);
  assertStatus(to);
  if (from === to) {
    throw new DomainError('already_in_status', `The action is already ${LABELS[to]}: choose a different status.`);
  }
  if (TERMINAL_STATUSES.includes(from)) {
    throw new DomainError(
      'invalid_transition',
      `${capitalise(anAction(from))} is closed and its status cannot change; add a new action if more work is needed.`,
    );
  }
  if (to === 'carried_over') {
    if (!ctx.byCarryOver) {
      throw new DomainError(
        'carry_over_only',
        'An action is marked carried over only by carrying it into a successor plan: close this plan and carry its open actions over.',
      );
    }
    return;
  }
  if (!TRANSITIONS[from].includes(to)) {
    const options = TRANSITIONS[from].map((s) => LABELS[s]).join(', ');
    throw new DomainError('invalid_transition', `${capitalise(anAction(from))} cannot be marked ${LABELS[to]}; it can be marked: ${options}.`);
  }
  assertRequirements(from, to, ctx);
}

/** Whether a change to this status asks how much evidence the action has (only completing it does). */
export function needsEvidence(to: ActionStatus): boolean {
  return to === 'completed';
}

function assertRequirements(from: ActionStatus, to: ActionStatus, ctx: TransitionContext): void {
  if (needsEvidence(to)) {
    if (!Number.isSafeInteger(ctx.evidenceCount) || ctx.evidenceCount < 0) {
      throw new DomainError('invalid_number', `The evidence count must be a whole number, 0 or more, not ${String(ctx.evidenceCount)}.`);
    }
    if (ctx.evidenceCount < 1) {
      throw new DomainError('evidence_required', 'Attach at least one piece of evidence before marking the action completed.');
    }
  }
  if ((to === 'blocked' || to === 'cancelled') && !(ctx.reason ?? '').trim()) {
    throw new DomainError('reason_required', `Give a reason for marking the action ${LABELS[to]}.`);
  }
  if (from === 'completed' && !ctx.byBoardDecision) {
    const what = to === 'verified' ? 'verify a completed action' : 'send a completed action back to in progress';
    throw new DomainError('board_decision_required', `Only a board decision can ${what}: record it as a decision at a board meeting.`);
  }
}

function assertStatus(status: unknown): asserts status is ActionStatus {
  if (!isActionStatus(status)) {
    throw new DomainError('invalid_status', `"${String(status)}" is not an action status: use one of ${ACTION_STATUSES.join(', ')}.`);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
