import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, References, TextColumn } from './columns';
import { Authority } from './authority.entity';
import { User } from './user.entity';

/** A browser session or a personal API token. Only a hash of the secret is stored. */
@Entity('user_session')
@Index('ix_session_user', ['userId'])
export class Session {
  @IdColumn() id: string;
  @TextColumn(64, { unique: true }) tokenHash: string;
  @RefColumn() @References(() => User, 'CASCADE') userId: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @TextColumn(10) kind: 'browser' | 'api';
  @TextColumn(100, { nullable: true }) name: string | null;
  @InstantColumn() createdAt: string;
  @InstantColumn() lastSeenAt: string;
  @InstantColumn({ nullable: true }) expiresAt: string | null;
  @InstantColumn({ nullable: true }) revokedAt: string | null;
}
