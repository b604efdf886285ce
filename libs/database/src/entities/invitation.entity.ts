import { Column, Entity, Index } from 'typeorm';
import type { Role } from '@app/domain';
import { IdColumn, InstantColumn, RefColumn, References, TextColumn } from './columns';
import { Authority } from './authority.entity';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

/**
 * An admin's offer of a place in their authority to an email address that already has an account.
 * The person accepts it while signed in; until then the admin sees only the address they typed.
 */
@Entity('invitation')
@Index('ix_invitation_authority', ['authorityId', 'createdAt'])
@Index('ix_invitation_email', ['email'])
export class Invitation {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @TextColumn(254) email: string;
  @Column({ type: 'simple-json' }) roles: Role[];
  @RefColumn({ nullable: true }) @References(() => User, 'SET NULL') managerId: string | null;
  @RefColumn({ nullable: true }) @References(() => Organisation, 'SET NULL') organisationId: string | null;
  @RefColumn() @References(() => User) invitedById: string;
  @InstantColumn() createdAt: string;
  @InstantColumn() expiresAt: string;
  @InstantColumn({ nullable: true }) acceptedAt: string | null;
  @InstantColumn({ nullable: true }) revokedAt: string | null;
}
