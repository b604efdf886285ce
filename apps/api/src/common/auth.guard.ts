import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AppError, AuditService, AuthService, forbidden } from '@app/core';
import { hasRole, Role } from '@app/core/request-context';
import { rolesRefusal } from '@app/domain';
import { AnonymousRefusals } from './anonymous-refusals';
import { crossSiteProblem } from './cross-site';
import { pathOf } from './request-path';
import { PUBLIC_ROUTE, ROUTE_ROLES } from './decorators';

export const SESSION_COOKIE = 'it_session';

interface RouteRules {
  isPublic: boolean;
  roles: Role[] | undefined;
}

/**
 * Every route is guarded: a session cookie or bearer token, then the route's roles; a JSON API change
 * made with the cookie (or a sign-in) must not come from another site. Refusals are audited (those
 * without a sign-in counted per address and minute).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /** By controller, then handler: a handler a controller inherits keeps the marks of each class it serves. */
  private readonly rules = new WeakMap<object, WeakMap<object, RouteRules>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly refusals: AnonymousRefusals,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { isPublic, roles } = this.rulesOf(context);
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: unknown }>();
    const where = `${request.method} ${pathOf(request)}`;
    if (isPublic) {
      await this.refuseCrossSite(request, where, null);
      return true;
    }
    const actor = await this.auth.authenticate(secretOf(request));
    if (!actor) {
      this.refusals.count(request.ip, where);
      throw new AppError('unauthenticated', 'unauthenticated', 'Sign in first: send the session cookie or an "Authorization: Bearer <token>" header');
    }
    await this.refuseCrossSite(request, where, actor);
    if (roles && !hasRole(actor, roles)) {
      await this.audit.recordAlone({
        authorityId: actor.authorityId,
        entityType: 'route',
        entityId: null,
        event: 'access_refused_forbidden',
        actorId: actor.userId,
        subject: where.slice(0, 254),
        ip: request.ip,
      });
      throw forbidden(rolesRefusal(roles));
    }
    request.actor = { ...actor, ip: request.ip };
    return true;
  }

  /** A route's marks (public, roles), read from its decorators once: they are fixed when the class is declared. */
  private rulesOf(context: ExecutionContext): RouteRules {
    const [handler, controller] = [context.getHandler(), context.getClass()];
    const ofController = this.rules.get(controller) ?? this.rules.set(controller, new WeakMap()).get(controller)!;
    let rules = ofController.get(handler);
    if (!rules) {
      const targets = [handler, controller];
      rules = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false,
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets),
      };
      ofController.set(handler, rules);
    }
    return rules;
  }

  private async refuseCrossSite(request: FastifyRequest, where: string, actor: { userId: string; authorityId: string } | null) {
    const problem = crossSiteProblem(request, this.config.publicUrl);
    if (!problem) return;
    await this.audit.recordAlone({
      authorityId: actor?.authorityId ?? null,
      entityType: 'route',
      entityId: null,
      event: 'access_refused_cross_site',
      actorId: actor?.userId ?? null,
      subject: where.slice(0, 254),
      ip: request.ip,
    });
    throw new AppError('forbidden', 'cross_site_request', problem);
  }
}

function secretOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return request.cookies?.[SESSION_COOKIE];
}
