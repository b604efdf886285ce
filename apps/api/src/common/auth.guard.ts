import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError, AuditService, AuthService, forbidden } from '../../../../libs/core/src';
import { hasRole, Role } from '../../../../libs/core/src/request-context';
import { PUBLIC_ROUTE, ROUTE_ROLES } from './decorators';

export const SESSION_COOKIE = 'it_session';

/** Every route is guarded: a session cookie or bearer token, then the route's roles. Refusals are audited. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: unknown }>();
    const actor = await this.auth.authenticate(secretOf(request));
    const where = `${request.method} ${request.originalUrl.split('?')[0]}`;
    if (!actor) {
      await this.audit.record({ authorityId: null, entityType: 'route', entityId: null, event: 'access_refused_unauthenticated', actorId: null, subject: where.slice(0, 254), ip: request.ip });
      throw new AppError('unauthenticated', 'unauthenticated', 'Sign in first: send the session cookie or an "Authorization: Bearer <token>" header');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (roles && !hasRole(actor, roles)) {
      await this.audit.record({ authorityId: actor.authorityId, entityType: 'route', entityId: null, event: 'access_refused_forbidden', actorId: actor.userId, subject: where.slice(0, 254), ip: request.ip });
      throw forbidden(`This needs one of these roles: ${roles.join(', ')}`);
    }
    request.actor = { ...actor, ip: request.ip };
    return true;
  }
}

function secretOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return request.cookies?.[SESSION_COOKIE];
}
