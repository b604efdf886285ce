import { Injectable } from '@nestjs/common';
import { In, IsNull, MoreThan } from 'typeorm';
import { Invitation, Membership, User } from '../entities';
import { selectCount } from '../sql';
import { Transactions } from '../transactions';

const PENDING_COUNT_SQL = `SELECT COUNT(*) AS "count" FROM "invitation" i
  JOIN "app_user" u ON u."email" = i."email" JOIN "authority" a ON a."id" = i."authorityId"
  WHERE u."id" = :userId AND i."acceptedAt" IS NULL AND i."revokedAt" IS NULL AND i."expiresAt" > :now`;

/**
 * Accounts are the person's, not an authority's, so this one repository is not bound to a tenant:
 * its few operations are the ones that must look across authorities (TypeORM finders; the start page's
 * invitation count, read on every visit, is fixed SQL).
 */
@Injectable()
export class AccountRepository {
  constructor(private readonly transactions: Transactions) {}

  private get manager() {
    return this.transactions.manager;
  }

  byEmail(email: string): Promise<User | null> {
    return this.manager.findOneBy(User, { email });
  }

  byId(id: string): Promise<User | null> {
    return this.manager.findOneBy(User, { id });
  }

  async insert(user: User): Promise<void> {
    await this.manager.insert(User, user);
  }

  async update(id: string, changes: Partial<Pick<User, 'displayName' | 'passwordHash' | 'active'>>): Promise<void> {
    if (Object.keys(changes).length) await this.manager.update(User, { id }, changes);
  }

  /** The person's memberships in every authority, oldest first (`active` only, when asked). */
  membershipsOf(userId: string, options: { active?: true } = {}): Promise<Membership[]> {
    return this.manager.find(Membership, { where: { userId, ...options }, order: { createdAt: 'ASC' } });
  }

  /** True when `actorId` is an active admin in every authority the person belongs to. */
  async adminOfEveryAuthority(actorId: string, userId: string): Promise<boolean> {
    const theirs = await this.manager.find(Membership, { where: { userId }, select: { authorityId: true } });
    const mine = await this.manager.find(Membership, { where: { userId: actorId, authorityId: In(theirs.map((m) => m.authorityId)), active: true } });
    const adminOf = new Set(mine.filter((m) => m.roles.includes('admin')).map((m) => m.authorityId));
    return theirs.every((m) => adminOf.has(m.authorityId));
  }

  /** Invitations to any authority waiting for this address, oldest first. */
  pendingInvitations(email: string, now: string): Promise<Invitation[]> {
    return this.manager.find(Invitation, { where: pendingFor(email, now), order: { createdAt: 'ASC' } });
  }

  /** How many invitations to a council wait for the person's address (the start page's notice), in one statement. */
  async pendingInvitationCount(userId: string, now: string): Promise<number> {
    return selectCount(this.manager, PENDING_COUNT_SQL, { userId, now });
  }

  /** Marks the address's pending invitation accepted and returns it; null when there is none by that id. */
  async acceptInvitation(id: string, email: string, now: string): Promise<Invitation | null> {
    const invitation = await this.manager.findOneBy(Invitation, { id, ...pendingFor(email, now) });
    if (invitation) await this.manager.update(Invitation, { id }, { acceptedAt: now });
    return invitation;
  }
}

const pendingFor = (email: string, now: string) => ({ email, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) });
