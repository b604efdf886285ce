import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActionHook } from '../../core/src/actions/action-hooks';
import { Action, Plan } from '../../database/src/entities';
import { ReminderScheduler } from './reminder-schedule.service';

/** Reschedules or cancels an action's pending reminders in the same transaction as the change. */
@Injectable()
export class ReminderActionHook implements ActionHook {
  constructor(private readonly scheduler: ReminderScheduler) {}

  afterActionChange(tx: EntityManager, action: Action, plan: Plan): Promise<void> {
    return this.scheduler.scheduleAction(tx, action, plan);
  }
}
