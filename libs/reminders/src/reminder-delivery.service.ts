import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JobData, JobName, JobStatus, OnJob } from '@app/queue';
import { Clock } from '@app/core/clock';
import { newId } from '@app/core/ids';
import { chunks, inLanes } from '@app/database/batches';
import { insertMany, isPostgres, selectEntities, updateRows } from '@app/database/sql';
import { Notification, OutboxEmail } from './entities';
import { DELIVERABLE_STATES, Reminder } from './entities/reminder.entity';
import { isPermanentMailError, Mailer, reminderMessageId } from './mailer.service';
import { DeliveryLookups } from './delivery-lookups';
import { Prepared, ReminderContent } from './reminder-content.service';
import { stateIn, stateInSql } from './state-in';

export type DeliveryResult = 'sent' | 'skipped' | 'cancelled' | 'noop' | 'not_due' | 'deferred' | 'failed';

export interface DeliverOptions {
  /** Deliver if due by this instant (default now). */
  at?: Date;
  /** No further automatic attempt follows this one: on a passing failure, leave the row for the reconciler. */
  finalAttempt?: boolean;
}

/** Attempts at or beyond this stop retrying and are recorded as failed, for an admin to see. */
export const MAX_ATTEMPTS = 12;

/** After the queue's own retries, wait this long (doubling per attempt, capped) before trying again. */
export const retryLaterMs = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

/** Rows per job, and rows claimed, prepared and recorded per transaction on the in-app and outbox path. */
export const DELIVERY_BATCH_SIZE = 2000;
/** Rows claimed at a time when mail goes over SMTP: few enough that none waits long in 'sending' for its turn. */
export const SMTP_BATCH_SIZE = 50;
/** SMTP batches of one job under way at once: the messages in flight are still bounded by SMTP_CONCURRENCY. */
export const SMTP_BATCHES_AT_ONCE = 4;
/** Messages in flight to the SMTP server at once, across every job in this process. */
export const SMTP_CONCURRENCY = 16;
/**
 * A claimed row still waiting for a free SMTP slot after this long is handed back unsent, well
 * before the sending lease (SENDING_LEASE_MS, 5 minutes) could release it to another worker.
 */
export const SEND_WITHIN_MS = 2 * 60_000;

type Send = Extract<Prepared, { send: true }>;
type ToSend = { row: Reminder; prepared: Send };
type Finish = { id: string; state: 'sent' | 'skipped' | 'cancelled'; outcome: string; deliveredToId: string | null };
/** How a batch holds its rows: by the token its claim stamped on them (SMTP), or by locks until its transaction ends. */
type Hold = { token: string } | { locked: true };

/** Each row's result, and the errors to hand to the queue (rows waiting for its retry, or a failure nothing recorded). */
export interface DeliveryOutcome {
  results: Map<string, DeliveryResult>;
  errors: unknown[];
}

/**
 * Delivers reminder rows exactly once, many per transaction. A batch takes only the rows still
 * deliverable and due, and marks them done only while it holds them, so a repeated, stale or
 * concurrent job finds nothing to take and does nothing.
 */
@Injectable()
export class ReminderDeliveryService {
  private readonly log = new Logger('ReminderDelivery');
  private readonly smtpSlots = new Slots(SMTP_CONCURRENCY);

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly mailer: Mailer,
    private readonly content: ReminderContent,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The queue's handlers: a passing failure before the final attempt throws, so BullMQ retries with backoff. */
  @OnJob(JobName.ReminderDeliver)
  onDeliverJob(data: JobData[JobName.ReminderDeliver], context: { finalAttempt: boolean }): Promise<JobStatus> {
    return this.runJob([data.reminderId], context.finalAttempt);
  }

  /** Rows already handled are no-ops when BullMQ runs the job again, so only the rows still waiting are retried. */
  @OnJob(JobName.ReminderDeliverBatch)
  onDeliverBatchJob(data: JobData[JobName.ReminderDeliverBatch], context: { finalAttempt: boolean }): Promise<JobStatus> {
    return this.runJob(data.reminderIds, context.finalAttempt);
  }

  private async runJob(ids: string[], finalAttempt: boolean): Promise<JobStatus> {
    const { results, errors } = await this.deliverMany(ids, { finalAttempt });
    if (errors.length) throw errors[0];
    const all = [...results.values()];
    return all.includes('sent') ? 'done' : all.includes('failed') ? 'failed' : all.includes('deferred') ? 'deferred' : 'skipped';
  }

