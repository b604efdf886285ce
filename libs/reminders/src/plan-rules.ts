import { EntityManager, In } from 'typeorm';
import { ReminderPlanSettings } from './entities';
import { ReminderRules, withDefaults } from './reminder-rules';

// A plan's reminder rules as stored, with the defaults for what it does not set. Read by the scheduler,
// the digest planner and loader, and the settings service; kept apart from them so none imports another for it.

export async function rulesForPlan(tx: EntityManager, planId: string): Promise<ReminderRules> {
  return withDefaults((await tx.findOneBy(ReminderPlanSettings, { planId }))?.rules);
}

/** Rules for several plans at once, defaults for plans without their own. */
export async function rulesOf(tx: EntityManager, planIds: string[]): Promise<Map<string, ReminderRules>> {
  const rows = planIds.length ? await tx.findBy(ReminderPlanSettings, { planId: In(planIds) }) : [];
  const own = new Map(rows.map((r) => [r.planId, r.rules]));
  return new Map(planIds.map((id) => [id, withDefaults(own.get(id))]));
}
