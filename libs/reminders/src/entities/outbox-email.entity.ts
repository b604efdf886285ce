import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, References, TextColumn } from '@app/database/entities/columns';
import { Authority, User } from '@app/database/entities';
import { Reminder } from './reminder.entity';

/**
 * Every reminder email: stored here for admins to read when no SMTP server is configured
 * (transport 'outbox'), and as the record of what was sent when one is (transport 'smtp').
 */
@Entity('outbox_email')
@Index('ux_outbox_email_reminder', ['reminderId'], { unique: true })
@Index('ix_outbox_email_authority', ['authorityId', 'createdAt'])
export class OutboxEmail {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn({ nullable: true }) @References(() => Reminder, 'SET NULL') reminderId: string | null;
  @RefColumn() @References(() => User) userId: string;
  @TextColumn(254) toAddress: string;
  @TextColumn(300) subject: string;
  @Column({ type: 'text' }) textBody: string;
  @Column({ type: 'text' }) htmlBody: string;
  @TextColumn(200) messageId: string;
  @TextColumn(10) transport: 'outbox' | 'smtp';
  @InstantColumn() createdAt: string;
}
