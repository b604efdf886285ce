import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import nunjucks from 'nunjucks';
import { APP_CONFIG, AppConfig } from '@app/config';
import { subjectOf } from '@app/core';
import { may } from '@app/domain';
import { NotificationService } from '@app/reminders';
import { cacheComponents, memoiseTemplatePaths } from './component-cache';
import { pathOf } from '../common/request-path';
import { CSRF_FIELD, csrfToken, PageRequest } from './csrf';
import { escapePagesAsLatin1 } from './page-escape';
import { PagePieces } from './page-pieces';
import { reviewMeasureView } from './review-page-view';
import { asSentence, formatDate, formatDateTime, plural } from './page-format';
import { RAG_LABELS, RAG_TAG_CLASSES, ROLE_LABELS, STATUS_LABELS, STATUS_TAG_CLASSES, TIMESCALE_LABELS } from './page-labels';
import { GOVUK_DIST, VIEWS_DIR } from './web-assets';

type PageFrame = Awaited<ReturnType<NotificationService['frame']>>;
const NO_FRAME: PageFrame = { displayName: null, unread: 0, councils: [] };
const frames = new WeakMap<PageRequest, Promise<PageFrame>>();
const HTML = 'text/html; charset=utf-8';

export interface NavItem {
  text: string;
  href: string;
  current?: boolean;
  active?: boolean;
}

/** Renders Nunjucks pages with the layout's context: who is signed in, the service navigation, the form token. */
@Injectable()
export class PageRenderer {
  private readonly env: nunjucks.Environment;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationService,
  ) {
    const noCache = config.env === 'development';
    const loader = new nunjucks.FileSystemLoader([VIEWS_DIR, GOVUK_DIST], { noCache });
    this.env = new nunjucks.Environment(loader, { autoescape: true });
    escapePagesAsLatin1();
    memoiseTemplatePaths(this.env);
    // In development templates are read afresh at each render, so there is nothing to keep.
    const components = noCache ? undefined : cacheComponents(this.env, GOVUK_DIST);
    // Nunjucks' own trim uses /^\s*|\s*$/g, which is quadratic in the runs of white space of a long
    // string, and GOV.UK's macros trim every component's whole output: it took 40 % of a page's time.
    this.env.addFilter('trim', trimFilter);
    this.env.addFilter('govukDate', formatDate);
    this.env.addFilter('govukDateTime', formatDateTime);
    this.env.addFilter('plural', plural);
    this.env.addFilter('sentence', asSentence);
    this.env.addGlobal('labels', {
      status: STATUS_LABELS,
      rag: RAG_LABELS,
      ragTag: RAG_TAG_CLASSES,
      statusTag: STATUS_TAG_CLASSES,
      timescale: TIMESCALE_LABELS,
      role: ROLE_LABELS,
    });
    this.env.addGlobal('csrfField', CSRF_FIELD);
    // For the review page's measure pieces, which word their measure themselves (see page-pieces.ts).
    this.env.addGlobal('reviewMeasure', reviewMeasureView);
    PagePieces.addTo(this.env, components);
  }

  async render(req: PageRequest, res: FastifyReply, template: string, data: Record<string, unknown> = {}, status = 200): Promise<void> {
    const nonce = randomBytes(16).toString('base64');
    const pieces = new PagePieces();
    const html = this.env.render(template, pieces.context({ ...(await this.layout(req)), ...data, cspNonce: nonce }));
    res.status(status).header('Content-Security-Policy', pageCsp(nonce, this.config.cookieSecure));
    res.header('Cache-Control', 'no-store');
    res.type(HTML).send(pieces.join(html));
  }

  /** For the error filter: a page that must render even when the user lookup is what failed. */
  renderBare(res: FastifyReply, template: string, data: Record<string, unknown>, status: number): void {
    const nonce = randomBytes(16).toString('base64');
    const html = this.env.render(template, { ...data, cspNonce: nonce });
    res.status(status).header('Content-Security-Policy', pageCsp(nonce, this.config.cookieSecure));
    res.type(HTML).send(html);
  }

  /**
   * What the layout shows of the person (name, unread count, councils): one statement, read once a
   * request, so a page that shows the unread count too (notifications) asks here rather than again.
   */
  frame(req: PageRequest): Promise<PageFrame> {
    const actor = req.actor;
    if (!actor) return Promise.resolve(NO_FRAME);
    let frame = frames.get(req);
    if (!frame) {
      frame = this.notifications.frame(actor);
      frames.set(req, frame);
    }
    return frame;
  }

  private async layout(req: PageRequest) {
    const actor = req.actor;
    const { displayName, unread, councils } = await this.frame(req);
    // The council is named, with a way to another, only to a person who has more than one.
    const council = councils.length > 1 ? councils.find((c) => c.id === actor!.authorityId) : undefined;
    return {
      user: displayName === null ? null : { displayName },
      council,
      roles: actor?.roles ?? [],
      csrfToken: csrfToken(req),
      navigation: actor ? navigation(req, unread) : [],
      path: pathOf(req),
      unreadCount: unread,
    };
  }
}

function navigation(req: PageRequest, unread: number): NavItem[] {
  const actor = req.actor!;
  const items: NavItem[] = [
    { text: 'My actions', href: '/' },
    { text: 'Plans', href: '/plans' },
    { text: 'Meetings', href: '/meetings' },
    { text: 'Reviews', href: '/reviews' },
    { text: unread > 0 ? `Notifications (${unread} unread)` : 'Notifications', href: '/notifications' },
  ];
  const subject = subjectOf(actor);
  if (may(subject, 'documents.import')) items.push({ text: 'Import a report', href: '/import' });
  // The admin pages: people, organisations, boards and plan settings, all the admin's.
  if (may(subject, 'user.create')) items.push({ text: 'Admin', href: '/admin' });
  const path = pathOf(req);
  return items.map((item) => ({ ...item, ...currentness(item.href, path) }));
}

function currentness(href: string, path: string) {
  if (href === path) return { current: true };
  if (href !== '/' && path.startsWith(`${href}/`)) return { active: true };
  if (href === '/plans' && path.startsWith('/actions/')) return { active: true };
  if (href === '/notifications' && path.startsWith('/settings/notifications')) return { active: true };
  return {};
}

/** Pages load scripts and styles from this origin only; the template's one inline script carries the nonce. */
export function pageCsp(nonce: string, secure: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    ...(secure ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** As Nunjucks' trim, in linear time: keeps markup marked safe, safe. */
function trimFilter(value: unknown) {
  const trimmed = value === null || value === undefined ? '' : String(value).trim();
  return value instanceof nunjucks.runtime.SafeString ? new nunjucks.runtime.SafeString(trimmed) : trimmed;
}
