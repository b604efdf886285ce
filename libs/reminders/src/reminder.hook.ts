import { Injectable } from '@nestjs/common';
import { ActionHook } from '@app/core/actions/action-hooks';
import { Action, Plan } from '@app/database/entities';
import { Transactions } from '@app/database/transactions';
import { isClosedStatus } from '@app/domain';
import { ReminderScheduler } from './reminder-schedule.service';

/** Reschedules or cancels actions' pending reminders in the caller's transaction (Transactions). */
@Injectable()
export class ReminderActionHook implements ActionHook {
  constructor(
    private readonly scheduler: ReminderScheduler,
    private readonly transactions: Transactions,
  ) {}

  async afterActionChange(action: Action, plan: Plan, before?: Action): Promise<void> {
    if (before && !changesReminders(before, action)) return;
    await this.scheduler.scheduleAction(this.transactions.manager, action, plan);
  }

  async afterActionsChange(actions: Action[], plan: Plan): Promise<void> {
    await this.scheduler.scheduleActions(this.transactions.manager, actions, new Map([[plan.id, plan]]));
  }
}

/** Reminders depend on the due date, who owns and manages the action, and whether it is still open. */
export function changesReminders(before: Action, after: Action): boolean {
  const closed = (a: Action) => isClosedStatus(a.status);
  return before.dueDate !== after.dueDate || before.ownerId !== after.ownerId || before.managerId !== after.managerId || closed(before) !== closed(after);
}
