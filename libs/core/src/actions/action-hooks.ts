import { EntityManager } from 'typeorm';
import { Action, Plan } from '@app/database/entities';

/**
 * Work that must happen in the same transaction as any change to an action (for example,
 * rescheduling its reminders). Provide implementations under ACTION_HOOKS; the default is none.
 */
export interface ActionHook {
  /** `before` is the action as it was, when this is a change to one existing action. */
  afterActionChange(tx: EntityManager, action: Action, plan: Plan, before?: Action): Promise<void>;
}

export const ACTION_HOOKS = Symbol('ACTION_HOOKS');
