import { newId } from '@app/core/ids';
import { Reminder } from './entities/reminder.entity';
import { Audience, KIND_AUDIENCE } from './reminder-rules';

/** Rows that will be delivered now or soon: a person with one of these (due by now) is being told. */
const LIVE_STATES = ['pending', 'queued', 'sending'];

/** Highest step first: a person who is both chair and manager hears once, as the chair. */
const LADDER: Audience[] = ['chair', 'manager', 'owner'];

export interface CatchUp {
  /** New rows, due now. */
  insert: Reminder[];
  /** Cancelled rows brought back, due now (a reopened or re-dated-back action). */
  revive: { row: Reminder; step: Reminder }[];
}

/**
 * An action already past steps of its ladder when it is scheduled (created, re-dated, reassigned,
 * reopened, or the worker was down) is not left silent: each person the ladder has reached who has
 * not been told since its highest step for them is told once, now, by that step's reminder. The
 * message is written on the day it goes, so it says how long the action has been overdue. Steps
 * passed earlier are not sent at all.
 *
 * The row's dedupe key is the step's own key, so repeating the schedule (a second worker start, a
 * second reschedule) finds it and adds nothing. Only when that step was already told to someone
 * else (the owner or manager changed) does the new person's row get the step's key with their id.
 *
 * `desired` are the rows the rules want now for the action's current due date and people;
 * `existing` its rows as they stand after this schedule's updates; `now` an ISO instant.
 */
export function catchUps(desired: Reminder[], existing: Reminder[], now: string): CatchUp {
  const out: CatchUp = { insert: [], revive: [] };
  const byKey = new Map(existing.map((r) => [r.dedupeKey, r]));
  const toldNow = new Set<string>();
  for (const audience of LADDER) {
    const passed = desired.filter((d) => KIND_AUDIENCE[d.kind] === audience && (d.offsetDays ?? -1) >= 0 && d.dueAt < now);
    if (!passed.length) continue;
    const latest = passed.reduce((a, b) => (b.dueAt > a.dueAt ? b : a));
    const to = latest.recipientId;
    if (toldNow.has(to) || toldSince(existing, latest, audience, now)) continue;
    toldNow.add(to);
    const own = byKey.get(latest.dedupeKey);
    const row = own && own.recipientId !== to && own.state !== 'cancelled' ? byKey.get(personalKey(latest.dedupeKey, to)) : own;
    if (!row) {
      const key = own ? personalKey(latest.dedupeKey, to) : latest.dedupeKey;
      out.insert.push({ ...latest, id: newId(), dedupeKey: key, runAt: now });
    } else if (row.state === 'cancelled') {
      out.revive.push({ row, step: latest });
    }
    // Any other state: this step was already sent, skipped or failed for this person; never again.
  }
  return out;
}

/** The key of a step told again to a new person: the step's key with whom it is for. */
export const personalKey = (key: string, recipientId: string) => `${key}:${recipientId}`;

/** Whether the person has been told about this due date since the step was reached, or is about to be. */
function toldSince(existing: Reminder[], step: Reminder, audience: Audience, now: string): boolean {
  return existing.some(
    (r) =>
      r.forDate === step.forDate &&
      KIND_AUDIENCE[r.kind] === audience &&
      r.recipientId === step.recipientId &&
      ((r.state === 'sent' && !!r.sentAt && r.sentAt >= step.dueAt) || (LIVE_STATES.includes(r.state) && r.runAt <= now)),
  );
}
