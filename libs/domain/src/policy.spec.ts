import {
  ActionState,
  ALL_DECISIONS,
  Decision,
  decisionsForActionChange,
  DECISIONS,
  may,
  refusal,
  relationsTo,
  rolesRefusal,
  Relation,
  Role,
  ROLES,
  rolesFor,
  statusDecision,
} from './policy';

const as = (roles: Role[], relations: Relation[] = []) => ({ roles, relations });
/** Who may make a decision, as a sorted list of roles and relations. */
const deciders = (decision: Decision) => [
  ...ROLES.filter((r) => may(as([r]), decision)),
  ...(['owner', 'manager'] as const).filter((r) => may(as(['viewer'], [r]), decision)).map((r) => `${r} of the action`),
];

describe('who decides what (DOMAIN.md)', () => {
  it.each<Decision>(['action.note', 'action.evidence', 'action.status.in_progress', 'action.status.completed', 'action.atRisk'])(
    'progress notes, evidence, in progress, completed, flag at risk: the owner, their manager, the chair, board members (%s)',
    (decision) => expect(deciders(decision)).toEqual(['board_chair', 'board_member', 'owner of the action', 'manager of the action']),
  );

  it.each<Decision>(['action.rag.red', 'action.rag.amber'])("RAG override red or amber: the owner's manager, the chair, board members (%s)", (decision) => {
    expect(deciders(decision)).toEqual(['board_chair', 'board_member', 'manager of the action']);
  });

  it.each<Decision>([
    'action.rag.green',
    'action.rag.blue',
    'action.status.verified',
    'action.status.sent_back',
    'action.status.cancelled',
    'action.dueDate.active',
    'action.owner.active',
    'action.manager.active',
  ])('RAG green or blue, verify, cancel, extend a due date or reassign on an active plan: the board, through its chair (%s)', (decision) => {
    expect(deciders(decision)).toEqual(['board_chair']);
  });

  it.each<Decision>(['review.judgement', 'review.signOff'])('quarterly review judgements and sign-off: commissioners (%s)', (decision) => {
    expect(deciders(decision)).toEqual(['commissioner']);
  });

  it.each<Decision>([
    'user.create',
    'user.update',
    'user.remove',
    'organisation.create',
    'board.create',
    'board.members',
    'plan.settings',
    'plan.reminderRules',
  ])("people, organisations, boards, plan settings: the council's admin (%s)", (decision) => expect(deciders(decision)).toEqual(['admin']));

  it('scrutiny (viewer) only reads: no decision is theirs by role', () => {
    expect(ALL_DECISIONS.filter((d) => may(as(['viewer']), d))).toEqual([]);
  });

  it('an admin alone does not verify, cancel, send back or override the rating', () => {
    const boardOnly: Decision[] = [
      'action.status.verified',
      'action.status.cancelled',
      'action.status.sent_back',
      'action.rag.red',
      'action.rag.amber',
      'action.rag.green',
      'action.rag.blue',
    ];
    expect(boardOnly.filter((d) => may(as(['admin']), d))).toEqual([]);
  });

  it('an owner does their work but makes no board decision about their own action', () => {
    const owner = as(['viewer'], ['owner']);
    expect(may(owner, 'action.note')).toBe(true);
    expect(may(owner, 'action.status.completed')).toBe(true);
    expect(
      ['action.rag.blue', 'action.rag.red', 'action.rag.clear', 'action.status.cancelled', 'action.manager.active', 'action.owner.active'].filter((d) =>
        may(owner, d as Decision),
      ),
    ).toEqual([]);
  });

  it("keeps today's rule where the domain is silent: a draft plan is set up by the editor roles", () => {
    for (const decision of [
      'action.create',
      'action.owner.draft',
      'action.manager.draft',
      'action.dueDate.draft',
      'plan.create',
      'documents.import',
      'plan.importTracker',
    ] as Decision[]) {
      expect(deciders(decision)).toEqual(['admin', 'board_chair', 'board_member', 'manager']);
    }
    expect(deciders('plan.activate')).toEqual(['admin', 'board_chair']);
  });

  it('gives roles to routes only for decisions no relationship grants', () => {
    expect(rolesFor('plan.activate')).toEqual(['admin', 'board_chair']);
    expect(() => rolesFor('action.note')).toThrow(/relationship/);
  });
});

