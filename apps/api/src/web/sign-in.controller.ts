import { Body, Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AppError, AuthService } from '@app/core';
import { SESSION_COOKIE } from '../common/auth.guard';
import { CurrentActor, Public } from '../common/decorators';
import { Authenticated } from '@app/core';
import { ensurePreSession, FormPost, PageRequest, PRE_SESSION_COOKIE } from './csrf';
import { FormErrors } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field, queryValue, safeNext } from './page-query';
import { PageRenderer } from './page-renderer';

/** Signing in and out of the web pages; the same AuthService sessions as the JSON API. */
@Controller()
@UseFilters(PageErrorFilter)
export class SignInController {
  constructor(
    private readonly auth: AuthService,
    private readonly pages: PageRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('sign-in')
  async show(@Req() req: PageRequest, @Res() res: FastifyReply) {
    ensurePreSession(req, res, this.config.cookieSecure);
    await this.page(req, res, new FormErrors(), {}, 200);
  }

  @Public()
  @FormPost('sign-in')
  async signIn(@Req() req: PageRequest, @Res() res: FastifyReply, @Body() body: Record<string, unknown>) {
    const email = field(body, 'email');
    const password = typeof body.password === 'string' ? body.password : '';
    const errors = new FormErrors();
    if (!email) errors.add('email', 'Enter your email address');
    if (!password) errors.add('password', 'Enter your password');
    if (errors.any) return this.page(req, res, errors, { email }, 400);
    try {
      const session = await this.auth.signIn(email, password, req.ip ?? 'unknown');
      res.clearCookie(PRE_SESSION_COOKIE, { path: '/' });
      setSessionCookie(res, session.secret, this.config.cookieSecure);
      res.redirect(safeNext(queryValue(req, 'next')) ?? '/', 303);
    } catch (error) {
      if (!(error instanceof AppError) || !['unauthenticated', 'too_many_requests'].includes(error.kind)) throw error;
      const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retryAfter) res.header('Retry-After', String(retryAfter));
      await this.page(req, res, FormErrors.of('email', error.message), { email }, error.kind === 'too_many_requests' ? 429 : 401);
    }
  }

  @FormPost('sign-out')
  async signOut(@CurrentActor() actor: Authenticated, @Res() res: FastifyReply) {
    await this.auth.signOut(actor);
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure });
    res.redirect('/sign-in?signedOut=1', 303);
  }

  private page(req: PageRequest, res: FastifyReply, errors: FormErrors, values: Record<string, string>, status: number) {
    return this.pages.render(
      req,
      res,
      'sign-in.njk',
      {
        ...errors.view(),
        values,
        idleMinutes: this.config.sessionIdleMinutes,
        expired: queryValue(req, 'expired') === '1',
        signedOut: queryValue(req, 'signedOut') === '1',
        next: safeNext(queryValue(req, 'next')),
      },
      status,
    );
  }
}

export function setSessionCookie(res: FastifyReply, secret: string, secure: boolean): void {
  res.setCookie(SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
