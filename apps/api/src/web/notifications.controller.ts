import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Authenticated } from '@app/core';
import { CalendarFeedService, EMAIL_GROUPS, EmailGroup, NotificationPrefs, NotificationService, NotificationSettingsService } from '@app/reminders';
import { CurrentActor } from '../common/decorators';
import { NotificationSettingsDto } from '../reminders/reminders.dto';
import { calendarLink } from './calendar-link';
import { FormPost, PageRequest } from './csrf';
import { dateFromParts, dateItems, dateParts, dateValues } from './date-field';
import { attempt, checkForm, FormErrors, Problem } from './form-errors';
import { messageBlocks, NOTIFICATION_KINDS } from './notification-view';
import { PageErrorFilter } from './page-error.filter';
import { field, fields, pageNumber, queryValue } from './page-query';
import { PageRenderer } from './page-renderer';
import { PeopleDirectory } from './people-directory';

const PAGE_SIZE = 25;

export const EMAIL_GROUP_LABELS: Record<EmailGroup, { text: string; hint: string }> = {
  before_due: { text: 'Before a due date', hint: 'Reminders in the days before one of your actions is due' },
  due_today: { text: 'On the due date', hint: 'A reminder on the day an action is due' },
  overdue: { text: 'Overdue actions', hint: 'When one of your actions is overdue' },
  escalation: { text: 'Escalations', hint: 'When an action you manage or chair is overdue for a while' },
  digest: { text: 'Weekly digest', hint: 'A summary of your open actions each week' },
};

// The page's words for the API's rules (NotificationSettingsDto).
const SETTINGS_WORDING = {
  email: { field: 'email', invalid: 'Choose which reminders you want by email from the list' },
  leaveUntil: { field: 'leaveUntil-day', invalid: 'The date your leave ends must be a real date, for example 27 3 2027' },
  delegateId: { field: 'delegateId', invalid: 'Choose a delegate from the list' },
};

const SAVED: Record<string, string> = {
  settings: 'Your notification settings have been saved.',
  revoked: 'Your calendar link has been stopped. Calendars using it will no longer update.',
  calendar: 'Your calendar link has been made, and any earlier one stopped. Copy it now: it is shown here for 15 minutes.',
  read: 'The notification has been marked as read.',
  'all-read': 'All your notifications have been marked as read.',
};

