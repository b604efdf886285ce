import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobData, JobName, JobStatus, OnJob } from '@app/queue';
import { Clock } from '@app/core/clock';
import { newId } from '@app/core/ids';
import { chunks, inLanes } from '@app/database/batches';
import { Reminder } from './entities/reminder.entity';
import { isPermanentMailError, Mailer } from './mailer.service';
import { DELIVERY_BATCH_SIZE, DeliveryResult, DeliveryRows, sent, ToSend } from './delivery-rows';

export { DELIVERY_BATCH_SIZE } from './delivery-rows';
export type { DeliveryResult } from './delivery-rows';

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

/**
 * Rows claimed at a time when mail goes over SMTP. Larger batches mean fewer statements a message
 * (docs/PERFORMANCE.md); what keeps rows from waiting long in 'sending' is the process-wide limit below.
 */
export const SMTP_BATCH_SIZE = 200;
/**
 * SMTP batches claimed at once in a process, whatever the number of jobs. A job's own batches overlap as
 * far as this allows, so one batch's database work runs while another's mail is on the wire.
 */
export const SMTP_BATCHES_AT_ONCE = 4;
/**
 * The most rows a process holds in 'sending' at once, all behind the SMTP_CONCURRENCY slots: each is sent
 * within SEND_WITHIN_MS unless the server takes longer than about 2.4 s a message on each connection.
 */
export const SMTP_CLAIMED_AT_MOST = SMTP_BATCH_SIZE * SMTP_BATCHES_AT_ONCE;
/** Messages in flight to the SMTP server at once, across every job in this process. */
export const SMTP_CONCURRENCY = 16;
/**
 * A claimed row still waiting for a free SMTP slot after this long is handed back unsent, well
 * before the sending lease (SENDING_LEASE_MS, 5 minutes) could release it to another worker.
 */
export const SEND_WITHIN_MS = 2 * 60_000;

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
  private readonly smtpClaims = new Slots(SMTP_BATCHES_AT_ONCE);

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly mailer: Mailer,
    private readonly rows: DeliveryRows,
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
    await inLanes(chunks(all, smtp ? SMTP_BATCH_SIZE : DELIVERY_BATCH_SIZE), smtp ? SMTP_BATCHES_AT_ONCE : 1, (batch) =>
      this.deliverBatch(batch, at, options, out),
    );
    return out;
  }

  private async deliverBatch(ids: string[], at: Date, options: DeliverOptions, out: DeliveryOutcome): Promise<void> {
    try {
      await (this.mailer.usesSmtp ? this.smtpClaims.run(() => this.deliverBySmtp(ids, at, options, out)) : this.deliverLocally(ids, at, out));
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
      const rows = await this.rows.lockDue(tx, ids, at, results);
      const { finishes, sends } = await this.rows.prepareAll(tx, rows, at);
      await this.rows.writeInApp(tx, sends);
      await this.rows.writeEmail(
        tx,
        sends.filter((s) => s.prepared.email),
        'outbox',
      );
      await this.rows.finish(tx, { locked: true }, [...finishes, ...sends.map(sent)], results);
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
      const rows = await this.rows.claim(tx, hold, ids, at, results);
      const { finishes, sends } = await this.rows.prepareAll(tx, rows, at);
      const inAppOnly = sends.filter((s) => !s.prepared.email);
      await this.rows.writeInApp(tx, inAppOnly);
      await this.rows.finish(tx, hold, [...finishes, ...inAppOnly.map(sent)], results);
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
            return this.mailer.send({ to: m.prepared.to.email, ...this.rows.mail(m.row, m.prepared) });
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
            await this.rows.writeInApp(tx, delivered);
            await this.rows.writeEmail(tx, delivered, 'smtp');
            await this.rows.finish(tx, claimed.hold, delivered.map(sent), results);
            return results;
          }),
        );
      } catch (error) {
        failures.push(...delivered.map((m) => ({ id: m.row.id, error })));
      }
    }
    for (const f of failures) await this.fail(f.id, f.error, at, options, out);
  }

  private async fail(id: string, error: unknown, at: Date, options: DeliverOptions, out: DeliveryOutcome): Promise<void> {
    try {
      out.results.set(id, await this.recordFailure(id, error, at, options));
    } catch (thrown) {
      out.results.set(id, 'failed');
      out.errors.push(thrown);
    }
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
