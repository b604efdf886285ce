import { ArgumentsHost, Catch, ExceptionFilter, Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AuthService } from '@app/core';
import { formatSize } from '@app/domain/wording';
import { SESSION_COOKIE } from '../common/auth.guard';
import { bodyLimitOf, ErrorFilter } from '../common/error.filter';
import { pathOf } from '../common/request-path';
import { PageRequest } from './csrf';
import { PageRenderer } from './page-renderer';
import { safeNext } from './page-query';

const TITLES: Record<number, string> = {
  400: 'There is a problem with the request',
  403: 'You cannot do this',
  404: 'Page not found',
  409: 'Someone else changed this',
  413: 'What you sent is too large',
  415: 'The file type is not supported',
  422: 'This cannot be done',
  429: 'Too many attempts',
};
const SORRY = 'Sorry, there is a problem with the service';

/**
 * Every error a browser can reach, on any address (the app's global filter): a page with the layout and
 * navigation, in plain words, with a way back (or, signed out on a page that needs sign-in, the sign-in
 * page). The JSON API, and any client that does not ask for HTML, gets the API's JSON error.
 */
@Catch()
@Injectable()
export class PageErrorFilter implements ExceptionFilter {
  private readonly json = new ErrorFilter();
  private readonly logger = new Logger('PageError');

  constructor(
    private readonly pages: PageRenderer,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost) {
    const req = host.switchToHttp().getRequest<PageRequest>();
    const res = host.switchToHttp().getResponse<FastifyReply>();
    if (!wantsHtml(req) || res.sent) return this.json.catch(exception, host);
    const { error } = this.json.toBody(exception);
    if (error.status === 401) return this.toSignIn(req, res);
    if (error.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // An unknown address, a body refused before routing, or a route's role check: no guard has named the person yet.
    req.actor ??= (await this.auth.authenticate(req.cookies?.[SESSION_COOKIE]).catch(() => null)) ?? undefined;
    const data = {
      title: error.status >= 500 ? SORRY : (TITLES[error.status] ?? SORRY),
      message: this.wording(exception, req, error.status, error.message),
      status: error.status,
      backHref: sameSiteReferrer(req, this.config.publicUrl),
    };
    try {
      await this.pages.render(req, res, 'error.njk', data, error.status);
    } catch (failure) {
      this.logger.error(failure instanceof Error ? failure.stack : String(failure));
      if (!res.sent) this.pages.renderBare(res, 'error.njk', data, error.status);
    }
  }

  /** What a person reads: the service's own messages as they are; the framework's in plain words, with the limit where one applies. */
  private wording(exception: unknown, req: PageRequest, status: number, message: string): string {
    if (status === 404 && /^Cannot [A-Z]+ /.test(message)) return 'There is no page at this address.';
    if (status === 400 && /^Validation failed \(.+ is expected\)$/.test(message))
      return 'This web address is not one the service made: check it, or go back and follow a link.';
    if (status === 413) return this.tooLarge(exception, req, message);
    return message;
  }

  private tooLarge(exception: unknown, req: PageRequest, message: string): string {
    const bodyLimit = bodyLimitOf(exception);
    if (typeof bodyLimit === 'number')
      return `The form was larger than the ${formatSize(bodyLimit)} limit, so nothing was saved. Go back: your browser usually keeps what you typed. Shorten the longest text, or attach long text as evidence, and send it again.`;
    if (message !== 'File too large') return message;
    const limit = pathOf(req).startsWith('/import') ? this.config.reportMaxBytes : this.config.evidenceMaxBytes;
    return `The file is larger than the ${formatSize(limit)} limit, so nothing was saved. Go back and choose a smaller file (for a scanned document, a lower resolution), or split it in two.`;
  }

  /** A missing or ended session: back to sign-in, saying why when a session had been open, and coming back here after. */
  private toSignIn(req: PageRequest, res: FastifyReply) {
    const query = new URLSearchParams();
    if (req.cookies?.[SESSION_COOKIE]) {
      res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure });
      query.set('expired', '1');
    }
    const next = req.method === 'GET' ? safeNext(req.originalUrl) : null;
    if (next && next !== '/') query.set('next', next);
    const qs = query.toString();
    res.redirect(`/sign-in${qs ? `?${qs}` : ''}`, 303);
  }
}

/** Browsers ask for HTML when they navigate or post a form; the JSON API, API clients and tests without that header get JSON. */
export function wantsHtml(req: PageRequest): boolean {
  return (req.headers.accept ?? '').includes('text/html') && !pathOf(req).startsWith('/api/');
}

/** The page the person came from, when it is on this service and is not this same address: the way back. */
function sameSiteReferrer(req: PageRequest, publicUrl: string): string | null {
  const referrer = req.headers.referer;
  if (!referrer) return null;
  try {
    const from = new URL(referrer);
    const here = new URL(req.originalUrl, `${req.protocol}://${req.headers.host ?? 'localhost'}`);
    const ours = from.host === here.host || from.origin === new URL(publicUrl).origin;
    const back = safeNext(`${from.pathname}${from.search}`);
    return ours && back && (from.pathname !== here.pathname || req.method !== 'GET') ? back : null;
  } catch {
    return null;
  }
}
