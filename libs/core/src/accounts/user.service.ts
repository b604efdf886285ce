import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { BoardMember, Invitation, Membership, Organisation, User } from '@app/database/entities';
import { runSql } from '@app/database/sql';
import { AppError, badRequest, notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { Actor, Role } from '../request-context';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-policy';
import { SignInThrottle } from './sign-in-throttle';
import { endTrust } from './trust';

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  managerId?: string | null;
  organisationId?: string | null;
}

export interface UserChanges {
  displayName?: string;
  roles?: Role[];
  managerId?: string | null;
  organisationId?: string | null;
  active?: boolean;
  password?: string;
}

export interface PersonView {
  id: string;
  email: string;
  displayName: string;
  /** Can they sign in to this authority: their account and their membership here are both active. */
  active: boolean;
  roles: Role[];
  managerId: string | null;
  organisationId: string | null;
}

/** What an admin is told when the address already has an account: nothing about that account. */
export interface InvitationReceipt {
  invited: true;
  invitationId: string;
  email: string;
  status: 'pending';
  expiresAt: string;
}

export const INVITATION_DAYS = 14;

/** An actor that may be signed in through a session they should keep when changing themselves. */
type ActingSession = Actor & { sessionId?: string };

/**
 * People in an authority. The account (email, name, password, account-level `active`) is the
 * person's, shared by every authority they belong to: only they, an admin of every one of those
 * authorities, or the deployment operator (CLI) change it. The membership (roles, manager,
 * organisation, access here) is the authority's admin's.
 */
