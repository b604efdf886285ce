import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { accountableManagerOf } from '@app/core/actions/accountable-manager';
import { Clock } from '@app/core/clock';
import { Action, Plan } from '@app/database/entities';
import { chunks } from '@app/database/batches';
import { insertMany, selectEntities } from '@app/database/sql';
import { OPEN_STATUSES } from '@app/domain';
import { DELIVERABLE_STATES, Reminder } from './entities/reminder.entity';
import { DeliveryLookups } from './delivery-lookups';
import { stateIn } from './state-in';
import { newReminderRow } from './reminder-row';
import { actionDedupeKey, Audience, londonInstant, overdueRepeats, plannedReminders, ReminderRules } from './reminder-rules';
import { rulesOf } from './plan-rules';
import { catchUps, personalKey } from './catch-up';

/** Reminders are for open actions of active plans: a draft's dates are not final, a closed plan is over. */
export const wantsReminders = (action: Action, plan: Plan) => plan.status === 'active' && !!action.dueDate && OPEN_STATUSES.includes(action.status);

/** Where audienceOf finds a board's chair and a member's line manager (batch delivery passes a preloaded one). */
export interface AudienceLookup {
  chairOf(boardId: string): Promise<string | null>;
  lineManagerOf(authorityId: string, userId: string): Promise<string | null>;
}

/** Who each audience is for an action: its owner, its accountable manager (accountableManagerOf), the board chair. */
export async function audienceOf(action: Action, plan: Plan, lookup: AudienceLookup): Promise<Record<Audience, string | null>> {
  const chair = await lookup.chairOf(plan.boardId);
  const manager = await accountableManagerOf(action, (userId) => lookup.lineManagerOf(action.authorityId, userId));
  return { owner: action.ownerId, manager, chair };
}

/** Keeps an action's reminder rows in line with its due date, people, status and plan rules. */
@Injectable()
export class ReminderScheduler {
  constructor(private readonly clock: Clock) {}

  /** Runs inside the caller's transaction; touches only the database, never Redis. */
  async scheduleAction(tx: EntityManager, action: Action, plan: Plan): Promise<void> {
    await this.scheduleActions(tx, [action], new Map([[plan.id, plan]]));
  }

  /** Many actions at once (backfill, bulk import, a plan's rules changing): the same rules, in a few queries per batch. Returns the rows added. */
  async scheduleActions(tx: EntityManager, actions: Action[], plans: Map<string, Plan>): Promise<number> {
    const existingByAction = new Map<string, Reminder[]>();
    for (const part of chunks(
      actions.map((a) => a.id),
      1000,
    )) {
      for (const r of await selectEntities(tx, Reminder, 'SELECT * FROM "reminder" WHERE "actionId" IN (:...ids)', { ids: part })) {
        const list = existingByAction.get(r.actionId!);
        if (list) list.push(r);
        else existingByAction.set(r.actionId!, [r]);
      }
    }
    const rules = await rulesOf(tx, [...new Set(actions.map((a) => a.planId))]);
    const lookup = new DeliveryLookups(tx);
    const inserts: Reminder[] = [];
    const stale = new Map<string, string[]>();
    for (const action of actions) {
      const plan = plans.get(action.planId)!;
      const desired = wantsReminders(action, plan) ? this.desiredRows(action, plan, rules.get(plan.id)!, await audienceOf(action, plan, lookup)) : [];
      const aligned = await this.align(tx, desired, existingByAction.get(action.id) ?? []);
      inserts.push(...aligned.insert);
      const reason = cancelReason(action, plan);
      if (!aligned.cancel.length) continue;
      const ids = stale.get(reason) ?? stale.set(reason, []).get(reason)!;
      for (const r of aligned.cancel) ids.push(r.id);
    }
    return this.write(tx, inserts, stale);
  }

