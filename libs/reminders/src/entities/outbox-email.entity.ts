import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '@app/database/entities/columns';

/**
 * Every reminder email: stored here for admins to read when no SMTP server is configured
 * (transport 'outbox'), and as the record of what was sent when one is (transport 'smtp').
 */
@Entity('outbox_email')
@Index('ux_outbox_email_reminder', ['reminderId'], { unique: true })
@Index('ix_outbox_email_authority', ['authorityId', 'createdAt'])
export class OutboxEmail {
  @IdColumn() id: string;
  @RefColumn() authorityId: string;
  @RefColumn({ nullable: true }) reminderId: string | null;
  @RefColumn() userId: string;
  @TextColumn(254) toAddress: string;
  @TextColumn(300) subject: string;
  @Column({ type: 'text' }) textBody: string;
  @Column({ type: 'text' }) htmlBody: string;
  @TextColumn(200) messageId: string;
  @TextColumn(10) transport: 'outbox' | 'smtp';
  @InstantColumn() createdAt: string;
}
