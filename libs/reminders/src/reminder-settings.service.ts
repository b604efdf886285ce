import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Transactions } from '@app/database/transactions';
import { AppError } from '@app/core/app-error';
import { AuditService } from '@app/core/audit/audit.service';
import { Clock } from '@app/core/clock';
import { newId } from '@app/core/ids';
import { Actor, authorize } from '@app/core/request-context';
import { Action, Plan } from '@app/database/entities';
import { ReminderPlanSettings } from './entities';
import { assertReminderRules, ReminderRules } from './reminder-rules';
import { ReminderScheduler } from './reminder-schedule.service';
import { rulesForPlan } from './plan-rules';

/** A plan's reminder rules (offsets, send time, digest); changing them reschedules the plan's pending reminders. */
@Injectable()
export class ReminderSettingsService {
  constructor(
    private readonly db: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly scheduler: ReminderScheduler,
  ) {}

  async get(actor: Actor, planId: string): Promise<ReminderRules> {
    await this.plan(this.db.manager, actor, planId);
    return rulesForPlan(this.db.manager, planId);
  }

  async update(actor: Actor, planId: string, changes: Partial<ReminderRules>): Promise<ReminderRules> {
    authorize(actor, 'plan.reminderRules');
    return this.transactions.run(async (tx) => {
      const plan = await this.plan(tx, actor, planId);
      const before = await rulesForPlan(tx, planId);
      const after: ReminderRules = { ...before, ...changes };
      assertReminderRules(after);
      const existing = await tx.findOneBy(ReminderPlanSettings, { planId });
      const row = { id: existing?.id ?? newId(), authorityId: actor.authorityId, planId, rules: after, updatedAt: this.clock.nowIso() };
      await (existing ? tx.update(ReminderPlanSettings, { id: row.id }, row) : tx.insert(ReminderPlanSettings, row));
      await this.scheduler.scheduleActions(tx, await tx.findBy(Action, { planId }), new Map([[plan.id, plan]]));
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'plan',
        entityId: planId,
        event: 'reminder_rules_changed',
        actorId: actor.userId,
        before,
        after,
      });
      return after;
    });
  }

  private async plan(manager: DataSource['manager'], actor: Actor, planId: string): Promise<Plan> {
    const plan = await manager.findOneBy(Plan, { id: planId, authorityId: actor.authorityId });
    if (!plan) throw new AppError('not_found', 'not_found', 'Plan not found');
    return plan;
  }
}
