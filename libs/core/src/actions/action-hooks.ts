import { EntityManager } from 'typeorm';
import { Action, Plan } from '../../../database/src/entities';

/**
 * Work that must happen in the same transaction as any change to an action (for example,
 * rescheduling its reminders). Provide implementations under ACTION_HOOKS; the default is none.
 */
export interface ActionHook {
  afterActionChange(tx: EntityManager, action: Action, plan: Plan): Promise<void>;
}

export const ACTION_HOOKS = Symbol('ACTION_HOOKS');
