import { Column, Entity, Index } from 'typeorm';
import type { Role } from '@app/domain';
import { IdColumn, InstantColumn, RefColumn, References } from './columns';
import { Authority } from './authority.entity';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

/**
 * A user's place in one authority: roles, line manager (for escalations), organisation, and whether
 * they may sign in there. The authority's admin owns all of it; the account itself is shared.
 */
@Entity('membership')
@Index('ux_membership_user', ['authorityId', 'userId'], { unique: true })
@Index('ix_membership_user', ['userId'])
// Whom a person line-manages here (PeopleRepository.names' "manages anyone", the accountable-manager filter).
@Index('ix_membership_manager', ['authorityId', 'managerId'])
export class Membership {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => User, 'CASCADE') userId: string;
  @Column({ type: 'simple-json' }) roles: Role[];
  @RefColumn({ nullable: true }) @References(() => User, 'SET NULL') managerId: string | null;
  @RefColumn({ nullable: true }) @References(() => Organisation, 'SET NULL') organisationId: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @InstantColumn() createdAt: string;
}
