import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AppError, Authenticated } from '@app/core';
import { rolesFor } from '@app/domain';
import { CalendarFeedService, NotificationService, NotificationSettingsService, ReminderAdminService, ReminderSettingsService } from '@app/reminders';
import { CurrentActor, Public, Roles } from '../common/decorators';
import { FILE_SCHEMA } from '../common/response-fields';
import { NotificationQuery, NotificationSettingsDto, ReminderQuery, ReminderRulesDto } from './reminders.dto';
import {
  CalendarFeedResponse,
  MarkedResponse,
  NotificationPageResponse,
  NotificationResponse,
  NotificationSettingsResponse,
  OutboxPageResponse,
  QueueSummaryResponse,
  ReminderPageResponse,
  ReminderResponse,
  ReminderRulesResponse,
} from './reminders.responses';

/** In-app notifications, each person's reminder settings and calendar feed, plan reminder rules, and the admin's view of delivery. */
@ApiTags('reminders')
@Controller()
export class RemindersController {
  constructor(
    private readonly notifications: NotificationService,
    private readonly settings: NotificationSettingsService,
    private readonly calendar: CalendarFeedService,
    private readonly rules: ReminderSettingsService,
    private readonly admin: ReminderAdminService,
  ) {}

  @ApiOperation({ summary: 'Your in-app notifications, newest first' })
  @ApiOkResponse({ type: NotificationPageResponse })
  @Get('api/v1/me/notifications')
  list(@CurrentActor() actor: Authenticated, @Query() query: NotificationQuery) {
    return this.notifications.list(actor, query);
  }

  @ApiOperation({ summary: 'Mark one notification read' })
  @ApiCreatedResponse({ type: NotificationResponse })
  @Post('api/v1/me/notifications/:id/read')
  markRead(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.notifications.markRead(actor, id);
  }

  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiCreatedResponse({ type: MarkedResponse })
  @Post('api/v1/me/notifications/read-all')
  async markAllRead(@CurrentActor() actor: Authenticated) {
    return { marked: await this.notifications.markAllRead(actor) };
  }

  @ApiOperation({ summary: 'Your reminder settings' })
  @ApiOkResponse({ type: NotificationSettingsResponse })
  @Get('api/v1/me/notification-settings')
  getSettings(@CurrentActor() actor: Authenticated) {
    return this.settings.get(actor);
  }

  @ApiOperation({ summary: 'Change your reminder settings' })
  @ApiOkResponse({ type: NotificationSettingsResponse })
  @Patch('api/v1/me/notification-settings')
  updateSettings(@CurrentActor() actor: Authenticated, @Body() body: NotificationSettingsDto) {
    return this.settings.update(actor, body);
  }

  /** A new private calendar-feed address (any earlier one stops working). */
  @ApiOperation({ summary: 'Make a new private calendar-feed address' })
  @ApiCreatedResponse({ type: CalendarFeedResponse })
  @Post('api/v1/me/calendar-feed')
  createFeed(@CurrentActor() actor: Authenticated) {
    return this.calendar.createToken(actor);
  }

  @ApiOperation({ summary: 'Stop your calendar feed' })
  @ApiNoContentResponse({ description: 'Stopped' })
  @Delete('api/v1/me/calendar-feed')
  @HttpCode(204)
  async revokeFeed(@CurrentActor() actor: Authenticated) {
    await this.calendar.revoke(actor);
  }

  /**
   * The feed itself: calendar programs cannot sign in, so the secret address is the key. Calendar programs
   * show neither HTML nor JSON, so a stopped or unknown address is told in plain text.
   */
  @Public()
  @ApiOperation({ summary: 'The calendar feed of your actions’ due dates (the secret address is the key)' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'An iCalendar file', ...FILE_SCHEMA })
  @Get('calendar/:token.ics')
  async feed(@Param('token') token: string, @Res() res: FastifyReply) {
    try {
      const body = await this.calendar.feed(token);
      res.headers({ 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, max-age=300' }).send(body);
    } catch (error) {
      if (!(error instanceof AppError && error.kind === 'not_found')) throw error;
      res
        .status(404)
        .headers({ 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
        .send('There is no calendar at this address: the link was stopped or replaced. Make a new link on your notification settings page.\n');
    }
  }

  @ApiOperation({ summary: 'A plan’s reminder rules' })
  @ApiOkResponse({ type: ReminderRulesResponse })
  @Get('api/v1/plans/:id/reminder-rules')
  getRules(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.rules.get(actor, id);
  }

  @Roles(...rolesFor('plan.reminderRules'))
  @ApiOperation({ summary: 'Change a plan’s reminder rules: its pending reminders are rescheduled' })
  @ApiOkResponse({ type: ReminderRulesResponse })
  @Put('api/v1/plans/:id/reminder-rules')
  updateRules(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReminderRulesDto) {
    return this.rules.update(actor, id, body);
  }

  @Roles(...rolesFor('reminders.delivery'))
  @ApiOperation({ summary: 'The emails sent, newest first' })
  @ApiOkResponse({ type: OutboxPageResponse })
  @Get('api/v1/admin/outbox')
  outbox(@CurrentActor() actor: Authenticated, @Query() query: ReminderQuery) {
    return this.admin.outbox(actor, query);
  }

  /** The delivery dashboard: counts by state and kind, the oldest waiting, retries, stuck claims, recent failures. */
  @Roles(...rolesFor('reminders.delivery'))
  @ApiOperation({ summary: 'The reminder delivery dashboard' })
  @ApiOkResponse({ type: QueueSummaryResponse })
  @Get('api/v1/admin/queue')
  queue(@CurrentActor() actor: Authenticated) {
    return this.admin.queueSummary(actor);
  }

  @Roles(...rolesFor('reminders.delivery'))
  @ApiOperation({ summary: 'The reminders, by state or action, latest due first' })
  @ApiOkResponse({ type: ReminderPageResponse })
  @Get('api/v1/admin/reminders')
  reminders(@CurrentActor() actor: Authenticated, @Query() query: ReminderQuery) {
    return this.admin.reminders(actor, query);
  }

  @Roles(...rolesFor('reminders.delivery'))
  @ApiOperation({ summary: 'Try a failed reminder again' })
  @ApiCreatedResponse({ type: ReminderResponse })
  @Post('api/v1/admin/reminders/:id/retry')
  retry(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.admin.retry(actor, id);
  }
}
