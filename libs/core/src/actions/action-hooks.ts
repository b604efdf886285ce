import { Action, Plan } from '@app/database/entities';

/**
 * Work that must happen with any change to actions (for example, rescheduling their reminders). A hook
 * runs inside the caller's open transaction (Transactions). Provide implementations under ACTION_HOOKS.
 */
export interface ActionHook {
  /** One action changed; `before` is the action as it was, when it existed before. */
  afterActionChange(action: Action, plan: Plan, before?: Action): Promise<void>;
  /** Many actions of one plan changed at once (activation, settings, carry-over): one call for them all. */
  afterActionsChange(actions: Action[], plan: Plan): Promise<void>;
}

export const ACTION_HOOKS = Symbol('ACTION_HOOKS');
