import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn } from './columns';

@Entity('app_user')
export class User {
  @IdColumn() id: string;
  @TextColumn(254, { unique: true }) email: string;
  @TextColumn(200) displayName: string;
  @TextColumn(300) passwordHash: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @InstantColumn() createdAt: string;
}
