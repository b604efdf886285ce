import { ActionPeople, Decision, may, refusal, relationsTo, Role, rolesFor, Subject } from '@app/domain/policy';
import { forbidden } from './app-error';

/** Who is acting, in which authority. Every service call that reads or writes tenant data takes one. */
export interface Actor {
  userId: string;
  authorityId: string;
  roles: Role[];
  ip?: string | null;
  /** Acting for the board: the meeting whose recorded decision this change carries out. */
  atMeeting?: string;
}

export { ROLES } from '@app/domain/policy';
export type { Role } from '@app/domain/policy';

/** The roles that set plans up (the policy's rule for creating and editing plans). */
export const EDITOR_ROLES: Role[] = rolesFor('plan.edit');

export const hasRole = (actor: Actor, roles: readonly Role[]) => actor.roles.some((r) => roles.includes(r));

/** The actor as the policy sees them: roles, and how they stand to the action when there is one (its people: actionPeopleOf). */
export const subjectOf = (actor: Pick<Actor, 'userId' | 'roles' | 'atMeeting'>, action?: ActionPeople): Subject => ({
  roles: actor.roles,
  relations: action ? relationsTo(actor.userId, action) : [],
  atMeeting: !!actor.atMeeting,
});

/** Throws 403 with the policy's refusal (naming who may) unless the actor may make every decision. */
export function authorize(actor: Actor, decisions: Decision | Decision[], action?: ActionPeople): void {
  const subject = subjectOf(actor, action);
  for (const decision of [decisions].flat()) if (!may(subject, decision)) throw forbidden(refusal(decision));
}
