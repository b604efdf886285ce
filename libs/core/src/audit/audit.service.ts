import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEvent } from '@app/database/entities';
import { AuditRepositories } from '@app/database/repositories/audit.repository';
import { Transactions } from '@app/database/transactions';
import { Clock } from '../clock';

/**
 * Sign-in attempts and refused requests: what an operator reads about the last weeks, kept for the
 * retention setting. Every other event is the record of a change and is never deleted.
 */
export const AUDIT_NOISE_EVENTS = [
  'sign_in',
  'sign_in_failed',
  'sign_in_delayed',
  'sign_in_throttled',
  'access_refused_unauthenticated',
  'access_refused_forbidden',
  'access_refused_cross_site',
] as const;

export interface AuditRecord {
  authorityId: string | null;
  entityType: string;
  entityId: string | null;
  event: string;
  actorId: string | null;
  subject?: string | null;
  ip?: string | null;
  before?: unknown;
  after?: unknown;
  /** When the change was made, if the change itself records that instant (as an action's `updatedAt`); now otherwise. */
  at?: string;
}

/** The append-only audit trail. A change and its record land in one transaction, or neither does. */
@Injectable()
export class AuditService {
  constructor(
    private readonly transactions: Transactions,
    private readonly trail: AuditRepositories,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a change inside the open transaction (`transactions.run`); refuses when none is open, so a
   * record can never outlive a change that was rolled back.
   */
  async record(record: AuditRecord): Promise<void> {
    await this.recordMany([record]);
  }

  /** Records several events of one change at once, in the order given. */
  async recordMany(records: AuditRecord[]): Promise<void> {
    if (!records.length) return;
    if (!this.transactions.inTransaction)
      throw new Error(`Audit record "${records[0].event}" written outside a transaction: wrap the change in transactions.run`);
    await this.trail.appendMany(
      this.transactions.manager,
      records.map((record) => this.row(record)),
    );
  }

  /** Deletes the noise older than `retentionDays` (0 keeps it for ever); returns how many rows went. */
  async pruneNoise(retentionDays: number): Promise<number> {
    if (retentionDays <= 0) return 0;
    const before = new Date(this.clock.now().getTime() - retentionDays * 24 * 60 * 60_000).toISOString();
    return this.transactions.run(() => this.trail.deleteBefore(this.transactions.manager, AUDIT_NOISE_EVENTS, before));
  }

  /** Records an event that changes nothing else (a sign-in attempt, a refused request): one statement, no transaction needed. */
  async recordAlone(record: AuditRecord): Promise<void> {
    await this.write(this.transactions.manager, record);
  }

  /** An entity's history, oldest first, within one authority. */
  async timeline(authorityId: string, entityType: string, entityId: string) {
    const rows = await this.trail.for(authorityId).timeline(entityType, entityId);
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      event: r.event,
      actorId: r.actorId,
      before: r.before ? JSON.parse(r.before) : null,
      after: r.after ? JSON.parse(r.after) : null,
    }));
  }

  private async write(manager: EntityManager, record: AuditRecord): Promise<void> {
    await this.trail.appendMany(manager, [this.row(record)]);
  }

  private row(record: AuditRecord): Omit<AuditEvent, 'seq'> {
    return {
      authorityId: record.authorityId,
      entityType: record.entityType,
      entityId: record.entityId,
      event: record.event,
      actorId: record.actorId,
      subject: record.subject ?? null,
      ip: record.ip ?? null,
      before: record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === undefined ? null : JSON.stringify(record.after),
      at: record.at ?? this.clock.nowIso(),
    };
  }
}
