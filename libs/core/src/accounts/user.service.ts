import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Membership, Organisation, User } from '../../../database/src/entities';
import { runSql } from '../../../database/src/sql';
import { AppError, badRequest, notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { Actor, Role } from '../request-context';
import { hashPassword } from './password';

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
  active: boolean;
  roles: Role[];
  managerId: string | null;
  organisationId: string | null;
}

export const MIN_PASSWORD_LENGTH = 12;

/** People in an authority: their account, roles, line manager and organisation. */
@Injectable()
export class UserService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Adds a person to the actor's authority; an existing account (same email) gains a membership. */
  async create(authorityId: string, input: NewUser, actorId: string | null = null): Promise<PersonView> {
    if (input.password.length < MIN_PASSWORD_LENGTH) throw badRequest('weak_password', `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
    const email = input.email.trim().toLowerCase();
    return this.db.transaction(async (tx) => {
      await this.checkReferences(tx, authorityId, input.managerId ?? null, input.organisationId ?? null);
      const now = this.clock.nowIso();
      let user = await tx.findOneBy(User, { email });
      if (user && (await tx.findOneBy(Membership, { userId: user.id, authorityId }))) {
        throw new AppError('conflict', 'user_exists', `${email} is already a user of this authority`);
      }
      if (!user) {
        user = { id: newId(), email, displayName: input.displayName.trim(), passwordHash: await hashPassword(input.password), active: true, createdAt: now };
        await tx.insert(User, user);
      }
      const membership: Membership = { id: newId(), authorityId, userId: user.id, roles: input.roles, managerId: input.managerId ?? null, organisationId: input.organisationId ?? null, createdAt: now };
      await tx.insert(Membership, membership);
      const view = toView(user, membership);
      await this.audit.record({ authorityId, entityType: 'user', entityId: user.id, event: 'user_created', actorId, after: view }, tx);
      return view;
    });
  }

  async update(actor: Actor, userId: string, changes: UserChanges): Promise<PersonView> {
    return this.db.transaction(async (tx) => {
      const { user, membership } = await this.load(tx, actor.authorityId, userId);
      const before = toView(user, membership);
      if (changes.managerId === userId) throw badRequest('invalid_manager', 'A person cannot be their own manager');
      await this.checkReferences(tx, actor.authorityId, changes.managerId ?? null, changes.organisationId ?? null);
      if (changes.displayName !== undefined) user.displayName = changes.displayName.trim();
      if (changes.active !== undefined) user.active = changes.active;
      if (changes.password !== undefined) {
        if (changes.password.length < MIN_PASSWORD_LENGTH) throw badRequest('weak_password', `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
        user.passwordHash = await hashPassword(changes.password);
      }
      if (changes.roles !== undefined) membership.roles = changes.roles;
      if (changes.managerId !== undefined) membership.managerId = changes.managerId;
      if (changes.organisationId !== undefined) membership.organisationId = changes.organisationId;
      await tx.save(User, user);
      await tx.save(Membership, membership);
      const after = toView(user, membership);
      await this.audit.record({ authorityId: actor.authorityId, entityType: 'user', entityId: userId, event: 'user_updated', actorId: actor.userId, before, after }, tx);
      return after;
    });
  }

  /** Every page names people from this list, so it is one fixed query: a council can have hundreds. */
  async list(authorityId: string): Promise<PersonView[]> {
    const rows = await runSql(this.db.manager, PEOPLE_SQL, { authorityId });
    return rows.map((r) => ({
      id: r.id as string, email: r.email as string, displayName: r.displayName as string, active: r.active === true || r.active === 1,
      roles: JSON.parse(r.roles as string) as Role[], managerId: r.managerId as string | null, organisationId: r.organisationId as string | null,
    }));
  }

  async get(authorityId: string, userId: string): Promise<PersonView> {
    const { user, membership } = await this.load(this.db.manager, authorityId, userId);
    return toView(user, membership);
  }

  /** Throws not found unless the user is a member of the authority. */
  async assertMember(manager: EntityManager, authorityId: string, userId: string, what = 'User'): Promise<void> {
    if (!(await manager.existsBy(Membership, { authorityId, userId }))) throw notFound(what);
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

const PEOPLE_SQL = `SELECT u."id", u."email", u."displayName", u."active", m."roles", m."managerId", m."organisationId"
  FROM "membership" m JOIN "app_user" u ON u."id" = m."userId"
  WHERE m."authorityId" = :authorityId ORDER BY u."displayName" ASC`;

const toView = (user: User, membership: Membership): PersonView => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  active: user.active,
  roles: membership.roles as Role[],
  managerId: membership.managerId,
  organisationId: membership.organisationId,
});