describe('a decision recorded at a board meeting', () => {
  const atMeeting = { roles: ['board_member'] as Role[], atMeeting: true };

  it("makes the board's decisions, whoever records it", () => {
    for (const decision of [
      'action.status.verified',
      'action.status.sent_back',
      'action.dueDate.active',
      'action.owner.active',
      'action.manager.active',
    ] as Decision[]) {
      expect(may(atMeeting, decision)).toBe(true);
      expect(may({ roles: ['board_member'] }, decision)).toBe(false);
    }
  });

  it("grants nothing else: not the admin's decisions, nor approving the minutes", () => {
    expect(may(atMeeting, 'plan.settings')).toBe(false);
    expect(may(atMeeting, 'meeting.minutes')).toBe(false);
    expect(deciders('meeting.minutes')).toEqual(['board_chair']);
    expect(deciders('meeting.decide')).toEqual(['board_chair', 'board_member']);
  });

  it("leaves cancelling a meeting to its chair or the council's admin, and closing the plan at one to the chair", () => {
    expect(deciders('meeting.cancel')).toEqual(['admin', 'board_chair']);
    expect(deciders('meeting.closePlan')).toEqual(['board_chair']);
    expect(may(atMeeting, 'meeting.cancel')).toBe(false);
    expect(may(atMeeting, 'meeting.closePlan')).toBe(false);
  });
});

describe('refusals name who may decide', () => {
  it.each<[Decision, string]>([
    ['action.status.verified', 'Only the board chair can verify an action (a board decision).'],
    ['action.rag.red', "Only the owner's manager, the board chair or a board member can set an action's RAG rating to red."],
    ['plan.settings', "Only an admin can change a plan's settings."],
  ])('%s', (decision, message) => expect(refusal(decision)).toBe(message));

  it('has a refusal for every decision', () => {
    for (const decision of ALL_DECISIONS) expect(refusal(decision)).toMatch(/^Only .+ can .+\.$/);
  });

  it("names a route's roles as people say them, never the codes", () => {
    expect(rolesRefusal(['board_chair', 'admin'])).toBe("Only the board chair or an admin can do this. Ask your council's admin if you need to.");
    expect(rolesRefusal(ROLES)).not.toMatch(/_/);
  });
});

describe('relationsTo', () => {
  it('is the owner, the manager, both or neither', () => {
    expect(relationsTo('u', { ownerId: 'u', accountableManagerId: 'm' })).toEqual(['owner']);
    expect(relationsTo('u', { ownerId: 'o', accountableManagerId: 'u' })).toEqual(['manager']);
    expect(relationsTo('u', { ownerId: 'u', accountableManagerId: 'u' })).toEqual(['owner', 'manager']);
    expect(relationsTo('u', { ownerId: null, accountableManagerId: null })).toEqual([]);
  });
});

describe('the decision a change of status needs', () => {
  it.each([
    ['not_started', 'in_progress', 'action.status.in_progress'],
    ['in_progress', 'completed', 'action.status.completed'],
    ['completed', 'verified', 'action.status.verified'],
    ['completed', 'in_progress', 'action.status.sent_back'],
    ['blocked', 'cancelled', 'action.status.cancelled'],
    ['not_started', 'carried_over', 'plan.carryOver'],
  ] as const)('%s to %s: %s', (from, to, decision) => expect(statusDecision(from, to)).toBe(decision));
});

describe('the decisions an edit of an action needs', () => {
  const action: ActionState = {
    ownerId: 'o',
    managerId: 'm',
    organisationId: null,
    title: 'Audit',
    description: '',
    dueDate: '2027-01-31',
    atRisk: false,
    ragOverride: 'blue',
    ragOverrideReason: 'Agreed',
  };

  it('asks only for what really changes', () => {
    expect(
      decisionsForActionChange(action, 'active', {
        title: ' Audit ',
        ownerId: 'o',
        dueDate: '2027-01-31',
        ragOverride: 'blue',
        ragOverrideReason: 'Agreed',
        atRisk: false,
      }),
    ).toEqual([]);
  });

  it("tells a draft plan's set-up from an active plan's board decision", () => {
    const change = { ownerId: 'p', managerId: 'n', dueDate: '2027-02-28' };
    expect(decisionsForActionChange(action, 'draft', change)).toEqual(['action.owner.draft', 'action.manager.draft', 'action.dueDate.draft']);
    expect(decisionsForActionChange(action, 'active', change)).toEqual(['action.owner.active', 'action.manager.active', 'action.dueDate.active']);
  });

  it('names the colour of a RAG override, its clearing, a new reason, details and the at-risk flag', () => {
    expect(decisionsForActionChange(action, 'active', { ragOverride: 'red', ragOverrideReason: 'Late' })).toEqual(['action.rag.red']);
    expect(decisionsForActionChange(action, 'active', { ragOverride: 'blue', ragOverrideReason: 'Board minute 4' })).toEqual(['action.rag.blue']);
    expect(decisionsForActionChange(action, 'active', { ragOverride: null })).toEqual(['action.rag.clear']);
    expect(decisionsForActionChange({ ...action, ragOverride: null }, 'active', { ragOverride: null })).toEqual([]);
    expect(decisionsForActionChange(action, 'active', { description: 'More', atRisk: true })).toEqual(['action.details', 'action.atRisk']);
  });

  it('covers every decision an action can need with a rule', () => {
    expect(ALL_DECISIONS.filter((d) => d.startsWith('action.')).every((d) => DECISIONS[d].roles.length > 0)).toBe(true);
  });
});
