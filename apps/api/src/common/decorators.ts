import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Authenticated } from '@app/core';
import { Role } from '@app/core/request-context';

export const PUBLIC_ROUTE = 'publicRoute';
export const ROUTE_ROLES = 'routeRoles';
/** The OpenAPI document turns this mark into `security: []` (see api-docs.ts). */
export const PUBLIC_OPERATION = 'x-public';

/** The route needs no sign-in (sign-in itself, health, the API documentation). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_OPERATION, true));

/** Only these roles may call the route; without it any signed-in member may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROUTE_ROLES, roles);

/** The signed-in user and authority acting on this request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Authenticated => ctx.switchToHttp().getRequest().actor);