  async deliver(reminderId: string, options: DeliverOptions = {}): Promise<DeliveryResult> {
    const { results, errors } = await this.deliverMany([reminderId], options);
    if (errors.length) throw errors[0];
    return results.get(reminderId)!;
  }

  /** The one delivery path, for the worker's jobs and the CLI's catch-up alike. Never throws: see `errors`. */
  async deliverMany(ids: string[], options: DeliverOptions = {}): Promise<DeliveryOutcome> {
    const at = options.at ?? this.clock.now();
    const out: DeliveryOutcome = { results: new Map(), errors: [] };
    const all = [...new Set(ids)];
    const smtp = this.mailer.usesSmtp;
    // Over SMTP a few batches overlap, so one batch's database work runs while another's mail is on the wire.
    await inLanes(chunks(all, smtp ? SMTP_BATCH_SIZE : DELIVERY_BATCH_SIZE), smtp ? SMTP_BATCHES_AT_ONCE : 1, (batch) =>
      this.deliverBatch(batch, at, options, out),
    );
    return out;
  }

  private async deliverBatch(ids: string[], at: Date, options: DeliverOptions, out: DeliveryOutcome): Promise<void> {
    try {
      await (this.mailer.usesSmtp ? this.deliverBySmtp(ids, at, options, out) : this.deliverLocally(ids, at, out));
    } catch (error) {
      // Nothing of the batch was committed: take its rows one at a time, so a bad row fails alone.
      if (ids.length > 1) {
        for (const id of ids) await this.deliverBatch([id], at, options, out);
        return;
      }
      await this.fail(ids[0], error, at, options, out);
    }
  }

  /** In-app and outbox only: take, write and mark done in one transaction, so each row happens once or not at all. */
  private async deliverLocally(ids: string[], at: Date, out: DeliveryOutcome): Promise<void> {
    const results = await this.db.transaction(async (tx) => {
      const results = new Map<string, DeliveryResult>();
      const rows = await this.lockDue(tx, ids, at, results);
      const { finishes, sends } = await this.prepareAll(tx, rows, at);
      await this.writeInApp(tx, sends);
      await this.writeEmail(
        tx,
        sends.filter((s) => s.prepared.email),
        'outbox',
      );
      await this.finish(tx, { locked: true }, [...finishes, ...sends.map(sent)], results);
      return results;
    });
    merge(out, results);
  }

  /**
   * SMTP cannot join a transaction: claim and commit, send, then record. A crash in between leaves
   * rows 'sending', released to be tried again once their lease runs out. Only the claim throws.
   */
  private async deliverBySmtp(ids: string[], at: Date, options: DeliverOptions, out: DeliveryOutcome): Promise<void> {
    const claimed = await this.db.transaction(async (tx) => {
      const results = new Map<string, DeliveryResult>();
      const hold = { token: newId() };
      const rows = await this.claim(tx, hold, ids, at, results);
      const { finishes, sends } = await this.prepareAll(tx, rows, at);
      const inAppOnly = sends.filter((s) => !s.prepared.email);
      await this.writeInApp(tx, inAppOnly);
      await this.finish(tx, hold, [...finishes, ...inAppOnly.map(sent)], results);
      return { hold, results, mails: sends.filter((s) => s.prepared.email) };
    });
    merge(out, claimed.results);
    const claimedAt = Date.now();
    const delivered: ToSend[] = [];
    const failures: { id: string; error: unknown }[] = [];
    await Promise.all(
      claimed.mails.map(async (m) => {
        try {
          await this.smtpSlots.run(() => {
            if (Date.now() - claimedAt > SEND_WITHIN_MS) throw new Error('Waited too long for the SMTP server; sending later');
            return this.mailer.send({ to: m.prepared.to.email, ...this.mail(m.row, m.prepared) });
          });
          delivered.push(m);
        } catch (error) {
          failures.push({ id: m.row.id, error });
        }
      }),
    );
    if (delivered.length) {
      try {
        merge(
          out,
          await this.db.transaction(async (tx) => {
            const results = new Map<string, DeliveryResult>();
            await this.writeInApp(tx, delivered);
            await this.writeEmail(tx, delivered, 'smtp');
            await this.finish(tx, claimed.hold, delivered.map(sent), results);
            return results;
          }),
        );
      } catch (error) {
        failures.push(...delivered.map((m) => ({ id: m.row.id, error })));
      }
    }
    for (const f of failures) await this.fail(f.id, f.error, at, options, out);
  }

