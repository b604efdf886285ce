import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, References, TextColumn } from '@app/database/entities/columns';
import { Action, Authority, User } from '@app/database/entities';
import { Reminder } from './reminder.entity';

/** An in-app notification. At most one per reminder, so a repeated delivery cannot add a second. */
@Entity('notification')
@Index('ux_notification_reminder', ['reminderId'], { unique: true })
@Index('ix_notification_user', ['authorityId', 'userId', 'createdAt'])
export class Notification {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => User, 'CASCADE') userId: string;
  @RefColumn({ nullable: true }) @References(() => Reminder, 'SET NULL') reminderId: string | null;
  @RefColumn({ nullable: true }) @References(() => Action, 'CASCADE') actionId: string | null;
  @TextColumn(30) kind: string;
  @TextColumn(300) title: string;
  @Column({ type: 'text' }) body: string;
  @TextColumn(500) link: string;
  @InstantColumn() createdAt: string;
  @InstantColumn({ nullable: true }) readAt: string | null;
}
