import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from './columns';

/**
 * An admin's offer of a place in their authority to an email address that already has an account.
 * The person accepts it while signed in; until then the admin sees only the address they typed.
 */
@Entity('invitation')
@Index('ix_invitation_authority', ['authorityId', 'createdAt'])
@Index('ix_invitation_email', ['email'])
export class Invitation {
  @IdColumn() id: string;
  @RefColumn() authorityId: string;
  @TextColumn(254) email: string;
  @Column({ type: 'simple-json' }) roles: string[];
  @RefColumn({ nullable: true }) managerId: string | null;
  @RefColumn({ nullable: true }) organisationId: string | null;
  @RefColumn() invitedById: string;
  @InstantColumn() createdAt: string;
  @InstantColumn() expiresAt: string;
  @InstantColumn({ nullable: true }) acceptedAt: string | null;
  @InstantColumn({ nullable: true }) revokedAt: string | null;
}
