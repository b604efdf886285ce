import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Session } from '@app/database/entities';
import { AccountRepository } from '@app/database/repositories/account.repository';
import { SessionRepository } from '@app/database/repositories/session.repository';
import { Transactions } from '@app/database/transactions';
import { AppError, badRequest } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { Actor, Role } from '../request-context';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password';
import { SignInThrottle } from './sign-in-throttle';
import { API_TOKEN_PREFIX, hashSecret, newSecret, SESSION_PREFIX } from './tokens';

export const API_TOKEN_DAYS = 90;

export interface Authenticated extends Actor {
  sessionId: string;
  kind: 'browser' | 'api';
}

@Injectable()
export class AuthService {
  constructor(
    private readonly transactions: Transactions,
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly throttle: SignInThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the password and opens a browser session; returns the session secret for the cookie. */
  async signIn(email: string, password: string, ip: string, authorityId?: string) {
    const subject = email.trim().toLowerCase();
    const claim = await this.throttle.claim(subject, ip);
    const user = await this.accounts.byEmail(subject);
    const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, await DUMMY_HASH_PROMISE);
    const membership = ok && user?.active ? await this.membershipFor(user.id, authorityId) : null;
    if (!user || !ok || !user.active || !membership) {
      await this.audit.recordAlone({
        authorityId: membership?.authorityId ?? null,
        entityType: 'user',
        entityId: user?.id ?? null,
        event: 'sign_in_failed',
        actorId: null,
        subject: claim.email,
        ip: claim.ip,
      });
      await this.throttle.failed(claim, user?.id ?? null);
      throw new AppError('unauthenticated', 'invalid_credentials', 'The email address or password is not right, or the account is not active.');
    }
    await this.throttle.succeeded(claim);
    const secret = newSecret(SESSION_PREFIX);
    const session = await this.transactions.run(async () => {
      const made = await this.createSession(user.id, membership.authorityId, 'browser', null, secret);
      await this.audit.record({
        authorityId: membership.authorityId,
        entityType: 'user',
        entityId: user.id,
        event: 'sign_in',
        actorId: user.id,
        subject,
        ip: claim.ip,
      });
      return made;
    });
    return { secret, sessionId: session.id, userId: user.id, authorityId: membership.authorityId };
  }

  async signOut(actor: Authenticated): Promise<void> {
    await this.transactions.run(async () => {
      await this.sessions.end(actor.sessionId, this.clock.nowIso());
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'user',
        entityId: actor.userId,
        event: 'sign_out',
        actorId: actor.userId,
        ip: actor.ip,
      });
    });
  }

  /** The councils this person can work in: their active memberships. */
  async councilsOf(userId: string): Promise<{ id: string; name: string }[]> {
    return this.sessions.councilsOf(userId);
  }

  /**
   * Ends this browser session and starts one in another of the person's councils, with a new secret.
   * Each council's trail says only that the person left or came, never the other council.
   */
  async switchCouncil(actor: Authenticated, authorityId: string) {
    if (actor.kind !== 'browser')
      throw new AppError('forbidden', 'browser_only', 'An API token belongs to one council: make one in the other council to work there.');
    const membership = await this.membershipFor(actor.userId, authorityId);
    if (!membership) throw badRequest('unknown_council', 'Choose one of your councils from the list');
    const secret = newSecret(SESSION_PREFIX);
    await this.transactions.run(async () => {
      if (!(await this.sessions.end(actor.sessionId, this.clock.nowIso())))
        throw new AppError('unauthenticated', 'unauthenticated', 'Your session has ended: sign in again');
      await this.createSession(actor.userId, authorityId, 'browser', null, secret);
      const who = { entityType: 'user', entityId: actor.userId, actorId: actor.userId, ip: actor.ip ?? null };
      await this.audit.record({ ...who, authorityId: actor.authorityId, event: 'council_switched_away' });
      await this.audit.record({ ...who, authorityId, event: 'council_switched_in' });
    });
    return { secret, authorityId };
  }

  /** Resolves a session cookie or bearer token to the acting user, or null. One query: it runs on every request. */
  async authenticate(secret: string | undefined): Promise<Authenticated | null> {
    if (!secret || !(secret.startsWith(SESSION_PREFIX) || secret.startsWith(API_TOKEN_PREFIX))) return null;
    const row = await this.sessions.authenticate(hashSecret(secret));
    if (!row) return null;
    const now = this.clock.now();
    if (row.expiresAt && row.expiresAt <= now.toISOString()) return null;
    if (row.kind === 'browser' && this.idleExpired(row.lastSeenAt, now)) return null;
    await this.touch(row.id, row.lastSeenAt, now);
    return { userId: row.userId, authorityId: row.authorityId, roles: JSON.parse(row.roles) as Role[], sessionId: row.id, kind: row.kind };
  }

  /** A personal API token for scripts; it expires (by default after 90 days) and is shown once. */
  async createApiToken(actor: Actor, name: string, expiresInDays = API_TOKEN_DAYS) {
    const secret = newSecret(API_TOKEN_PREFIX);
    const expiresAt = new Date(this.clock.now().getTime() + expiresInDays * 86_400_000).toISOString();
    const session = await this.transactions.run(async () => {
      const made = await this.createSession(actor.userId, actor.authorityId, 'api', name, secret, expiresAt);
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'api_token',
        entityId: made.id,
        event: 'api_token_created',
        actorId: actor.userId,
        after: { name, expiresAt },
      });
      return made;
    });
    return { id: session.id, name, token: secret, createdAt: session.createdAt, expiresAt };
  }

  async listApiTokens(actor: Actor) {
    const rows = await this.sessions.apiTokens(actor.userId, actor.authorityId);
    return rows.map((s) => ({ id: s.id, name: s.name, createdAt: s.createdAt, lastUsedAt: s.lastSeenAt, expiresAt: s.expiresAt }));
  }

  async revokeApiToken(actor: Actor, id: string): Promise<void> {
    await this.transactions.run(async () => {
      if (!(await this.sessions.revokeApiToken(id, actor.userId, actor.authorityId, this.clock.nowIso())))
        throw new AppError('not_found', 'not_found', 'API token not found');
      await this.audit.record({ authorityId: actor.authorityId, entityType: 'api_token', entityId: id, event: 'api_token_revoked', actorId: actor.userId });
    });
  }

  private async membershipFor(userId: string, authorityId?: string) {
    const memberships = await this.accounts.membershipsOf(userId, { active: true });
    return authorityId ? (memberships.find((m) => m.authorityId === authorityId) ?? null) : (memberships[0] ?? null);
  }

  private async createSession(
    userId: string,
    authorityId: string,
    kind: 'browser' | 'api',
    name: string | null,
    secret: string,
    expiresAt: string | null = null,
  ) {
    const now = this.clock.nowIso();
    const session: Session = {
      id: newId(),
      tokenHash: hashSecret(secret),
      userId,
      authorityId,
      kind,
      name,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      revokedAt: null,
    };
    await this.sessions.insert(session);
    return session;
  }

  private idleExpired(lastSeenAt: string, now: Date) {
    return now.getTime() - Date.parse(lastSeenAt) > this.config.sessionIdleMinutes * 60_000;
  }

  // Writing on every request would serialise reads on SQLite; a minute's resolution is enough for idle expiry.
  private async touch(sessionId: string, lastSeenAt: string, now: Date) {
    if (now.getTime() - Date.parse(lastSeenAt) < 60_000) return;
    await this.sessions.touch(sessionId, now.toISOString());
  }
}
