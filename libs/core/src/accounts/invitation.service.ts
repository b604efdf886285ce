import { Injectable } from '@nestjs/common';
import { Invitation } from '@app/database/entities';
import { AccountRepository } from '@app/database/repositories/account.repository';
import { AuthorityRepository } from '@app/database/repositories/authority.repository';
import { InvitationRepositories } from '@app/database/repositories/invitation.repository';
import { PeopleRepositories } from '@app/database/repositories/people.repository';
import { Transactions } from '@app/database/transactions';
import { notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { Actor, Role } from '../request-context';
import { PersonView } from './person';
import { UserService } from './user.service';

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
    private readonly transactions: Transactions,
    private readonly invitations: InvitationRepositories,
    private readonly accounts: AccountRepository,
    private readonly authorities: AuthorityRepository,
    private readonly people: PeopleRepositories,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly users: UserService,
  ) {}

  async list(actor: Actor): Promise<InvitationView[]> {
    const rows = await this.invitations.for(actor.authorityId).list();
    const now = this.clock.nowIso();
    return rows.map((i) => ({ id: i.id, email: i.email, roles: i.roles, status: statusOf(i, now), createdAt: i.createdAt, expiresAt: i.expiresAt }));
  }

  async withdraw(actor: Actor, id: string): Promise<void> {
    await this.transactions.run(async () => {
      if (!(await this.invitations.for(actor.authorityId).withdraw(id, this.clock.nowIso()))) throw notFound('Pending invitation');
      await this.audit.record({ authorityId: actor.authorityId, entityType: 'invitation', entityId: id, event: 'invitation_withdrawn', actorId: actor.userId });
    });
  }

  /** How many of `mine` there are, without reading them (the start page says so). */
  pendingCount(actor: Actor): Promise<number> {
    return this.accounts.pendingInvitationCount(actor.userId, this.clock.nowIso());
  }

  /** The signed-in person's pending invitations, to any authority. */
  async mine(actor: Actor): Promise<MyInvitationView[]> {
    const user = await this.accounts.byId(actor.userId);
    if (!user) throw notFound('User');
    const rows = await this.accounts.pendingInvitations(user.email, this.clock.nowIso());
    const authorities = new Map((await this.authorities.byIds([...new Set(rows.map((r) => r.authorityId))])).map((a) => [a.id, a]));
    return rows
      .filter((r) => authorities.has(r.authorityId))
      .map((r) => ({
        id: r.id,
        authority: { id: r.authorityId, name: authorities.get(r.authorityId)!.name },
        roles: r.roles,
        createdAt: r.createdAt,
        expiresAt: r.expiresAt,
      }));
  }

  /** The invited person accepts: they become a member of the inviting authority, with the roles offered. */
  async accept(actor: Actor, id: string): Promise<{ authorityId: string; user: PersonView }> {
    return this.transactions.run(async () => {
      const user = await this.accounts.byId(actor.userId);
      if (!user) throw notFound('User');
      const invitation = await this.accounts.acceptInvitation(id, user.email, this.clock.nowIso());
      if (!invitation) throw notFound('Invitation');
      const { authorityId } = invitation;
      const people = this.people.for(authorityId);
      if (await people.isMember(user.id)) return { authorityId, user: await this.users.get(authorityId, user.id) };
      // The manager offered may have left the authority since; the admin can set another.
      const managerId = invitation.managerId && (await people.isMember(invitation.managerId)) ? invitation.managerId : null;
      const offered = { email: user.email, displayName: user.displayName, roles: invitation.roles, managerId, organisationId: invitation.organisationId };
      const person = await this.users.addMember(authorityId, offered, user, user.id);
      await this.audit.record({ authorityId, entityType: 'invitation', entityId: id, event: 'invitation_accepted', actorId: user.id });
      return { authorityId, user: person };
    });
  }
}

function statusOf(i: Invitation, now: string): InvitationStatus {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'withdrawn';
  return i.expiresAt <= now ? 'expired' : 'pending';
}
