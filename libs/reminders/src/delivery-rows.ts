import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Clock } from '@app/core/clock';
import { newId } from '@app/core/ids';
import { chunks } from '@app/database/batches';
import { insertMany, isPostgres, selectEntities, updateRows } from '@app/database/sql';
import { Notification, OutboxEmail } from './entities';
import { DELIVERABLE_STATES, Reminder } from './entities/reminder.entity';
import { reminderMessageId } from './mailer.service';
import { DeliveryLookups } from './delivery-lookups';
import { Prepared, ReminderContent } from './reminder-content.service';
import { stateIn, stateInSql } from './state-in';

export type DeliveryResult = 'sent' | 'skipped' | 'cancelled' | 'noop' | 'not_due' | 'deferred' | 'failed';

/** Rows per job, and rows claimed, prepared and recorded per transaction on the in-app and outbox path. */
export const DELIVERY_BATCH_SIZE = 2000;

type Send = Extract<Prepared, { send: true }>;
export type ToSend = { row: Reminder; prepared: Send };
/** `toRecipient`: delivered to the person the row is addressed to, so deliveredToId is its recipientId. */
export type Finish = { id: string; state: 'sent' | 'skipped' | 'cancelled'; outcome: string; deliveredToId: string | null; toRecipient?: boolean };
/** How a batch holds its rows: by the token its claim stamped on them (SMTP), or by locks until its transaction ends. */
export type Hold = { token: string } | { locked: true };

/**
 * The reminder rows' side of delivery: taking the due rows, preparing what each says, writing the
 * notifications and emails, and recording outcomes only on rows the batch still holds.
 */
@Injectable()
export class DeliveryRows {
  constructor(
    private readonly clock: Clock,
    private readonly content: ReminderContent,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * For SMTP, whose sending happens after this transaction commits: one UPDATE marks every row
   * still deliverable and due as 'sending' with the hold's token; reading back by it finds exactly those.
   */
  async claim(tx: EntityManager, hold: { token: string }, ids: string[], at: Date, results: Map<string, DeliveryResult>): Promise<Reminder[]> {
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
  async lockDue(tx: EntityManager, ids: string[], at: Date, results: Map<string, DeliveryResult>): Promise<Reminder[]> {
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

  async prepareAll(tx: EntityManager, rows: Reminder[], at: Date): Promise<{ finishes: Finish[]; sends: ToSend[] }> {
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
   * Rows delivered to their own recipient take deliveredToId from recipientId in the statement, so
   * a batch for many people is still a few UPDATEs (one per person was 6,000 for 100,000 rows).
   */
  async finish(tx: EntityManager, hold: Hold, finishes: Finish[], results: Map<string, DeliveryResult>): Promise<void> {
    const now = this.clock.nowIso();
    const groups = new Map<string, { f: Finish; ids: string[] }>();
    for (const f of finishes) {
      const key = JSON.stringify([f.state, f.outcome, f.toRecipient ? null : f.deliveredToId, !!f.toRecipient]);
      const group = groups.get(key) ?? { f, ids: [] };
      group.ids.push(f.id);
      groups.set(key, group);
    }
    for (const { f, ids } of groups.values()) {
      const set = {
        state: f.state,
        outcome: f.outcome,
        deliveredToId: f.toRecipient ? () => '"recipientId"' : f.deliveredToId,
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

  async writeInApp(tx: EntityManager, sends: ToSend[]): Promise<void> {
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

  async writeEmail(tx: EntityManager, sends: ToSend[], transport: 'outbox' | 'smtp'): Promise<void> {
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
  mail(row: Reminder, prepared: Send) {
    const m = prepared.message;
    return { subject: m.subject, text: m.text, html: m.html, messageId: reminderMessageId(row.id, this.config.publicUrl) };
  }
}

export const sent = ({ row, prepared }: ToSend): Finish => ({
  id: row.id,
  state: 'sent',
  outcome: prepared.outcome,
  deliveredToId: prepared.to.id,
  toRecipient: prepared.to.id === row.recipientId,
});
