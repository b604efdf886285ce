import type { Action } from '@app/database/entities';
import type { PackInputs } from '@app/core/reviews/review-pack';
import type { ActionStatus } from '@app/domain';
import { BulkWriter } from './bulk-writer';
import { Random } from './random';

/** Where generated rows go: the bulk writer, or a list in a test. */
export type RowSink = Pick<BulkWriter, 'add'>;

/** An action as generated, with its status changes in time order: what its plan's meetings and reviews say of it. */
export interface TrackedAction {
  action: Action;
  ownerName: string;
  changes: { at: string; to: ActionStatus }[];
}

/** A decision of the board at one of the plan's meetings, as a review's pack lists it. */
export type BoardDecision = PackInputs['boardDecisions'][number];

/** The council's people the plan's meetings and reviews name. */
export interface Council {
  authorityId: string;
  boardId: string;
  boardName: string;
  admin: string;
  chair: string;
  members: string[];
  commissioner: string;
  names: Map<string, string>;
}

/** The action's status at an instant (ISO): its last change at or before it, else not started. */
export function statusAt(tracked: TrackedAction, instant: string): ActionStatus {
  let status: ActionStatus = 'not_started';
  for (const change of tracked.changes) {
    if (change.at > instant) break;
    status = change.to;
  }
  return status;
}

/** `count` different items, in the order drawn. */
export function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length) chosen.push(pool.splice(random.int(0, pool.length - 1), 1)[0]);
  return chosen;
}
