import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/core/clock';
import { Measure } from '@app/database/entities';
import { chunks } from '@app/database/batches';
import { runSql, selectEntities } from '@app/database/sql';
import { lastEndedQuarter, Quarter, quarterOf, valuesDueDate } from '@app/domain';
import { DeliveryLookups } from './delivery-lookups';
import { valuesEntered } from './values-entered';
import { DELIVERABLE_STATES, Reminder } from './entities/reminder.entity';
import { stateInSql } from './state-in';
import { newReminderRow } from './reminder-row';
import { londonInstant, MEASURE_KIND, MEASURE_VALUE_RULES, measureDedupeKey, plannedReminders } from './reminder-rules';
import { ReminderScheduler } from './reminder-schedule.service';

/**
 * The measures' reminder rows that scheduling for the quarter ending `quarterEnd` can act on: that
 * quarter's, whatever their state (their keys, and who has been told), and any still to deliver
 * from an earlier quarter (to cancel). A measure's sent and cancelled rows of past quarters, six
 * more every quarter, are not read.
 */
export function remindersInPlay(tx: EntityManager, measureIds: string[], quarterEnd: string): Promise<Reminder[]> {
  const text = `SELECT * FROM "reminder" WHERE "measureId" IN (:...measureIds) AND ("forDate" = :quarterEnd OR ${stateInSql(tx)})`;
  return selectEntities(tx, Reminder, text, { measureIds, quarterEnd, reminderStates: DELIVERABLE_STATES });
}

/**
 * Keeps the reminders for measures' quarterly values in line with their owners and values, with
 * the action reminders' machinery (ReminderScheduler.align: rows, keys, catch-up; delivery as any
 * reminder). The rows are for the quarter just ended while it has no value: they are made on the
 * first run of each London day (the reconciler's daily catch-up), so a new quarter, a new owner or
 * downtime is taken up within a day; a value entered cancels what is still to come, and delivery
 * checks again (ReminderContent), so nothing goes once the value is in.
 */
@Injectable()
export class MeasureReminderScheduler {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly scheduler: ReminderScheduler,
  ) {}

  /** Every council's measures, in one transaction per thousand. Returns the rows added. */
  async scheduleAll(): Promise<number> {
    const ids = (await runSql(this.db.manager, 'SELECT "id" FROM "measure" ORDER BY "id"', {})).map((r) => String(r.id));
    let added = 0;
    for (const part of chunks(ids, 1000)) {
      added += await this.db.transaction(async (tx) =>
        this.scheduleMeasures(tx, await selectEntities(tx, Measure, 'SELECT * FROM "measure" WHERE "id" IN (:...ids)', { ids: part })),
      );
    }
    return added;
  }

  /** Runs inside the caller's transaction. Returns the rows added. */
  async scheduleMeasures(tx: EntityManager, measures: Measure[]): Promise<number> {
    if (!measures.length) return 0;
    const quarter = lastEndedQuarter(this.clock.today());
    const ids = measures.map((m) => m.id);
    const existing = await remindersInPlay(tx, ids, quarter.end);
    const entered = await valuesEntered(tx, ids, quarter.label);
    const existingByMeasure = new Map<string, Reminder[]>();
    for (const r of existing) existingByMeasure.set(r.measureId!, [...(existingByMeasure.get(r.measureId!) ?? []), r]);
    const lookup = new DeliveryLookups(tx);
    const inserts: Reminder[] = [];
    const stale = new Map<string, string[]>();
    for (const measure of measures) {
      const chase = !!measure.ownerId && !entered.has(measure.id);
      const desired = chase ? await this.desiredRows(measure, quarter, lookup) : [];
      const aligned = await this.scheduler.align(tx, desired, existingByMeasure.get(measure.id) ?? []);
      inserts.push(...aligned.insert);
      if (!aligned.cancel.length) continue;
      const reason = entered.has(measure.id) ? 'value entered' : !measure.ownerId ? 'no owner' : 'rescheduled';
      const list = stale.get(reason) ?? stale.set(reason, []).get(reason)!;
      for (const r of aligned.cancel) list.push(r.id);
    }
    return this.scheduler.write(tx, inserts, stale);
  }

  /** The owner's reminders to the deadline and the day after, then their line manager's. */
  private async desiredRows(measure: Measure, quarter: Quarter, lookup: DeliveryLookups): Promise<Reminder[]> {
    const owner = measure.ownerId!;
    const manager = await lookup.lineManagerOf(measure.authorityId, owner);
    const dueDate = valuesDueDate(quarter);
    const now = this.clock.nowIso();
    return plannedReminders(dueDate, MEASURE_VALUE_RULES).flatMap((p) => {
      const kind = MEASURE_KIND[p.kind];
      const recipientId = p.audience === 'owner' ? owner : p.audience === 'manager' ? manager : null;
      if (!kind || !recipientId) return [];
      return [
        newReminderRow(
          {
            authorityId: measure.authorityId,
            actionId: null,
            planId: null,
            measureId: measure.id,
            kind,
            offsetDays: p.offsetDays,
            forDate: quarter.end,
            recipientId,
            dueAt: londonInstant(p.sendDate, MEASURE_VALUE_RULES.sendTime),
            dedupeKey: measureDedupeKey(measure.id, kind, p.offsetDays, quarter.end),
          },
          now,
        ),
      ];
    });
  }
}

/** The quarter a measure's reminder row is about, and the value's deadline. */
export function reminderQuarter(row: Pick<Reminder, 'forDate'>): { quarter: Quarter; dueDate: string } {
  const quarter = quarterOf(row.forDate);
  return { quarter, dueDate: valuesDueDate(quarter) };
}
