import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, References, TextColumn } from '@app/database/entities/columns';
import { Authority, User } from '@app/database/entities';

/** A private calendar feed address. Only a hash of the token is stored; revoking kills the address. */
@Entity('calendar_feed_token')
@Index('ux_calendar_feed_token_hash', ['tokenHash'], { unique: true })
@Index('ix_calendar_feed_token_user', ['authorityId', 'userId'])
export class CalendarFeedToken {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => User, 'CASCADE') userId: string;
  @TextColumn(64) tokenHash: string;
  @InstantColumn() createdAt: string;
  @InstantColumn({ nullable: true }) revokedAt: string | null;
}