/** Each person's in-app notifications, their reminder settings and their private calendar link. */
@Controller()
@UseFilters(PageErrorFilter)
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationService,
    private readonly settings: NotificationSettingsService,
    private readonly calendar: CalendarFeedService,
    private readonly directory: PeopleDirectory,
    private readonly pages: PageRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('notifications')
  async list(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const unreadOnly = queryValue(req, 'show') === 'unread';
    const page = pageNumber(req);
    // The unread count is the page frame's (PageRenderer.frame), read once for the page and its layout.
    const [{ items, total }, { unread }] = await Promise.all([
      this.notifications.list(actor, { unreadOnly, page, pageSize: PAGE_SIZE }),
      this.pages.frame(req),
    ]);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const base = unreadOnly ? '/notifications?show=unread&' : '/notifications?';
    await this.pages.render(req, res, 'notifications.njk', {
      pageTitle: 'Notifications',
      unreadOnly,
      unread,
      total,
      success: SAVED[queryValue(req, 'saved') ?? ''],
      items: items.map((n) => ({
        id: n.id,
        title: n.title,
        kind: NOTIFICATION_KINDS[n.kind],
        blocks: messageBlocks(n, this.config.publicUrl),
        createdAt: n.createdAt,
        read: !!n.readAt,
        href: n.actionId ? `/actions/${n.actionId}` : null,
      })),
      pagination:
        pages > 1
          ? {
              previous: page > 1 ? { href: `${base}page=${page - 1}` } : undefined,
              next: page < pages ? { href: `${base}page=${page + 1}` } : undefined,
              items: Array.from({ length: pages }, (_, i) => ({ number: i + 1, href: `${base}page=${i + 1}`, current: i + 1 === page })),
            }
          : null,
    });
  }

  @FormPost('notifications/read-all')
  async markAllRead(@CurrentActor() actor: Authenticated, @Res() res: FastifyReply) {
    await this.notifications.markAllRead(actor);
    res.redirect('/notifications?saved=all-read', 303);
  }

  @FormPost('notifications/:id/read')
  async markRead(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    await this.notifications.markRead(actor, id);
    const show = field(body, 'show') === 'unread' ? 'show=unread&' : '';
    res.redirect(`/notifications?${show}saved=read`, 303);
  }

  @Get('settings/notifications')
  async showSettings(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const prefs = await this.settings.get(actor);
    // A link made by this browser's session a moment ago is shown again on a reload, while it is still the live one.
    const token = calendarLink.recall(req);
    const feedUrl = token && (await this.calendar.isCurrent(actor, token)) ? this.calendar.feedUrl(token) : undefined;
    await this.settingsPage(actor, req, res, valuesOf(prefs), new FormErrors(), 200, SAVED[queryValue(req, 'saved') ?? ''], feedUrl);
  }

  @FormPost('settings/notifications')
  async saveSettings(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply, @Body() body: Record<string, unknown>) {
    const chosen = fields(body, 'email');
    const values: Record<string, unknown> = {
      email: chosen,
      digestOnly: field(body, 'digestOnly'),
      onLeave: field(body, 'onLeave'),
      delegateId: field(body, 'delegateId'),
      ...dateValues(body, 'leaveUntil'),
    };
    const onLeave = values.onLeave === 'yes';
    const leaveUntil = dateFromParts(body, 'leaveUntil', 'The date your leave ends');
    const email = Object.fromEntries(EMAIL_GROUPS.map((g) => [g, chosen.includes(g)]));
    const { input, errors } = checkForm(
      NotificationSettingsDto,
      {
        email,
        digestOnly: values.digestOnly === 'yes',
        onLeave,
        leaveUntil: onLeave ? leaveUntil.value : undefined,
        delegateId: onLeave ? values.delegateId : undefined,
      },
      SETTINGS_WORDING,
    );
    if (chosen.some((g) => !(EMAIL_GROUPS as readonly string[]).includes(g))) errors.add('email', SETTINGS_WORDING.email.invalid);
    if (onLeave && leaveUntil.error) errors.add('leaveUntil-day', leaveUntil.error);
    if (errors.any) return this.settingsPage(actor, req, res, values, errors, 400);
    const saved = await attempt(
      () =>
        this.settings.update(actor, {
          email: input.email,
          digestOnly: input.digestOnly,
          onLeave: input.onLeave,
          leaveUntil: input.leaveUntil ?? null,
          delegateId: input.delegateId ?? null,
        }),
      (problem) => (problem.code === 'invalid_delegate' ? 'delegateId' : 'email'),
      delegateGone,
    );
    if (saved.errors) return this.settingsPage(actor, req, res, values, saved.errors, 400);
    res.redirect('/settings/notifications?saved=settings', 303);
  }

  private async settingsPage(
    actor: Authenticated,
    req: PageRequest,
    res: FastifyReply,
    values: Record<string, unknown>,
    errors: FormErrors,
    status: number,
    success?: string,
    feedUrl?: string,
  ) {
    const names = await this.directory.load(actor.authorityId);
    const view = errors.view();
    const email = values.email as string[];
    await this.pages.render(
      req,
      res,
      'notification-settings.njk',
      {
        pageTitle: 'Notification settings',
        success,
        feedUrl,
        values,
        ...view,
        emailItems: EMAIL_GROUPS.map((g) => ({
          value: g,
          text: EMAIL_GROUP_LABELS[g].text,
          hint: { text: EMAIL_GROUP_LABELS[g].hint },
          checked: email.includes(g),
        })),
        leaveUntilItems: dateItems('leaveUntil', values as Record<string, string>, !!view.errors['leaveUntil-day']),
        delegateItems: [
          { value: '', text: 'No delegate: I will see my reminders when I am back' },
          ...names.people
            .filter((p) => p.active && p.id !== actor.userId)
            .map((p) => ({ value: p.id, text: p.displayName, selected: p.id === values.delegateId })),
        ],
      },
      status,
    );
  }
}

function valuesOf(prefs: NotificationPrefs): Record<string, unknown> {
  const until = dateParts(prefs.leaveUntil);
  return {
    email: EMAIL_GROUPS.filter((g) => prefs.email[g]),
    digestOnly: prefs.digestOnly ? 'yes' : '',
    onLeave: prefs.onLeave ? 'yes' : '',
    delegateId: prefs.delegateId ?? '',
    'leaveUntil-day': until.day,
    'leaveUntil-month': until.month,
    'leaveUntil-year': until.year,
  };
}

/** The delegate chosen has left the council since the page was shown: choose again. */
function delegateGone(error: unknown): Problem | null {
  const kind = typeof error === 'object' && error !== null ? (error as { kind?: string }).kind : undefined;
  return kind === 'not_found' ? { code: 'invalid_delegate', message: 'Choose a delegate from the list' } : null;
}
