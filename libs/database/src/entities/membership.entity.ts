import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from './columns';

/**
 * A user's place in one authority: roles, line manager (for escalations), organisation, and whether
 * they may sign in there. The authority's admin owns all of it; the account itself is shared.
 */
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
  @Column({ type: 'boolean', default: true }) active: boolean;
  @InstantColumn() createdAt: string;
}