  /**
   * For SMTP, whose sending happens after this transaction commits: one UPDATE marks every row
   * still deliverable and due as 'sending' with the hold's token; reading back by it finds exactly those.
   */
  private async claim(tx: EntityManager, hold: { token: string }, ids: string[], at: Date, results: Map<string, DeliveryResult>): Promise<Reminder[]> {
    const now = this.clock.nowIso();
    await updateRows(
      tx,
      'reminder',
      { state: 'sending', claimToken: hold.token, claimedAt: now, updatedAt: now, attempts: () => '"attempts" + 1' },
      `"id" IN (:...ids) AND ${stateInSql(tx)} AND "runAt" <= :at`,
      { ids, reminderStates: DELIVERABLE_STATES, at: at.toISOString() },
    );
    const rows = await selectEntities(tx, Reminder, 'SELECT * FROM "reminder" WHERE "id" IN (:...ids) AND "claimToken" = :token ORDER BY "runAt", "id"', {
      ids,
      token: hold.token,
    });
    await this.explainTheRest(tx, ids, rows, at, results);
    return rows;
  }

  /**
   * The rows still deliverable and due, held until the transaction ends without writing to them:
   * PostgreSQL locks them (a concurrent batch waits, then finds them done), and on SQLite the
   * transaction has held the database's write lock since it began.
   */
  private async lockDue(tx: EntityManager, ids: string[], at: Date, results: Map<string, DeliveryResult>): Promise<Reminder[]> {
    const forUpdate = isPostgres(tx) ? ' FOR UPDATE' : '';
    const rows = await selectEntities(
      tx,
      Reminder,
      `SELECT * FROM "reminder" WHERE "id" IN (:...ids) AND ${stateInSql(tx)} AND "runAt" <= :at ORDER BY "runAt", "id"${forUpdate}`,
      { ids, reminderStates: DELIVERABLE_STATES, at: at.toISOString() },
    );
    await this.explainTheRest(tx, ids, rows, at, results);
    return rows;
  }

  private async explainTheRest(tx: EntityManager, ids: string[], taken: Reminder[], at: Date, results: Map<string, DeliveryResult>): Promise<void> {
    const won = new Set(taken.map((r) => r.id));
    const others = ids.filter((id) => !won.has(id));
    if (others.length) await this.whyNot(tx, others, at, results);
  }

  /** Nothing claimed: a repeat (already handled), a row another worker holds, or one not yet due. */
  private async whyNot(tx: EntityManager, ids: string[], at: Date, results: Map<string, DeliveryResult>): Promise<void> {
    const found = await tx.find(Reminder, { where: { id: In(ids) }, select: { id: true, state: true, runAt: true } });
    const notDue = new Set(found.filter((r) => DELIVERABLE_STATES.includes(r.state) && r.runAt > at.toISOString()).map((r) => r.id));
    // Rescheduled to later after it was queued: hand it back to the reconciler.
    if (notDue.size) await tx.update(Reminder, { id: In([...notDue]), state: stateIn(tx, ['queued']) }, { state: 'pending', updatedAt: this.clock.nowIso() });
    for (const id of ids) results.set(id, notDue.has(id) ? 'not_due' : 'noop');
  }

  private async prepareAll(tx: EntityManager, rows: Reminder[], at: Date): Promise<{ finishes: Finish[]; sends: ToSend[] }> {
    const lookups = new DeliveryLookups(tx);
    await lookups.preload(rows, at);
    const finishes: Finish[] = [];
    const sends: ToSend[] = [];
    for (const row of rows) {
      const prepared = await this.content.prepare(tx, row, at, lookups);
      if (prepared.send) sends.push({ row, prepared });
      else finishes.push({ id: row.id, state: prepared.state, outcome: prepared.outcome, deliveredToId: null });
    }
    return { finishes, sends };
  }

  /**
   * Records outcomes, one UPDATE per distinct outcome. Only rows this batch still holds change: a
   * claim's rows that kept its token or, for locked rows, every one of them, or nothing at all.
   */
  private async finish(tx: EntityManager, hold: Hold, finishes: Finish[], results: Map<string, DeliveryResult>): Promise<void> {
    const now = this.clock.nowIso();
    const groups = new Map<string, { f: Finish; ids: string[] }>();
    for (const f of finishes) {
      const key = JSON.stringify([f.state, f.outcome, f.deliveredToId]);
      const group = groups.get(key) ?? { f, ids: [] };
      group.ids.push(f.id);
      groups.set(key, group);
    }
    for (const { f, ids } of groups.values()) {
      const set = {
        state: f.state,
        outcome: f.outcome,
        deliveredToId: f.deliveredToId,
        sentAt: f.state === 'sent' ? now : null,
        lastError: null,
        updatedAt: now,
      };
      for (const part of chunks(ids, DELIVERY_BATCH_SIZE)) {
        if ('token' in hold) {
          await updateRows(tx, 'reminder', set, `"id" IN (:...ids) AND ${stateInSql(tx)} AND "claimToken" = :token`, {
            ids: part,
            reminderStates: ['sending'],
            token: hold.token,
          });
          continue;
        }
        const changed = await updateRows(
          tx,
          'reminder',
          { ...set, claimedAt: now, attempts: () => '"attempts" + 1' },
          `"id" IN (:...ids) AND ${stateInSql(tx)}`,
          { ids: part, reminderStates: DELIVERABLE_STATES },
        );
        if (changed !== part.length) throw new Error('Reminder rows changed while they were being delivered');
      }
    }
    for (const f of finishes) results.set(f.id, f.state);
  }

