import { ActionStatus } from './action-status';
import { Rag } from './rag';

export const ROLES = ['admin', 'board_chair', 'board_member', 'manager', 'commissioner', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** How a person stands to an action: its owner, or its accountable manager (ActionPeople). */
export const RELATIONS = ['owner', 'manager'] as const;
export type Relation = (typeof RELATIONS)[number];

export interface Rule {
  roles: readonly Role[];
  relations: readonly Relation[];
  /** What the decision is, as the refusal says it: "Only ... can <what>". */
  what: string;
  /** The board's decision: a decision recorded at a board meeting makes it too. */
  atMeeting?: boolean;
}

/** The people who set plans up (today's rule where the domain says nothing more). */
const SETUP: Role[] = ['admin', 'board_chair', 'board_member', 'manager'];
const BOARD: Role[] = ['board_chair', 'board_member'];
// Outside a meeting, the board decides through its chair.
const CHAIR: Role[] = ['board_chair'];
const ADMIN: Role[] = ['admin'];
const ACTIVATION: Role[] = ['admin', 'board_chair'];
const WORKERS: Relation[] = ['owner', 'manager'];

const rule = (roles: Role[], relations: Relation[], what: string): Rule => ({ roles, relations, what });
/** The board's decision: its chair's, or recorded at a board meeting. */
const board = (what: string): Rule => ({ roles: CHAIR, relations: [], what, atMeeting: true });

/**
 * Who decides what (DOMAIN.md "Who decides what"): every change an action, plan, board, person or
 * setting can undergo, and the roles and relationships to the action that may make it.
 */
export const DECISIONS = {
  // The work: the owner, their manager, the chair and board members.
  'action.note': rule(BOARD, WORKERS, 'add a progress note to an action'),
  'action.evidence': rule(BOARD, WORKERS, 'add evidence to an action'),
  'action.milestone': rule(BOARD, WORKERS, "add or tick off an action's milestones"),
  'action.status.in_progress': rule(BOARD, WORKERS, 'mark an action in progress'),
  'action.status.completed': rule(BOARD, WORKERS, 'mark an action completed'),
  'action.status.not_started': rule(BOARD, WORKERS, 'mark an action not started'),
  'action.status.blocked': rule(BOARD, WORKERS, 'mark an action blocked'),
  'action.atRisk': rule(BOARD, WORKERS, 'flag an action at risk'),
  // A warning about the work: not the owner's to give themselves.
  'action.rag.red': rule(BOARD, ['manager'], "set an action's RAG rating to red"),
  'action.rag.amber': rule(BOARD, ['manager'], "set an action's RAG rating to amber"),
  'action.rag.clear': rule(BOARD, ['manager'], "return an action's RAG rating to the one the rules give"),
  // Board decisions.
  'action.rag.green': board("set an action's RAG rating to green (a board decision)"),
  'action.rag.blue': board("set an action's RAG rating to blue (a board decision)"),
  'action.status.verified': board('verify an action (a board decision)'),
  'action.status.sent_back': board('send a completed action back to in progress (a board decision)'),
  'action.status.cancelled': board('cancel an action (a board decision)'),
  'action.owner.active': board('reassign an action on an active plan to a new owner (a board decision)'),
  'action.manager.active': board('change the accountable manager of an action on an active plan (a board decision)'),
  'action.dueDate.active': board('change the due date of an action on an active plan (a board decision)'),
  // Setting a draft plan up.
  'action.create': rule(SETUP, [], 'add actions to a plan'),
  'action.owner.draft': rule(SETUP, [], 'choose the owner of an action'),
  'action.manager.draft': rule(SETUP, [], 'choose the accountable manager of an action'),
  'action.dueDate.draft': rule(SETUP, [], 'set the due date of an action'),
  'action.details': rule(SETUP, ['owner'], "change an action's title, description or partner organisation"),
  'action.measures': rule(SETUP, [], 'change which measures an action should move'),
  'plan.create': rule(SETUP, [], 'create a plan'),
  'plan.edit': rule(SETUP, [], "change a plan's title, start date or actions from findings"),
  'plan.activate': rule(ACTIVATION, [], 'activate a plan'),
  'plan.close': rule(ACTIVATION, [], 'close a plan'),
  'plan.carryOver': rule(ACTIVATION, [], "carry a closed plan's actions over"),
  'documents.import': rule(SETUP, [], 'import a report'),
  'plan.importTracker': rule(SETUP, [], "bring in a council's existing tracker with its statuses, RAG ratings and progress notes"),
  'documents.edit': rule(SETUP, [], "correct a report's findings"),
  'measures.create': rule(SETUP, [], 'define a performance measure'),
  // The council's administration.
  'plan.settings': rule(ADMIN, [], "change a plan's settings"),
  'plan.reminderRules': rule(ADMIN, [], "change a plan's reminder rules"),
  'reminders.delivery': rule(ADMIN, [], 'see and retry reminder delivery'),
  'board.create': rule(ADMIN, [], 'create a board'),
  'board.members': rule(ADMIN, [], "change a board's members"),
  'user.create': rule(ADMIN, [], 'add a person'),
  'user.update': rule(ADMIN, [], "change a person's roles, manager or access"),
  'user.remove': rule(ADMIN, [], 'remove a person'),
  'organisation.create': rule(ADMIN, [], 'add an organisation'),
  // Board meetings: planned and run by the board, its minutes approved by the chair.
  'meeting.plan': rule(['admin', ...BOARD], [], 'plan a board meeting, or change its agenda or attendance'),
  'meeting.decide': rule(BOARD, [], 'record a decision at a board meeting'),
  'meeting.minutes': rule(CHAIR, [], "write or approve a board meeting's minutes"),
  'meeting.cancel': rule(ACTIVATION, [], 'cancel a board meeting'),
  'meeting.closePlan': rule(CHAIR, [], 'close a plan at a board meeting and carry its open actions over'),
  // Quarterly reviews: the commissioner's; values are entered by the people who set plans up.
  'measure.values': rule(SETUP, [], "enter or correct a measure's values"),
  'review.create': rule(['commissioner', 'admin'], [], 'build a quarterly review'),
  'review.judgement': rule(['commissioner'], [], "record a quarterly review's judgements"),
  'review.followUp': rule(['commissioner'], [], 'add a follow-up action to a quarterly review'),
  'review.signOff': rule(['commissioner'], [], 'sign a quarterly review off'),
} satisfies Record<string, Rule>;

export type Decision = keyof typeof DECISIONS;
export const ALL_DECISIONS = Object.keys(DECISIONS) as Decision[];

/** Who is deciding: their roles, and how they stand to the action (none when there is no action). */
export interface Subject {
  roles: readonly Role[];
  relations?: readonly Relation[];
  /** Deciding as the board, by a decision recorded at a board meeting. */
  atMeeting?: boolean;
}

export function may(subject: Subject, decision: Decision): boolean {
  const { roles, relations } = DECISIONS[decision];
  if (subject.atMeeting && (DECISIONS[decision] as Rule).atMeeting) return true;
  return subject.roles.some((r) => roles.includes(r)) || (subject.relations ?? []).some((r) => relations.includes(r));
}

/** The roles a route may let through: only for decisions no relationship to an action grants. */
export function rolesFor(decision: Decision): Role[] {
  if (DECISIONS[decision].relations.length) throw new Error(`${decision} is also decided by a relationship to the action: check it in the service`);
  return [...DECISIONS[decision].roles];
}

/**
 * An action's people as the policy weighs them. The accountable manager is the action's own manager or,
 * where it names none, its owner's line manager: resolved once by whoever loads the action
 * (accountableManagerOf in libs/core), so the policy itself needs no lookup.
 */
export interface ActionPeople {
  ownerId: string | null;
  accountableManagerId: string | null;
}

export function relationsTo(userId: string, people: ActionPeople): Relation[] {
  return RELATIONS.filter((r) => (r === 'owner' ? people.ownerId : people.accountableManagerId) === userId);
}

const ROLE_NAMES: Record<Role, string> = {
  admin: 'an admin',
  board_chair: 'the board chair',
  board_member: 'a board member',
  manager: 'a manager',
  commissioner: 'a commissioner',
  viewer: 'a viewer',
};
const RELATION_NAMES: Record<Relation, string> = { owner: "the action's owner", manager: "the owner's manager" };

/** The refusal: who may make the decision, so the person knows whom to ask. */
export function refusal(decision: Decision): string {
  const { roles, relations, what } = DECISIONS[decision];
  const who = [...relations.map((r) => RELATION_NAMES[r]), ...roles.map((r) => ROLE_NAMES[r])];
  return `Only ${orList(who)} can ${what}.`;
}

/** A route's refusal when only its roles are known: in people's words, never the role codes. */
export function rolesRefusal(roles: readonly Role[]): string {
  return `Only ${orList(roles.map((r) => ROLE_NAMES[r]))} can do this. Ask your council's admin if you need to.`;
}

const orList = (who: string[]) => (who.length > 1 ? `${who.slice(0, -1).join(', ')} or ${who[who.length - 1]}` : who[0]);

/** The decision a change of status needs; carrying over is the plan's. */
export function statusDecision(from: ActionStatus, to: ActionStatus): Decision {
  if (to === 'carried_over') return 'plan.carryOver';
  if (from === 'completed' && to === 'in_progress') return 'action.status.sent_back';
  return `action.status.${to}`;
}

export interface ActionState {
  ownerId: string | null;
  managerId: string | null;
  organisationId: string | null;
  title: string;
  description: string;
  dueDate: string | null;
  atRisk: boolean;
  ragOverride: string | null;
  ragOverrideReason: string | null;
}

export interface ActionChange {
  title?: string;
  description?: string;
  ownerId?: string | null;
  managerId?: string | null;
  organisationId?: string | null;
  dueDate?: string;
  atRisk?: boolean;
  ragOverride?: Rag | null;
  ragOverrideReason?: string | null;
}

/** The decisions an edit of an action needs: only for what it really changes, so re-sending a value needs nothing. */
export function decisionsForActionChange(action: ActionState, planStatus: string, change: ActionChange): Decision[] {
  const stage = planStatus === 'draft' ? 'draft' : 'active';
  const differs = <K extends keyof ActionChange & keyof ActionState>(key: K) => {
    const value = change[key];
    return value !== undefined && (typeof value === 'string' ? value.trim() : value) !== action[key];
  };
  const decisions: Decision[] = [];
  if (differs('title') || differs('description') || differs('organisationId')) decisions.push('action.details');
  if (differs('ownerId')) decisions.push(`action.owner.${stage}`);
  if (differs('managerId')) decisions.push(`action.manager.${stage}`);
  if (differs('dueDate')) decisions.push(`action.dueDate.${stage}`);
  if (differs('atRisk')) decisions.push('action.atRisk');
  if (change.ragOverride === null && action.ragOverride !== null) decisions.push('action.rag.clear');
  if (change.ragOverride && (differs('ragOverride') || differs('ragOverrideReason'))) decisions.push(`action.rag.${change.ragOverride}`);
  return decisions;
}
