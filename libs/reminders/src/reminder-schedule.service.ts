import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock } from '../../core/src/clock';
import { newId } from '../../core/src/ids';
import { Action, Board, Membership, Plan } from '../../database/src/entities';
import { ActionStatus, OPEN_STATUSES } from '../../domain/src';
import { DELIVERABLE_STATES, Reminder } from './entities/reminder.entity';
import { ReminderPlanSettings } from './entities';
import { actionDedupeKey, Audience, londonInstant, plannedReminders, ReminderRules, withDefaults } from './reminder-rules';

/** Reminders are for open actions of active plans: a draft's dates are not final, a closed plan is over. */
export const wantsReminders = (action: Action, plan: Plan) =>
  plan.status === 'active' && !!action.dueDate && OPEN_STATUSES.includes(action.status as ActionStatus);

/** Who each audience is for an action: its owner, its accountable manager (or the owner's line manager), the board chair. */
export async function audienceOf(tx: EntityManager, action: Action, plan: Plan): Promise<Record<Audience, string | null>> {
  const board = await tx.findOne(Board, { where: { id: plan.boardId }, select: { id: true, chairId: true } });
  let manager = action.managerId;
  if (!manager && action.ownerId) {
    manager = (await tx.findOne(Membership, { where: { authorityId: action.authorityId, userId: action.ownerId }, select: { id: true, managerId: true } }))?.managerId ?? null;
  }
  return { owner: action.ownerId, manager, chair: board?.chairId ?? null };
}

export async function rulesForPlan(tx: EntityManager, planId: string): Promise<ReminderRules> {
  return withDefaults((await tx.findOneBy(ReminderPlanSettings, { planId }))?.rules);
}

/** Rules for several plans at once, defaults for plans without their own. */
export async function rulesOf(tx: EntityManager, planIds: string[]): Promise<Map<string, ReminderRules>> {
  const rows = planIds.length ? await tx.findBy(ReminderPlanSettings, { planId: In(planIds) }) : [];
  const own = new Map(rows.map((r) => [r.planId, r.rules]));
  return new Map(planIds.map((id) => [id, withDefaults(own.get(id))]));
}

/** Keeps an action's reminder rows in line with its due date, people, status and plan rules. */
@Injectable()
export class ReminderScheduler {
  constructor(private readonly clock: Clock) {}

  /** Runs inside the caller's transaction; touches only the database, never Redis. */
  async scheduleAction(tx: EntityManager, action: Action, plan: Plan): Promise<void> {
    const existing = await tx.findBy(Reminder, { actionId: action.id });
    const desired = wantsReminders(action, plan) ? await this.desiredRows(tx, action, plan) : [];
    const byKey = new Map(existing.map((r) => [r.dedupeKey, r]));
    const now = this.clock.nowIso();
    const inserts: Reminder[] = [];
    for (const want of desired) {
      const row = byKey.get(want.dedupeKey);
      if (!row) {
        // A reminder whose moment passed before it existed (a new or re-dated action) is not sent late.
        if (want.dueAt >= now) inserts.push(want);
      } else if (DELIVERABLE_STATES.includes(row.state) && (row.recipientId !== want.recipientId || row.dueAt !== want.dueAt)) {
        const moved = row.dueAt !== want.dueAt;
        await tx.update(Reminder, { id: row.id }, { recipientId: want.recipientId, dueAt: want.dueAt, ...(moved ? { runAt: want.dueAt, state: 'pending' as const } : {}), updatedAt: now });
      } else if (row.state === 'cancelled' && want.dueAt >= now) {
        await tx.update(Reminder, { id: row.id }, { recipientId: want.recipientId, dueAt: want.dueAt, runAt: want.dueAt, state: 'pending', outcome: null, attempts: 0, lastError: null, updatedAt: now });
      }
    }
    const wanted = new Set(desired.map((d) => d.dedupeKey));
    const stale = existing.filter((r) => DELIVERABLE_STATES.includes(r.state) && !wanted.has(r.dedupeKey)).map((r) => r.id);
    if (stale.length) await tx.update(Reminder, { id: In(stale), state: In(DELIVERABLE_STATES) }, { state: 'cancelled', outcome: cancelReason(action, plan), updatedAt: now });
    for (let i = 0; i < inserts.length; i += 100) await tx.insert(Reminder, inserts.slice(i, i + 100));
  }

  private async desiredRows(tx: EntityManager, action: Action, plan: Plan): Promise<Reminder[]> {
    const rules = await rulesForPlan(tx, plan.id);
    const audience = await audienceOf(tx, action, plan);
    const now = this.clock.nowIso();
    return plannedReminders(action.dueDate!, rules).flatMap((p) => {
      const recipientId = audience[p.audience];
      if (!recipientId) return [];
      const dueAt = londonInstant(p.sendDate, rules.sendTime);
      return [{
        id: newId(), authorityId: action.authorityId, actionId: action.id, planId: plan.id, kind: p.kind, offsetDays: p.offsetDays,
        forDate: action.dueDate!, recipientId, deliveredToId: null, dueAt, runAt: dueAt, state: 'pending' as const,
        dedupeKey: actionDedupeKey(action.id, p.kind, p.offsetDays, action.dueDate!), attempts: 0, lastError: null, outcome: null,
        queuedAt: null, claimedAt: null, sentAt: null, createdAt: now, updatedAt: now,
      }];
    });
  }
}

function cancelReason(action: Action, plan: Plan): string {
  if (plan.status !== 'active') return `plan ${plan.status}`;
  if (!OPEN_STATUSES.includes(action.status as ActionStatus)) return `action ${action.status}`;
  return 'rescheduled';
}
