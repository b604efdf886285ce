import { Controller, Inject, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Authenticated } from '@app/core';
import { CalendarFeedService } from '@app/reminders';
import { CurrentActor } from '../common/decorators';
import { calendarLink } from './calendar-link';
import { FormPost, PageRequest } from './csrf';
import { PageErrorFilter } from './page-error.filter';

/** Each person's private calendar link: made or stopped by a form post that redirects to the settings page. */
@Controller('settings/notifications/calendar-feed')
@UseFilters(PageErrorFilter)
export class CalendarLinkController {
  constructor(
    private readonly calendar: CalendarFeedService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new link (any earlier one stops working), shown on the page this redirects to. */
  @FormPost('')
  async create(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const { token } = await this.calendar.createToken(actor);
    calendarLink.remember(req, res, token, this.config.cookieSecure);
    res.redirect('/settings/notifications?saved=calendar#calendar', 303);
  }

  @FormPost('revoke')
  async revoke(@CurrentActor() actor: Authenticated, @Res() res: FastifyReply) {
    await this.calendar.revoke(actor);
    calendarLink.forget(res, this.config.cookieSecure);
    res.redirect('/settings/notifications?saved=revoked#calendar', 303);
  }
}
