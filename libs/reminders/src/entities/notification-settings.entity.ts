import { Column, Entity, Index } from 'typeorm';
import { DateColumn, IdColumn, InstantColumn, RefColumn, References } from '@app/database/entities/columns';
import { Authority, User } from '@app/database/entities';

/** A user's choices: which reminders by email, digest only, and leave with a delegate. */
@Entity('notification_settings')
@Index('ux_notification_settings_user', ['authorityId', 'userId'], { unique: true })
export class NotificationSettings {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => User, 'CASCADE') userId: string;
  /** Email on or off per reminder group (before_due, due_today, overdue, escalation, digest). */
  @Column({ type: 'simple-json' }) email: Record<string, boolean>;
  @Column({ type: 'boolean' }) digestOnly: boolean;
  @Column({ type: 'boolean' }) onLeave: boolean;
  /** Last day of leave, inclusive; null while on leave means until switched off. */
  @DateColumn({ nullable: true }) leaveUntil: string | null;
  @RefColumn({ nullable: true }) @References(() => User, 'SET NULL') delegateId: string | null;
  @InstantColumn() updatedAt: string;
}
