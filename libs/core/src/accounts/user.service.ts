import { Injectable } from '@nestjs/common';
import { User } from '@app/database/entities';
import { AccountRepository } from '@app/database/repositories/account.repository';
import { BoardRepositories } from '@app/database/repositories/board.repository';
import { InvitationRepositories } from '@app/database/repositories/invitation.repository';
import { OrganisationRepositories } from '@app/database/repositories/organisation.repository';
import { PageNames, PeopleRepositories } from '@app/database/repositories/people.repository';
import { SessionRepository } from '@app/database/repositories/session.repository';
import { Transactions } from '@app/database/transactions';
import { AppError, badRequest, notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { Actor } from '../request-context';
import { hashPassword } from './password';
import { refuseWeakPassword } from './password-policy';
import { ActingSession, InvitationReceipt, NewUser, normaliseEmail, PersonView, toPersonView, UserChanges } from './person';
import { endTrust } from './trust';

export const INVITATION_DAYS = 14;

/**
 * People in an authority. The account (email, name, password, account-level `active`) is the
 * person's, shared by every authority they belong to: only they, an admin of every one of those
 * authorities, or the deployment operator (CLI) change it. The membership (roles, manager,
 * organisation, access here) is the authority's admin's.
 */
@Injectable()
export class UserService {
  constructor(
    private readonly transactions: Transactions,
    private readonly accounts: AccountRepository,
    private readonly people: PeopleRepositories,
    private readonly invitations: InvitationRepositories,
    private readonly organisations: OrganisationRepositories,
    private readonly boards: BoardRepositories,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The deployment operator's way in (CLI, demo seed, test factories): a new account, or an existing
   * account gains a membership directly. The password is used only for a new account.
   */
  async create(authorityId: string, input: NewUser, actorId: string | null = null): Promise<PersonView> {
    const email = normaliseEmail(input.email);
    return this.transactions.run(async () => {
      const existing = await this.accounts.byEmail(email);
      if (!existing) refuseWeakPassword(input.password, email);
      await this.refuseDuplicate(authorityId, existing, email);
      return this.addMember(authorityId, input, existing, actorId);
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
    return this.transactions.run(async () => {
      const existing = await this.accounts.byEmail(email);
      await this.refuseDuplicate(actor.authorityId, existing, email);
      // An account that belongs to no authority any more has nobody else to protect: the admin takes it over.
      if (!existing || !(await this.accounts.membershipsOf(existing.id)).length) {
        if (existing) {
          Object.assign(existing, { displayName: input.displayName.trim(), passwordHash: await hashPassword(input.password), active: true });
          await this.accounts.update(existing.id, { displayName: existing.displayName, passwordHash: existing.passwordHash, active: true });
          await endTrust(this.transactions.manager, this.sessions, this.clock.nowIso(), existing.id, null);
        }
        return this.addMember(actor.authorityId, input, existing, actor.userId);
      }
      await this.checkReferences(actor.authorityId, input.managerId ?? null, input.organisationId ?? null);
      const invitation = await this.invitations.for(actor.authorityId).insert({
        id: newId(),
        email,
        roles: input.roles,
        managerId: input.managerId ?? null,
        organisationId: input.organisationId ?? null,
        invitedById: actor.userId,
        createdAt: this.clock.nowIso(),
        expiresAt: new Date(this.clock.now().getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
        acceptedAt: null,
        revokedAt: null,
      });
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'invitation',
        entityId: invitation.id,
        event: 'user_invited',
        actorId: actor.userId,
        after: { email, roles: input.roles },
      });
      return { invited: true, invitationId: invitation.id, email, status: 'pending', expiresAt: invitation.expiresAt };
    });
  }

  async update(actor: ActingSession, userId: string, changes: UserChanges): Promise<PersonView> {
    return this.transactions.run(async () => {
      const { user, membership } = await this.load(actor.authorityId, userId);
      const before = toPersonView(user, membership);
      const self = actor.userId === userId;
      const wholeAccount = await this.accounts.adminOfEveryAuthority(actor.userId, userId);
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
      await this.checkReferences(actor.authorityId, changes.managerId ?? null, changes.organisationId ?? null);
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
      await this.accounts.update(userId, { displayName: user.displayName, passwordHash: user.passwordHash, active: user.active });
      const { roles, managerId, organisationId, active } = membership;
      await this.people.for(actor.authorityId).update(userId, { roles, managerId, organisationId, active });

      const keep = self ? actor.sessionId : undefined;
      const tx = this.transactions.manager;
      if (changes.password !== undefined || (changes.active === false && wholeAccount)) await endTrust(tx, this.sessions, now, userId, null, keep);
      else if (rolesChanged || changes.active === false) await endTrust(tx, this.sessions, now, userId, actor.authorityId, keep);
      const after = toPersonView(user, membership);
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'user',
        entityId: userId,
        event: 'user_updated',
        actorId: actor.userId,
        before,
        after: { ...after, passwordChanged: changes.password !== undefined },
      });
      return after;
    });
  }

  /** Takes a person out of the actor's authority; their account, and their places elsewhere, stay. */
  async remove(actor: Actor, userId: string): Promise<void> {
    if (actor.userId === userId) throw badRequest('own_access', 'You cannot remove yourself: ask another admin');
    await this.transactions.run(async () => {
      const { user, membership } = await this.load(actor.authorityId, userId);
      await this.people.for(actor.authorityId).remove(userId);
      await this.boards.for(actor.authorityId).removePerson(userId);
      await endTrust(this.transactions.manager, this.sessions, this.clock.nowIso(), userId, actor.authorityId);
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'user',
        entityId: userId,
        event: 'user_removed',
        actorId: actor.userId,
        before: toPersonView(user, membership),
      });
    });
  }

  /** Every page names people from this list. */
  async list(authorityId: string): Promise<PersonView[]> {
    const rows = await this.people.for(authorityId).list();
    return rows.map(({ accountActive, active, ...person }) => ({ ...person, active: accountActive && active }));
  }

  /** The names of just these people and partner organisations of the authority (for a page); see PeopleRepository.names. */
  names(authorityId: string, personIds: Iterable<string>, organisationIds: Iterable<string> = [], managerId?: string): Promise<PageNames> {
    return this.people.for(authorityId).names(personIds, organisationIds, managerId);
  }

  async get(authorityId: string, userId: string): Promise<PersonView> {
    const { user, membership } = await this.load(authorityId, userId);
    return toPersonView(user, membership);
  }

  /** Throws not found unless the user is a member of the authority. */
  async assertMember(authorityId: string, userId: string, what = 'User'): Promise<void> {
    if (!(await this.people.for(authorityId).isMember(userId))) throw notFound(what);
  }

  /** A new membership for a new account (user null) or an existing one; the caller has checked the rest. Runs in the caller's transaction. */
  async addMember(
    authorityId: string,
    input: Omit<NewUser, 'password'> & { password?: string },
    existing: User | null,
    actorId: string | null,
  ): Promise<PersonView> {
    await this.checkReferences(authorityId, input.managerId ?? null, input.organisationId ?? null);
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
      await this.accounts.insert(user);
    }
    const membership = await this.people.for(authorityId).insert({
      id: newId(),
      userId: user.id,
      roles: input.roles,
      managerId: input.managerId ?? null,
      organisationId: input.organisationId ?? null,
      active: true,
      createdAt: now,
    });
    const view = toPersonView(user, membership);
    await this.audit.record({ authorityId, entityType: 'user', entityId: user.id, event: 'user_created', actorId, after: view });
    return view;
  }

  private async refuseDuplicate(authorityId: string, existing: User | null, email: string) {
    if (existing && (await this.people.for(authorityId).isMember(existing.id))) {
      throw new AppError('conflict', 'user_exists', `${email} is already a user of this authority`);
    }
    if (await this.invitations.for(authorityId).pendingExists(email, this.clock.nowIso())) {
      throw new AppError(
        'conflict',
        'invitation_exists',
        `${email} already has a pending invitation to this authority: wait for them to accept it, or withdraw it first`,
      );
    }
  }

  private async load(authorityId: string, userId: string) {
    const membership = await this.people.for(authorityId).membership(userId);
    const user = membership ? await this.accounts.byId(userId) : null;
    if (!membership || !user) throw notFound('User');
    return { user, membership };
  }

  private async checkReferences(authorityId: string, managerId: string | null, organisationId: string | null) {
    if (managerId) await this.assertMember(authorityId, managerId, 'Manager');
    if (organisationId && !(await this.organisations.for(authorityId).exists(organisationId))) throw notFound('Organisation');
  }
}
