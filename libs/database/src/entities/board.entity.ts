import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, References, TextColumn } from './columns';
import { Authority } from './authority.entity';
import { User } from './user.entity';

@Entity('board')
@Index('ix_board_authority', ['authorityId'])
export class Board {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @TextColumn(200) name: string;
  @RefColumn({ nullable: true }) @References(() => User, 'SET NULL') chairId: string | null;
  @InstantColumn() createdAt: string;
}

@Entity('board_member')
@Index('ux_board_member', ['boardId', 'userId'], { unique: true })
export class BoardMember {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Board, 'CASCADE') boardId: string;
  @RefColumn() @References(() => User) userId: string;
  @InstantColumn() createdAt: string;
}
