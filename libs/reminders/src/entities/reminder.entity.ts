import { Column, Entity, Index } from 'typeorm';
import { DateColumn, IdColumn, InstantColumn, RefColumn, References, TextColumn } from '@app/database/entities/columns';
import { Action, Authority, Measure, Plan, User } from '@app/database/entities';
import type { ReminderKind } from '../reminder-rules';

export const REMINDER_STATES = ['pending', 'queued', 'sending', 'sent', 'skipped', 'cancelled', 'failed'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

/** States a reminder can still be delivered from. */
export const DELIVERABLE_STATES: ReminderState[] = ['pending', 'queued'];

/**
 * One reminder, escalation or digest to deliver. The row is the source of truth; the queue only
 * carries its id. The dedupe key makes "the same reminder" exist once, whatever reschedules happen.
 */
@Entity('reminder')
@Index('ux_reminder_dedupe', ['dedupeKey'], { unique: true })
@Index('ix_reminder_state_run', ['state', 'runAt'])
@Index('ix_reminder_state_queued', ['state', 'queuedAt'])
@Index('ix_reminder_action', ['actionId', 'state'])
@Index('ix_reminder_authority', ['authorityId', 'state', 'dueAt'])
@Index('ix_reminder_measure', ['measureId', 'state'])
export class Reminder {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  /** Null for digests, which cover many actions. */
  @RefColumn({ nullable: true }) @References(() => Action, 'CASCADE') actionId: string | null;
  @RefColumn({ nullable: true }) @References(() => Plan, 'CASCADE') planId: string | null;
  /** For a reminder to enter a measure's quarterly value (its kind is value_*); null otherwise. */
  @RefColumn({ nullable: true }) @References(() => Measure, 'CASCADE') measureId: string | null;
  @TextColumn(30) kind: ReminderKind;
  /** Days from the due date (negative before it); null for digests. */
  @Column({ type: 'integer', nullable: true }) offsetDays: number | null;
  /** The due date the reminder was computed for (digests: the week's Monday; a measure's value: the quarter's last day). */
  @DateColumn() forDate: string;
  /** Who the rules address (owner, manager, chair, digest reader). */
  @RefColumn() @References(() => User) recipientId: string;
  /** Who actually received it, after leavers and leave were taken into account. */
  @RefColumn({ nullable: true }) @References(() => User, 'SET NULL') deliveredToId: string | null;
  @InstantColumn() dueAt: string;
  /** When to try next: the due instant, or later after a failed attempt. */
  @InstantColumn() runAt: string;
  @TextColumn(12) state: ReminderState;
  @TextColumn(200) dedupeKey: string;
  @Column({ type: 'integer' }) attempts: number;
  @TextColumn(1000, { nullable: true }) lastError: string | null;
  /** What happened: the channels used, or why nothing was sent. */
  @TextColumn(200, { nullable: true }) outcome: string | null;
  @InstantColumn({ nullable: true }) queuedAt: string | null;
  @InstantColumn({ nullable: true }) claimedAt: string | null;
  /** Set by the claim that took the row for delivery, so a batch reads back exactly the rows it won. */
  @RefColumn({ nullable: true }) claimToken: string | null;
  @InstantColumn({ nullable: true }) sentAt: string | null;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}
