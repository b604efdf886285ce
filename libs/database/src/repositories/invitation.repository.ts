import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';
import { Invitation } from '../entities';
import { TenantRepositories, TenantRepository } from './tenant-repository';

/** Invitations an authority has made (TypeORM finders). The invited person's side is AccountRepository's. */
export class InvitationRepository extends TenantRepository {
  list(): Promise<Invitation[]> {
    return this.manager.find(Invitation, { where: { authorityId: this.authorityId }, order: { createdAt: 'DESC' } });
  }

  async insert(invitation: Omit<Invitation, 'authorityId'>): Promise<Invitation> {
    const row = { ...invitation, authorityId: this.authorityId };
    await this.manager.insert(Invitation, row);
    return row;
  }

  pendingExists(email: string, now: string): Promise<boolean> {
    return this.manager.existsBy(Invitation, { authorityId: this.authorityId, email, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) });
  }

  /** Withdraws a pending invitation; false when there was none to withdraw. */
  async withdraw(id: string, now: string): Promise<boolean> {
    const result = await this.manager.update(Invitation, { id, authorityId: this.authorityId, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
    return !!result.affected;
  }
}

@Injectable()
export class InvitationRepositories extends TenantRepositories<InvitationRepository> {
  protected readonly make = InvitationRepository;
}
