import { ArgumentsHost, Catch, ExceptionFilter, Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SESSION_COOKIE } from '../common/auth.guard';
import { ErrorFilter } from '../common/error.filter';
import { PageRequest } from './csrf';
import { PageRenderer } from './page-renderer';
import { safeNext } from './page-query';

const TITLES: Record<number, string> = {
  400: 'There is a problem with the request',
  403: 'You cannot do this',
  404: 'Page not found',
  409: 'Someone else changed this',
  413: 'The file is too large',
  415: 'The file type is not supported',
  422: 'This cannot be done',
  429: 'Too many attempts',
};

/**
 * Errors on page routes: a browser gets a page (or, signed out, the sign-in page), any other client the
 * API's JSON error. Applied to the page controllers only.
 */
@Catch()
@Injectable()
export class PageErrorFilter implements ExceptionFilter {
  private readonly json = new ErrorFilter();
  private readonly logger = new Logger('PageError');

  constructor(
    private readonly pages: PageRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost) {
    const req = host.switchToHttp().getRequest<PageRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (!wantsHtml(req)) return this.json.catch(exception, host);
    const { error } = this.json.toBody(exception);
    if (error.status === 401) return this.toSignIn(req, res);
    if (error.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const data = { title: TITLES[error.status] ?? 'Sorry, there is a problem with the service', message: error.message, status: error.status };
    try {
      await this.pages.render(req, res, 'error.njk', data, error.status);
    } catch (failure) {
      this.logger.error(failure instanceof Error ? failure.stack : String(failure));
      if (!res.headersSent) this.pages.renderBare(res, 'error.njk', data, error.status);
    }
  }

  /** A missing or ended session: back to sign-in, saying why when a session had been open, and coming back here after. */
  private toSignIn(req: PageRequest, res: Response) {
    const query = new URLSearchParams();
    if (req.cookies?.[SESSION_COOKIE]) {
      res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure });
      query.set('expired', '1');
    }
    const next = req.method === 'GET' ? safeNext(req.originalUrl) : null;
    if (next && next !== '/') query.set('next', next);
    const qs = query.toString();
    res.redirect(303, `/sign-in${qs ? `?${qs}` : ''}`);
  }
}

/** Browsers ask for HTML when they navigate or post a form; API clients and tests without that header get JSON. */
export function wantsHtml(req: PageRequest): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}
