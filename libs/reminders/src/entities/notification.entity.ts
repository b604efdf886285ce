import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '@app/database/entities/columns';

/** An in-app notification. At most one per reminder, so a repeated delivery cannot add a second. */
@Entity('notification')
@Index('ux_notification_reminder', ['reminderId'], { unique: true })
@Index('ix_notification_user', ['authorityId', 'userId', 'createdAt'])
export class Notification {
  @IdColumn() id: string;
  @RefColumn() authorityId: string;
  @RefColumn() userId: string;
  @RefColumn({ nullable: true }) reminderId: string | null;
  @RefColumn({ nullable: true }) actionId: string | null;
  @TextColumn(30) kind: string;
  @TextColumn(300) title: string;
  @Column({ type: 'text' }) body: string;
  @TextColumn(500) link: string;
  @InstantColumn() createdAt: string;
  @InstantColumn({ nullable: true }) readAt: string | null;
}
