import { ACTION_STATUSES, ActionStatus, allowedTransitions, assertTransition, isClosedStatus, OPEN_STATUSES, TransitionContext } from './action-status';
import { DomainError } from './domain-error';

// The rules written out independently of the implementation's table.
const ALLOWED: Record<ActionStatus, ActionStatus[]> = {
  not_started: ['in_progress', 'blocked', 'cancelled', 'completed'],
  in_progress: ['completed', 'blocked', 'cancelled', 'not_started'],
  blocked: ['in_progress', 'not_started', 'cancelled'],
  completed: ['verified', 'in_progress'],
  verified: [],
  cancelled: [],
  carried_over: [],
};
const TERMINAL: ActionStatus[] = ['verified', 'cancelled', 'carried_over'];
const everything: TransitionContext = { evidenceCount: 1, reason: 'a reason', byBoardDecision: true };

function codeOf(action: () => void): string | null {
  try {
    action();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const pairs = ACTION_STATUSES.flatMap((from) => ACTION_STATUSES.map((to) => [from, to] as [ActionStatus, ActionStatus]));

describe('action status transitions', () => {
  it.each(pairs)('%s -> %s, with every requirement met', (from, to) => {
    let expected: string | null;
    if (from === to) expected = 'already_in_status';
    else if (TERMINAL.includes(from)) expected = 'invalid_transition';
    else if (to === 'carried_over') expected = 'carry_over_only';
    else expected = ALLOWED[from].includes(to) ? null : 'invalid_transition';
    expect(codeOf(() => assertTransition(from, to, everything))).toBe(expected);
  });

  describe('requirements', () => {
    const bare: TransitionContext = { evidenceCount: 0, reason: null, byBoardDecision: false };

    it.each<[ActionStatus, ActionStatus, string | null]>([
      ['not_started', 'in_progress', null],
      ['not_started', 'completed', 'evidence_required'],
      ['not_started', 'blocked', 'reason_required'],
      ['not_started', 'cancelled', 'reason_required'],
      ['in_progress', 'completed', 'evidence_required'],
      ['in_progress', 'blocked', 'reason_required'],
      ['in_progress', 'cancelled', 'reason_required'],
      ['in_progress', 'not_started', null],
      ['blocked', 'in_progress', null],
      ['blocked', 'not_started', null],
      ['blocked', 'cancelled', 'reason_required'],
      ['completed', 'verified', 'board_decision_required'],
      ['completed', 'in_progress', 'board_decision_required'],
    ])('%s -> %s with nothing given: %p', (from, to, expected) => {
      expect(codeOf(() => assertTransition(from, to, bare))).toBe(expected);
    });

    it.each([
      ['not_started', 1],
      ['in_progress', 3],
    ] as const)('%s -> completed with %i piece(s) of evidence is allowed', (from, evidenceCount) => {
      expect(() => assertTransition(from, 'completed', { ...bare, evidenceCount })).not.toThrow();
    });

    it.each([-1, 0.5, NaN])('rejects an evidence count of %p', (evidenceCount) => {
      expect(codeOf(() => assertTransition('in_progress', 'completed', { ...bare, evidenceCount }))).toBe('invalid_number');
    });

    it.each([undefined, null, '', '   \n'])('a reason of %j is no reason', (reason) => {
      expect(codeOf(() => assertTransition('in_progress', 'blocked', { ...bare, reason }))).toBe('reason_required');
    });

    it('a blank reason is enough for neither blocked nor cancelled; a real one is', () => {
      expect(() => assertTransition('in_progress', 'blocked', { ...bare, reason: 'waiting for health data' })).not.toThrow();
      expect(() => assertTransition('blocked', 'cancelled', { ...bare, reason: 'superseded by action 12' })).not.toThrow();
    });

    it('only a board decision verifies or sends back', () => {
      expect(() => assertTransition('completed', 'verified', { ...bare, byBoardDecision: true })).not.toThrow();
      expect(() => assertTransition('completed', 'in_progress', { ...bare, byBoardDecision: true })).not.toThrow();
    });
  });

  describe('carrying over', () => {
    const carry: TransitionContext = { evidenceCount: 0, byBoardDecision: false, byCarryOver: true };

    it.each<ActionStatus>(['not_started', 'in_progress', 'blocked', 'completed'])('carries over a %s action', (from) => {
      expect(() => assertTransition(from, 'carried_over', carry)).not.toThrow();
    });

    it.each<[ActionStatus, string]>([
      ['verified', 'invalid_transition'],
      ['cancelled', 'invalid_transition'],
      ['carried_over', 'already_in_status'],
    ])('does not carry over a %s action', (from, code) => {
      expect(codeOf(() => assertTransition(from, 'carried_over', carry))).toBe(code);
    });

    it('does not let the carry-over flag unlock other transitions', () => {
      expect(codeOf(() => assertTransition('not_started', 'verified', carry))).toBe('invalid_transition');
      expect(codeOf(() => assertTransition('in_progress', 'completed', carry))).toBe('evidence_required');
    });
  });

  describe('messages say what to do', () => {
    it.each<[ActionStatus, ActionStatus, TransitionContext, RegExp]>([
      ['in_progress', 'in_progress', everything, /already in progress/],
      ['not_started', 'not_started', everything, /already not started/],
      ['verified', 'in_progress', everything, /A verified action is closed/],
      ['not_started', 'verified', everything, /A not started action cannot be marked verified; it can be marked: in progress, blocked, cancelled, completed/],
      ['in_progress', 'verified', everything, /An in progress action cannot be marked verified/],
      ['in_progress', 'carried_over', everything, /carry its open actions over/],
      ['in_progress', 'completed', { ...everything, evidenceCount: 0 }, /Attach at least one piece of evidence/],
      ['in_progress', 'cancelled', { ...everything, reason: '' }, /Give a reason for marking the action cancelled/],
      ['completed', 'verified', { ...everything, byBoardDecision: false }, /Only a board decision can verify/],
      ['completed', 'in_progress', { ...everything, byBoardDecision: false }, /Only a board decision can send a completed action back/],
    ])('%s -> %s', (from, to, ctx, message) => {
      expect(() => assertTransition(from, to, ctx)).toThrow(message);
    });
  });

  it('rejects an unknown status, listing the valid ones', () => {
    expect(() => assertTransition('done' as ActionStatus, 'verified', everything)).toThrow(
      expect.objectContaining({ code: 'invalid_status', message: expect.stringContaining('not_started') }),
    );
    expect(codeOf(() => assertTransition('completed', 'closed' as ActionStatus, everything))).toBe('invalid_status');
  });
});

describe('allowedTransitions', () => {
  it.each([...ACTION_STATUSES])('from %s', (from) => {
    expect([...allowedTransitions(from)].sort()).toEqual([...ALLOWED[from]].sort());
  });

  it('returns a copy', () => {
    allowedTransitions('not_started').push('verified');
    expect(allowedTransitions('not_started')).not.toContain('verified');
  });
});

describe('open and closed statuses', () => {
  it('only not started, in progress and blocked actions still get reminders', () => {
    expect([...OPEN_STATUSES].sort()).toEqual(['blocked', 'in_progress', 'not_started']);
  });

  it.each<[ActionStatus, boolean]>([
    ['not_started', false],
    ['in_progress', false],
    ['blocked', false],
    ['completed', true],
    ['verified', true],
    ['cancelled', true],
    ['carried_over', true],
  ])('%s closed: %p', (status, closed) => {
    expect(isClosedStatus(status)).toBe(closed);
  });
});
