import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from './columns';

/** A user's place in one authority: roles, line manager (for escalations) and organisation. */
@Entity('membership')
@Index('ux_membership_user', ['authorityId', 'userId'], { unique: true })
@Index('ix_membership_user', ['userId'])
export class Membership {
  @IdColumn() id: string;
  @RefColumn() authorityId: string;
  @RefColumn() userId: string;
  @Column({ type: 'simple-json' }) roles: string[];
  @RefColumn({ nullable: true }) managerId: string | null;
  @RefColumn({ nullable: true }) organisationId: string | null;
  @InstantColumn() createdAt: string;
}