  private async writeInApp(tx: EntityManager, sends: ToSend[]): Promise<void> {
    const now = this.clock.nowIso();
    const values = sends
      .filter((s) => s.prepared.inApp)
      .map(({ row, prepared }) => {
        const m = prepared.message;
        return {
          id: newId(),
          authorityId: row.authorityId,
          userId: prepared.to.id,
          reminderId: row.id,
          actionId: row.actionId,
          kind: row.kind,
          title: m.title.slice(0, 300),
          body: m.text,
          link: m.link.slice(0, 500),
          createdAt: now,
          readAt: null,
        };
      });
    await insertMany(tx, Notification, values, { ignoreConflicts: true });
  }

  private async writeEmail(tx: EntityManager, sends: ToSend[], transport: 'outbox' | 'smtp'): Promise<void> {
    const now = this.clock.nowIso();
    const values = sends.map(({ row, prepared }) => {
      const mail = this.mail(row, prepared);
      return {
        id: newId(),
        authorityId: row.authorityId,
        reminderId: row.id,
        userId: prepared.to.id,
        toAddress: prepared.to.email,
        subject: mail.subject.slice(0, 300),
        textBody: mail.text,
        htmlBody: mail.html,
        messageId: mail.messageId,
        transport,
        createdAt: now,
      };
    });
    await insertMany(tx, OutboxEmail, values, { ignoreConflicts: true });
  }

  private async fail(id: string, error: unknown, at: Date, options: DeliverOptions, out: DeliveryOutcome): Promise<void> {
    try {
      out.results.set(id, await this.recordFailure(id, error, at, options));
    } catch (thrown) {
      out.results.set(id, 'failed');
      out.errors.push(thrown);
    }
  }

  private mail(row: Reminder, prepared: Send) {
    const m = prepared.message;
    return { subject: m.subject, text: m.text, html: m.html, messageId: reminderMessageId(row.id, this.config.publicUrl) };
  }

  /**
   * A failed attempt. Permanent failures (the mail server refused the message) and rows out of
   * attempts are recorded as failed for admins; anything else is retried: by the queue with
   * backoff, or after its final attempt by the reconciler later.
   */
  private async recordFailure(id: string, error: unknown, at: Date, options: DeliverOptions): Promise<DeliveryResult> {
    const message = String((error as Error)?.message ?? error).slice(0, 1000);
    const row = await this.db.manager.findOne(Reminder, { where: { id }, select: { id: true, attempts: true, state: true } });
    if (!row || row.state !== 'sending') throw error;
    const permanent = isPermanentMailError(error) || row.attempts >= MAX_ATTEMPTS;
    const later = new Date(Math.max(at.getTime(), this.clock.now().getTime()) + retryLaterMs(row.attempts)).toISOString();
    const next = permanent
      ? { state: 'failed' as const }
      : options.finalAttempt === false
        ? { state: 'queued' as const }
        : { state: 'pending' as const, runAt: later };
    await this.db.transaction((tx) => tx.update(Reminder, { id, state: 'sending' }, { ...next, lastError: message, updatedAt: this.clock.nowIso() }));
    this.log.warn(`Reminder ${id} attempt ${row.attempts} failed (${next.state}): ${message}`);
    if (permanent) return 'failed';
    if (next.state === 'queued') throw error;
    return 'deferred';
  }
}

const sent = ({ row, prepared }: ToSend): Finish => ({ id: row.id, state: 'sent', outcome: prepared.outcome, deliveredToId: prepared.to.id });

function merge(out: DeliveryOutcome, results: Map<string, DeliveryResult>): void {
  for (const [id, result] of results) out.results.set(id, result);
}

/** At most `free` pieces of work at once; the rest wait their turn. */
class Slots {
  private readonly waiting: (() => void)[] = [];

  constructor(private free: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}