  /**
   * Brings one subject's rows (an action's, or a measure's for a quarter) in line with the rows its
   * rules want now: moved or re-addressed steps are updated, steps to come that were cancelled come
   * back, passed steps are caught up (catchUps). Returns the rows to add and the live rows no longer
   * wanted (to cancel with `write`).
   */
  async align(tx: EntityManager, desired: Reminder[], existing: Reminder[]): Promise<{ insert: Reminder[]; cancel: Reminder[] }> {
    const now = this.clock.nowIso();
    const insert: Reminder[] = [];
    const byKey = new Map(existing.map((r) => [r.dedupeKey, r]));
    for (const want of desired) {
      const row = byKey.get(want.dedupeKey);
      if (!row) {
        // A step already passed is not sent as such: catchUps below decides who is told now.
        if (want.dueAt >= now) insert.push(want);
      } else if (DELIVERABLE_STATES.includes(row.state) && (row.recipientId !== want.recipientId || row.dueAt !== want.dueAt)) {
        const moved = row.dueAt !== want.dueAt;
        const set = { recipientId: want.recipientId, dueAt: want.dueAt, ...(moved ? { runAt: want.dueAt, state: 'pending' as const } : {}), updatedAt: now };
        await tx.update(Reminder, { id: row.id }, set);
        Object.assign(row, set);
      } else if (row.state === 'cancelled' && want.dueAt >= now) {
        await this.revive(tx, row, want, want.dueAt, now);
      }
    }
    // A catch-up told to a new person (its key names them) stays wanted while they are still the one to tell.
    const wanted = new Set(desired.flatMap((d) => [d.dedupeKey, personalKey(d.dedupeKey, d.recipientId)]));
    const cancel = existing.filter((r) => DELIVERABLE_STATES.includes(r.state) && !wanted.has(r.dedupeKey));
    for (const r of cancel) r.state = 'cancelled';
    const caught = catchUps(desired, existing, now);
    insert.push(...caught.insert);
    for (const { row, step } of caught.revive) await this.revive(tx, row, step, now, now);
    return { insert, cancel };
  }

  /** Cancels the rows no longer wanted (ids by the reason given) and adds the new ones. Returns the rows added. */
  async write(tx: EntityManager, inserts: Reminder[], stale: Map<string, string[]>): Promise<number> {
    const now = this.clock.nowIso();
    for (const [reason, ids] of stale) {
      for (const part of chunks(ids, 500))
        await tx.update(Reminder, { id: In(part), state: stateIn(tx, DELIVERABLE_STATES) }, { state: 'cancelled', outcome: reason, updatedAt: now });
    }
    // A concurrent schedule of the same subject (two worker starts) may have made a row first: the key keeps it one.
    await insertMany(tx, Reminder, inserts, { ignoreConflicts: true });
    return inserts.length;
  }

  /** A cancelled row made live again for the step `want` describes, to be sent at `runAt`, as if new. */
  private async revive(tx: EntityManager, row: Reminder, want: Reminder, runAt: string, now: string): Promise<void> {
    const set = {
      recipientId: want.recipientId,
      dueAt: want.dueAt,
      runAt,
      state: 'pending' as const,
      outcome: null,
      attempts: 0,
      lastError: null,
      updatedAt: now,
    };
    await tx.update(Reminder, { id: row.id }, set);
    Object.assign(row, set);
  }

  private desiredRows(action: Action, plan: Plan, rules: ReminderRules, audience: Record<Audience, string | null>): Reminder[] {
    const now = this.clock.nowIso();
    const points = [...plannedReminders(action.dueDate!, rules), ...overdueRepeats(action.dueDate!, rules, this.clock.today())];
    return points.flatMap((p) => {
      const recipientId = audience[p.audience];
      if (!recipientId) return [];
      const dueAt = londonInstant(p.sendDate, rules.sendTime);
      return [
        newReminderRow(
          {
            authorityId: action.authorityId,
            actionId: action.id,
            planId: plan.id,
            kind: p.kind,
            offsetDays: p.offsetDays,
            forDate: action.dueDate!,
            recipientId,
            dueAt,
            dedupeKey: actionDedupeKey(action.id, p.kind, p.offsetDays, action.dueDate!),
          },
          now,
        ),
      ];
    });
  }
}

function cancelReason(action: Action, plan: Plan): string {
  if (plan.status !== 'active') return `plan ${plan.status}`;
  if (!OPEN_STATUSES.includes(action.status)) return `action ${action.status}`;
  return 'rescheduled';
}
