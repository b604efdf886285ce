import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, MoreThan } from 'typeorm';
import { Authority, Invitation, Membership, User } from '@app/database/entities';
import { notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { Actor, Role } from '../request-context';
import { PersonView, UserService } from './user.service';

export type InvitationStatus = 'pending' | 'accepted' | 'withdrawn' | 'expired';

/** An invitation as the inviting authority's admin sees it: the address they typed, never the account. */
export interface InvitationView {
  id: string;
  email: string;
  roles: Role[];
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
}

/** An invitation as the invited person sees it. */
export interface MyInvitationView {
  id: string;
  authority: { id: string; name: string };
  roles: Role[];
  createdAt: string;
  expiresAt: string;
}

/** Invitations to join an authority, made by UserService.add for addresses that already have an account. */
@Injectable()
export class InvitationService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly users: UserService,
  ) {}

  async list(actor: Actor): Promise<InvitationView[]> {
    const rows = await this.db.manager.find(Invitation, { where: { authorityId: actor.authorityId }, order: { createdAt: 'DESC' } });
    const now = this.clock.nowIso();
    return rows.map((i) => ({ id: i.id, email: i.email, roles: i.roles as Role[], status: statusOf(i, now), createdAt: i.createdAt, expiresAt: i.expiresAt }));
  }

  async withdraw(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const result = await tx.update(
        Invitation,
        { id, authorityId: actor.authorityId, acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: this.clock.nowIso() },
      );
      if (!result.affected) throw notFound('Pending invitation');
      await this.audit.record(
        { authorityId: actor.authorityId, entityType: 'invitation', entityId: id, event: 'invitation_withdrawn', actorId: actor.userId },
        tx,
      );
    });
  }

  /** The signed-in person's pending invitations, to any authority. */
  async mine(actor: Actor): Promise<MyInvitationView[]> {
    const user = await this.db.manager.findOneByOrFail(User, { id: actor.userId });
    const rows = await this.db.manager.find(Invitation, { where: pendingFor(user.email, this.clock.nowIso()), order: { createdAt: 'ASC' } });
    if (!rows.length) return [];
    const authorities = new Map((await this.db.manager.findBy(Authority, { id: In(rows.map((r) => r.authorityId)) })).map((a) => [a.id, a]));
    return rows
      .filter((r) => authorities.has(r.authorityId))
      .map((r) => ({
        id: r.id,
        authority: { id: r.authorityId, name: authorities.get(r.authorityId)!.name },
        roles: r.roles as Role[],
        createdAt: r.createdAt,
        expiresAt: r.expiresAt,
      }));
  }

  /** The invited person accepts: they become a member of the inviting authority, with the roles offered. */
  async accept(actor: Actor, id: string): Promise<{ authorityId: string; user: PersonView }> {
    return this.db.transaction(async (tx) => {
      const user = await tx.findOneByOrFail(User, { id: actor.userId });
      const invitation = await tx.findOneBy(Invitation, { id, ...pendingFor(user.email, this.clock.nowIso()) });
      if (!invitation) throw notFound('Invitation');
      await tx.update(Invitation, { id }, { acceptedAt: this.clock.nowIso() });
      const { authorityId } = invitation;
      const already = await tx.findOneBy(Membership, { authorityId, userId: user.id });
      if (already) return { authorityId, user: await this.users.get(authorityId, user.id, tx) };
      // The manager offered may have left the authority since; the admin can set another.
      const managerId = invitation.managerId && (await tx.existsBy(Membership, { authorityId, userId: invitation.managerId })) ? invitation.managerId : null;
      const person = await this.users.addMember(
        tx,
        authorityId,
        {
          email: user.email,
          displayName: user.displayName,
          roles: invitation.roles as Role[],
          managerId,
          organisationId: invitation.organisationId,
        },
        user,
        user.id,
      );
      await this.audit.record({ authorityId, entityType: 'invitation', entityId: id, event: 'invitation_accepted', actorId: user.id }, tx);
      return { authorityId, user: person };
    });
  }
}

const pendingFor = (email: string, now: string) => ({ email, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) });

function statusOf(i: Invitation, now: string): InvitationStatus {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'withdrawn';
  return i.expiresAt <= now ? 'expired' : 'pending';
}
