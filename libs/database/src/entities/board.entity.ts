import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from './columns';

@Entity('board')
@Index('ix_board_authority', ['authorityId'])
export class Board {
  @IdColumn() id: string;
  @RefColumn() authorityId: string;
  @TextColumn(200) name: string;
  @RefColumn({ nullable: true }) chairId: string | null;
  @InstantColumn() createdAt: string;
}

@Entity('board_member')
@Index('ux_board_member', ['boardId', 'userId'], { unique: true })
export class BoardMember {
  @IdColumn() id: string;
  @RefColumn() authorityId: string;
  @RefColumn() boardId: string;
  @RefColumn() userId: string;
  @InstantColumn() createdAt: string;
}
