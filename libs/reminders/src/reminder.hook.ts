import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActionHook } from '@app/core/actions/action-hooks';
import { Action, Plan } from '@app/database/entities';
import { isClosedStatus } from '@app/domain';
import { ReminderScheduler } from './reminder-schedule.service';

/** Reschedules or cancels an action's pending reminders in the same transaction as the change. */
@Injectable()
export class ReminderActionHook implements ActionHook {
  constructor(private readonly scheduler: ReminderScheduler) {}

  async afterActionChange(tx: EntityManager, action: Action, plan: Plan, before?: Action): Promise<void> {
    if (before && !changesReminders(before, action)) return;
    await this.scheduler.scheduleAction(tx, action, plan);
  }
}

/** Reminders depend on the due date, who owns and manages the action, and whether it is still open. */
export function changesReminders(before: Action, after: Action): boolean {
  const closed = (a: Action) => isClosedStatus(a.status);
  return before.dueDate !== after.dueDate || before.ownerId !== after.ownerId || before.managerId !== after.managerId || closed(before) !== closed(after);
}