@Injectable()
export class UserService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly throttle: SignInThrottle,
  ) {}

  /**
   * The deployment operator's way in (CLI, demo seed, test factories): a new account, or an existing
   * account gains a membership directly. The password is used only for a new account.
   */
  async create(authorityId: string, input: NewUser, actorId: string | null = null): Promise<PersonView> {
    const email = normaliseEmail(input.email);
    return this.db.transaction(async (tx) => {
      const existing = await tx.findOneBy(User, { email });
      if (!existing) refuseWeakPassword(input.password, email);
      await this.refuseDuplicate(tx, authorityId, existing, email);
      return this.addMember(tx, authorityId, input, existing, actorId);
    });
  }

  /**
   * An admin adds a person to their authority. For an address that already has an account elsewhere
   * the admin learns nothing of it: an invitation is made for the person to accept, and the
   * password the admin typed is never used.
   */
  async add(actor: Actor, input: NewUser): Promise<PersonView | InvitationReceipt> {
    const email = normaliseEmail(input.email);
    refuseWeakPassword(input.password, email);
    return this.db.transaction(async (tx) => {
      const existing = await tx.findOneBy(User, { email });
      await this.refuseDuplicate(tx, actor.authorityId, existing, email);
      // An account that belongs to no authority any more has nobody else to protect: the admin takes it over.
      if (!existing || !(await tx.existsBy(Membership, { userId: existing.id }))) {
        if (existing) {
          Object.assign(existing, { displayName: input.displayName.trim(), passwordHash: await hashPassword(input.password), active: true });
          await tx.save(User, existing);
          await endTrust(tx, this.clock.nowIso(), existing.id, null);
        }
        return this.addMember(tx, actor.authorityId, input, existing, actor.userId);
      }
      await this.checkReferences(tx, actor.authorityId, input.managerId ?? null, input.organisationId ?? null);
      const now = this.clock.nowIso();
      const invitation: Invitation = {
        id: newId(),
        authorityId: actor.authorityId,
        email,
        roles: input.roles,
        managerId: input.managerId ?? null,
        organisationId: input.organisationId ?? null,
        invitedById: actor.userId,
        createdAt: now,
        expiresAt: new Date(this.clock.now().getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
        acceptedAt: null,
        revokedAt: null,
      };
      await tx.insert(Invitation, invitation);
      await this.audit.record(
        {
          authorityId: actor.authorityId,
          entityType: 'invitation',
          entityId: invitation.id,
          event: 'user_invited',
          actorId: actor.userId,
          after: { email, roles: input.roles },
        },
        tx,
      );
      return { invited: true, invitationId: invitation.id, email, status: 'pending', expiresAt: invitation.expiresAt };
    });
  }

  async update(actor: ActingSession, userId: string, changes: UserChanges): Promise<PersonView> {
    return this.db.transaction(async (tx) => {
      const { user, membership } = await this.load(tx, actor.authorityId, userId);
      const before = toView(user, membership);
      const self = actor.userId === userId;
      const wholeAccount = await this.adminOfEveryAuthority(tx, actor.userId, userId);
      if ((changes.displayName !== undefined || changes.password !== undefined) && !self && !wholeAccount) {
        throw new AppError(
          'forbidden',
          'account_shared',
          'This person also belongs to another council, so only they (or an admin of every council they belong to) can change their name or password. You can still change their roles, manager and organisation here, stop their access to this council, or remove them from it.',
        );
      }
      if (changes.managerId === userId) throw badRequest('invalid_manager', 'A person cannot be their own manager');
      if (changes.active === false && self) throw badRequest('own_access', 'You cannot stop your own access: ask another admin');
      if (changes.active === true && !user.active && !wholeAccount) {
        throw new AppError(
          'forbidden',
          'account_stopped',
          'This person’s account has been stopped for every council they belong to; only an admin of all of those councils, or the operator, can restore it.',
        );
      }
      await this.checkReferences(tx, actor.authorityId, changes.managerId ?? null, changes.organisationId ?? null);
      if (changes.password !== undefined) refuseWeakPassword(changes.password, user.email);

      const now = this.clock.nowIso();
      const rolesChanged = changes.roles !== undefined && [...changes.roles].sort().join() !== [...membership.roles].sort().join();
      if (changes.displayName !== undefined) user.displayName = changes.displayName.trim();
      if (changes.password !== undefined) user.passwordHash = await hashPassword(changes.password);
      if (changes.active !== undefined) {
        membership.active = changes.active;
        // Only someone with a say in every council the person belongs to stops (or restores) the account itself.
        if (wholeAccount) user.active = changes.active;
      }
      if (changes.roles !== undefined) membership.roles = changes.roles;
      if (changes.managerId !== undefined) membership.managerId = changes.managerId;
      if (changes.organisationId !== undefined) membership.organisationId = changes.organisationId;
      await tx.save(User, user);
      await tx.save(Membership, membership);

      const keep = self ? actor.sessionId : undefined;
      if (changes.password !== undefined || (changes.active === false && wholeAccount)) await endTrust(tx, now, userId, null, keep);
      else if (rolesChanged || changes.active === false) await endTrust(tx, now, userId, actor.authorityId, keep);
      const after = toView(user, membership);
      await this.audit.record(
        {
          authorityId: actor.authorityId,
          entityType: 'user',
          entityId: userId,
          event: 'user_updated',
          actorId: actor.userId,
          before,
          after: { ...after, passwordChanged: changes.password !== undefined },
        },
        tx,
      );
      return after;
    });
  }

  /** Takes a person out of the actor's authority; their account, and their places elsewhere, stay. */
  async remove(actor: Actor, userId: string): Promise<void> {
    if (actor.userId === userId) throw badRequest('own_access', 'You cannot remove yourself: ask another admin');
    await this.db.transaction(async (tx) => {
      const { user, membership } = await this.load(tx, actor.authorityId, userId);
      await tx.delete(Membership, { id: membership.id });
      await tx.update(Membership, { authorityId: actor.authorityId, managerId: userId }, { managerId: null });
      await tx.delete(BoardMember, { authorityId: actor.authorityId, userId });
      await endTrust(tx, this.clock.nowIso(), userId, actor.authorityId);
      await this.audit.record(
        {
          authorityId: actor.authorityId,
          entityType: 'user',
          entityId: userId,
          event: 'user_removed',
          actorId: actor.userId,
          before: toView(user, membership),
        },
        tx,
      );
    });
  }

  /**
   * The person changes their own password; every other session, token and feed of theirs ends.
   * The current password is checked under the sign-in throttle: whoever holds a stolen session guesses no faster than at sign-in.
   */
  async changeOwnPassword(actor: ActingSession, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.db.manager.findOneBy(User, { id: actor.userId });
    if (!user) throw notFound('User');
    const claim = await this.throttle.claim(user.email, actor.ip ?? 'unknown');
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      await this.audit.recordAlone({
        authorityId: actor.authorityId,
        entityType: 'user',
        entityId: user.id,
        event: 'password_change_failed',
        actorId: user.id,
        ip: claim.ip,
      });
      await this.throttle.failed(claim, user.id);
      throw badRequest('wrong_password', 'Your current password is not right: enter the one you signed in with');
    }
    await this.throttle.succeeded(claim);
    refuseWeakPassword(newPassword, user.email);
    await this.db.transaction(async (tx) => {
      await tx.update(User, { id: user.id }, { passwordHash: await hashPassword(newPassword) });
      await endTrust(tx, this.clock.nowIso(), user.id, null, actor.sessionId);
      await this.audit.record(
        { authorityId: actor.authorityId, entityType: 'user', entityId: user.id, event: 'password_changed', actorId: user.id, ip: actor.ip ?? null },
        tx,
      );
    });
  }

  /** The operator resets an account's password (CLI); every session, token and feed ends, everywhere. */
  async setPasswordAsOperator(email: string, password: string): Promise<{ id: string; email: string }> {
    const address = normaliseEmail(email);
    refuseWeakPassword(password, address);
    return this.db.transaction(async (tx) => {
      const user = await tx.findOneBy(User, { email: address });
      if (!user) throw notFound(`Account ${address}`);
      await tx.update(User, { id: user.id }, { passwordHash: await hashPassword(password) });
      await endTrust(tx, this.clock.nowIso(), user.id, null);
      await this.audit.record({ authorityId: null, entityType: 'user', entityId: user.id, event: 'password_reset_by_operator', actorId: null }, tx);
      return { id: user.id, email: user.email };
    });
  }

  /** Every page names people from this list, so it is one fixed query: a council can have hundreds. */
  async list(authorityId: string): Promise<PersonView[]> {
    const rows = await runSql(this.db.manager, PEOPLE_SQL, { authorityId });
    return rows.map((r) => ({
      id: r.id as string,
      email: r.email as string,
      displayName: r.displayName as string,
      active: truthy(r.accountActive) && truthy(r.active),
      roles: JSON.parse(r.roles as string) as Role[],
      managerId: r.managerId as string | null,
      organisationId: r.organisationId as string | null,
    }));
  }

  async get(authorityId: string, userId: string, manager: EntityManager = this.db.manager): Promise<PersonView> {
    const { user, membership } = await this.load(manager, authorityId, userId);
    return toView(user, membership);
  }

  /** Throws not found unless the user is a member of the authority. */
  async assertMember(manager: EntityManager, authorityId: string, userId: string, what = 'User'): Promise<void> {
    if (!(await manager.existsBy(Membership, { authorityId, userId }))) throw notFound(what);
  }

  /** A new membership for a new account (user null) or an existing one; the caller has checked the rest. */
  async addMember(
    tx: EntityManager,
    authorityId: string,
    input: Omit<NewUser, 'password'> & { password?: string },
    existing: User | null,
    actorId: string | null,
  ): Promise<PersonView> {
    await this.checkReferences(tx, authorityId, input.managerId ?? null, input.organisationId ?? null);
    const now = this.clock.nowIso();
    let user = existing;
    if (!user) {
      user = {
        id: newId(),
        email: normaliseEmail(input.email),
        displayName: input.displayName.trim(),
        passwordHash: await hashPassword(input.password!),
        active: true,
        createdAt: now,
      };
      await tx.insert(User, user);
    }
    const membership: Membership = {
      id: newId(),
      authorityId,
      userId: user.id,
      roles: input.roles,
      managerId: input.managerId ?? null,
      organisationId: input.organisationId ?? null,
      active: true,
      createdAt: now,
    };
    await tx.insert(Membership, membership);
    const view = toView(user, membership);
    await this.audit.record({ authorityId, entityType: 'user', entityId: user.id, event: 'user_created', actorId, after: view }, tx);
    return view;
  }

  /** True when the actor is an active admin in every authority the person belongs to. */
  private async adminOfEveryAuthority(tx: EntityManager, actorId: string, userId: string): Promise<boolean> {
    const theirs = await tx.find(Membership, { where: { userId }, select: { authorityId: true } });
    const mine = await tx.find(Membership, { where: { userId: actorId, authorityId: In(theirs.map((m) => m.authorityId)), active: true } });
    const adminOf = new Set(mine.filter((m) => m.roles.includes('admin')).map((m) => m.authorityId));
    return theirs.every((m) => adminOf.has(m.authorityId));
  }

  private async refuseDuplicate(tx: EntityManager, authorityId: string, existing: User | null, email: string) {
    if (existing && (await tx.existsBy(Membership, { userId: existing.id, authorityId }))) {
      throw new AppError('conflict', 'user_exists', `${email} is already a user of this authority`);
    }
    if (await tx.existsBy(Invitation, { authorityId, email, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(this.clock.nowIso()) })) {
      throw new AppError(
        'conflict',
        'invitation_exists',
        `${email} already has a pending invitation to this authority: wait for them to accept it, or withdraw it first`,
      );
    }
  }

  private async load(manager: EntityManager, authorityId: string, userId: string) {
    const membership = await manager.findOneBy(Membership, { authorityId, userId });
    const user = membership ? await manager.findOneBy(User, { id: userId }) : null;
    if (!membership || !user) throw notFound('User');
    return { user, membership };
  }

  private async checkReferences(manager: EntityManager, authorityId: string, managerId: string | null, organisationId: string | null) {
    if (managerId) await this.assertMember(manager, authorityId, managerId, 'Manager');
    if (organisationId && !(await manager.existsBy(Organisation, { id: organisationId, authorityId }))) throw notFound('Organisation');
  }
}

function refuseWeakPassword(password: string, email: string) {
  const problem = passwordProblem(password, { email });
  if (problem) throw badRequest('weak_password', problem);
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

const truthy = (value: unknown) => value === true || value === 1;

const PEOPLE_SQL = `SELECT u."id", u."email", u."displayName", u."active" AS "accountActive", m."active", m."roles", m."managerId", m."organisationId"
  FROM "membership" m JOIN "app_user" u ON u."id" = m."userId"
  WHERE m."authorityId" = :authorityId ORDER BY u."displayName" ASC`;

const toView = (user: User, membership: Membership): PersonView => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  active: user.active && membership.active,
  roles: membership.roles,
  managerId: membership.managerId,
  organisationId: membership.organisationId,
});
