import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, RefColumn, TextColumn } from './columns';

/** A status event's `after` says the action reached this status (see DONE_STATUS_EVENT). */
export const REACHED = (status: 'completed' | 'verified') => `"after" LIKE '%"status":"${status}"%'`;

/**
 * An action's status event that took it to completed or verified (what a review pack counts). A status
 * change records `after` as the flat `{"status":…,"statusReason":…}` JSON.stringify writes, where
 * `"status":"completed"` can only be the status itself: quotes inside a value are escaped. An index
 * holds only these events, so the frequent other status changes neither cost it a write nor a read.
 * Its migration (1795394600000) repeats the text, as released migrations must; a spec checks that the
 * two are the same (the schema drift test does not compare partial indexes' conditions).
 */
export const DONE_STATUS_EVENT = `"entityType" = 'action' AND "event" IN ('action_status_changed', 'action_verified') AND (${REACHED('completed')} OR ${REACHED('verified')})`;

/**
 * Append-only: who did what, when, with the state before and after. Never updated; never deleted, but for sign-in
 * attempts and refused requests past their retention (AUDIT_NOISE_RETENTION_DAYS). No
 * foreign keys: the record outlives what it names, and its actor may be an operator's command.
 */
@Entity('audit_event')
@Index('ix_audit_entity', ['entityType', 'entityId', 'seq'])
// Only sign-in events carry a subject or an address; partial indexes keep every other insert cheap.
@Index('ix_audit_event_subject', ['event', 'subject', 'at'], { where: '"subject" IS NOT NULL' })
@Index('ix_audit_event_ip', ['event', 'ip', 'at'], { where: '"ip" IS NOT NULL' })
@Index('ix_audit_authority', ['authorityId', 'at'])
@Index('ix_audit_action_done', ['entityId', 'at'], { where: DONE_STATUS_EVENT })
export class AuditEvent {
  /** Insertion order: several events can share a millisecond, and the timeline must keep their order. */
  @PrimaryGeneratedColumn({ type: 'integer' }) seq: number;
  @RefColumn({ nullable: true }) authorityId: string | null;
  @TextColumn(40) entityType: string;
  @RefColumn({ nullable: true }) entityId: string | null;
  @TextColumn(60) event: string;
  @RefColumn({ nullable: true }) actorId: string | null;
  @TextColumn(254, { nullable: true }) subject: string | null;
  @TextColumn(64, { nullable: true }) ip: string | null;
  @Column({ type: 'text', nullable: true }) before: string | null;
  @Column({ type: 'text', nullable: true }) after: string | null;
  @InstantColumn() at: string;
}
