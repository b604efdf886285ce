import { applyDecorators, CallHandler, ExecutionContext, HttpCode, Injectable, NestInterceptor, Post, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, Authenticated } from '@app/core';
import { SESSION_COOKIE } from '../common/auth.guard';

export const CSRF_FIELD = '_csrf';
/** Before sign-in there is no session: a random cookie stands in for it, so the sign-in form is protected too. */
export const PRE_SESSION_COOKIE = 'it_pre_session';

/** A request as the pages read it: the query's fields (repeated ones as arrays), and who is signed in once the guard has run. */
export type PageRequest = FastifyRequest<{ Querystring: Record<string, string | string[] | undefined> }> & { actor?: Authenticated };

/**
 * The form token for this browser: a keyed hash of its session (or pre-session) cookie. A page from
 * another site cannot read the cookie, so it cannot make the token; the token reveals nothing of the cookie.
 */
export function csrfToken(req: PageRequest): string | null {
  const secret = req.cookies?.[SESSION_COOKIE] ?? req.cookies?.[PRE_SESSION_COOKIE];
  return typeof secret === 'string' && secret ? createHmac('sha256', 'improvement-tracker form token').update(secret).digest('base64url') : null;
}

/** Gives a signed-out browser its pre-session cookie and returns the token its forms carry. */
export function ensurePreSession(req: PageRequest, res: FastifyReply, secure: boolean): string {
  if (!req.cookies?.[SESSION_COOKIE] && !req.cookies?.[PRE_SESSION_COOKIE]) {
    const value = randomBytes(24).toString('base64url');
    res.setCookie(PRE_SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
    req.cookies = { ...req.cookies, [PRE_SESSION_COOKIE]: value };
  }
  return csrfToken(req)!;
}

function tokenMatches(req: PageRequest): boolean {
  const expected = csrfToken(req);
  const given = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  if (!expected || typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/**
 * Refuses a form post without this browser's token. A request signed with an API token is exempt:
 * a browser never attaches that header by itself, so another site cannot forge such a request.
 */
@Injectable()
export class CsrfInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    const req = context.switchToHttp().getRequest<PageRequest>();
    if (req.actor?.kind !== 'api' && !tokenMatches(req)) {
      throw new AppError('forbidden', 'form_expired', 'The form was out of date or did not come from this service. Go back, reload the page and try again.');
    }
    return next.handle();
  }
}

/** A POST route for a page form: the CSRF check runs after an upload is read, so the token in a multipart form counts. */
export const FormPost = (path: string, fileField?: string) =>
  applyDecorators(Post(path), HttpCode(200), UseInterceptors(...(fileField ? [FileInterceptor(fileField)] : []), CsrfInterceptor));
