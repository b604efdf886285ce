import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/src';
import { JobData, JobName, JobStatus, OnJob } from '../../queue/src';
import { Clock } from '../../core/src/clock';
import { newId } from '../../core/src/ids';
import { Notification, OutboxEmail } from './entities';
import { DELIVERABLE_STATES, Reminder } from './entities/reminder.entity';
import { isPermanentMailError, Mailer, reminderMessageId } from './mailer.service';
import { Prepared, ReminderContent } from './reminder-content.service';

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

type Send = Extract<Prepared, { send: true }>;

/**
 * Delivers one reminder row exactly once. The row is claimed by a conditional UPDATE, so a
 * repeated, stale or concurrent job finds nothing to claim and does nothing.
 */
@Injectable()
export class ReminderDeliveryService {
  private readonly log = new Logger('ReminderDelivery');

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly mailer: Mailer,
    private readonly content: ReminderContent,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The queue's handler: a passing failure before the final attempt throws, so BullMQ retries with backoff. */
  @OnJob(JobName.ReminderDeliver)
  async onDeliverJob(data: JobData[JobName.ReminderDeliver], context: { finalAttempt: boolean }): Promise<JobStatus> {
    const result = await this.deliver(data.reminderId, { finalAttempt: context.finalAttempt });
    return result === 'sent' ? 'done' : result === 'failed' || result === 'deferred' ? result : 'skipped';
  }

  async deliver(reminderId: string, options: DeliverOptions = {}): Promise<DeliveryResult> {
    const at = options.at ?? this.clock.now();
    try {
      return this.mailer.usesSmtp ? await this.deliverBySmtp(reminderId, at, options) : await this.deliverLocally(reminderId, at);
    } catch (error) {
      return this.recordFailure(reminderId, error, at, options);
    }
  }

  /** In-app and outbox only: claim, write and mark sent in one transaction, so it happens once or not at all. */
  private deliverLocally(reminderId: string, at: Date): Promise<DeliveryResult> {
    return this.db.transaction(async (tx) => {
      const row = await this.claim(tx, reminderId, at);
      if (!row) return this.whyNot(tx, reminderId, at);
      const prepared = await this.content.prepare(tx, row, at);
      if (!prepared.send) return this.finish(tx, row, prepared.state, prepared.outcome);
      await this.writeInApp(tx, row, prepared);
      if (prepared.email) await this.writeEmail(tx, row, prepared, 'outbox');
      return this.finish(tx, row, 'sent', prepared.outcome, prepared.to.id);
    });
  }

  /** SMTP cannot join a transaction: claim and commit, send, then record. A crash in between is recovered by the reconciler. */
  private async deliverBySmtp(reminderId: string, at: Date, options: DeliverOptions): Promise<DeliveryResult> {
    const claimed = await this.db.transaction(async (tx): Promise<{ result: DeliveryResult } | { row: Reminder; prepared: Send }> => {
      const row = await this.claim(tx, reminderId, at);
      if (!row) return { result: await this.whyNot(tx, reminderId, at) };
      const prepared = await this.content.prepare(tx, row, at);
      if (!prepared.send) return { result: await this.finish(tx, row, prepared.state, prepared.outcome) };
      if (!prepared.email) {
        await this.writeInApp(tx, row, prepared);
        return { result: await this.finish(tx, row, 'sent', prepared.outcome, prepared.to.id) };
      }
      return { row, prepared };
    });
    if ('result' in claimed) return claimed.result;
    const { row, prepared } = claimed;
    await this.mailer.send({ to: prepared.to.email, ...this.mail(row, prepared) });
    return this.db.transaction(async (tx) => {
      await this.writeInApp(tx, row, prepared);
      await this.writeEmail(tx, row, prepared, 'smtp');
      return this.finish(tx, row, 'sent', prepared.outcome, prepared.to.id);
    });
  }

  private async claim(tx: EntityManager, id: string, at: Date): Promise<Reminder | null> {
    const now = this.clock.nowIso();
    const claimed = await tx.createQueryBuilder().update(Reminder)
      .set({ state: 'sending', claimedAt: now, updatedAt: now, attempts: () => '"attempts" + 1' })
      .where({ id, state: In(DELIVERABLE_STATES), runAt: LessThanOrEqual(at.toISOString()) })
      .execute();
    return claimed.affected ? tx.findOneBy(Reminder, { id }) : null;
  }

  /** Nothing claimed: a repeat (already handled), a row another worker holds, or one not yet due. */
  private async whyNot(tx: EntityManager, id: string, at: Date): Promise<DeliveryResult> {
    const row = await tx.findOne(Reminder, { where: { id }, select: { id: true, state: true, runAt: true } });
    if (row && DELIVERABLE_STATES.includes(row.state) && row.runAt > at.toISOString()) {
      // Rescheduled to later after it was queued: hand it back to the reconciler.
      await tx.update(Reminder, { id, state: 'queued' }, { state: 'pending', updatedAt: this.clock.nowIso() });
      return 'not_due';
    }
    return 'noop';
  }

  private async finish(tx: EntityManager, row: Reminder, state: 'sent' | 'skipped' | 'cancelled', outcome: string, deliveredToId: string | null = null): Promise<DeliveryResult> {
    const now = this.clock.nowIso();
    await tx.update(Reminder, { id: row.id, state: 'sending' }, { state, outcome, deliveredToId, sentAt: state === 'sent' ? now : null, lastError: null, updatedAt: now });
    return state;
  }

  private async writeInApp(tx: EntityManager, row: Reminder, prepared: Send): Promise<void> {
    if (!prepared.inApp) return;
    const m = prepared.message;
    await tx.createQueryBuilder().insert().into(Notification).values({
      id: newId(), authorityId: row.authorityId, userId: prepared.to.id, reminderId: row.id, actionId: row.actionId, kind: row.kind,
      title: m.title.slice(0, 300), body: m.text, link: m.link.slice(0, 500), createdAt: this.clock.nowIso(), readAt: null,
    }).orIgnore().execute();
  }

  private async writeEmail(tx: EntityManager, row: Reminder, prepared: Send, transport: 'outbox' | 'smtp'): Promise<void> {
    const mail = this.mail(row, prepared);
    await tx.createQueryBuilder().insert().into(OutboxEmail).values({
      id: newId(), authorityId: row.authorityId, reminderId: row.id, userId: prepared.to.id, toAddress: prepared.to.email,
      subject: mail.subject.slice(0, 300), textBody: mail.text, htmlBody: mail.html, messageId: mail.messageId, transport, createdAt: this.clock.nowIso(),
    }).orIgnore().execute();
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
    const next = permanent ? { state: 'failed' as const } : options.finalAttempt === false ? { state: 'queued' as const } : { state: 'pending' as const, runAt: later };
    await this.db.transaction((tx) => tx.update(Reminder, { id, state: 'sending' }, { ...next, lastError: message, updatedAt: this.clock.nowIso() }));
    this.log.warn(`Reminder ${id} attempt ${row.attempts} failed (${next.state}): ${message}`);
    if (permanent) return 'failed';
    if (next.state === 'queued') throw error;
    return 'deferred';
  }
}
