import { Global, Module } from '@nestjs/common';
import { ACTION_HOOKS } from '@app/core/actions/action-hooks';
import { CalendarFeedService } from './calendar-feed.service';
import { DigestPlanner } from './digest-planner.service';
import { Mailer } from './mailer.service';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationService } from './notification.service';
import { ReminderAdminService } from './reminder-admin.service';
import { ReminderContent } from './reminder-content.service';
import { ReminderDeliveryService } from './reminder-delivery.service';
import { ReminderActionHook } from './reminder.hook';
import { ReminderScheduler } from './reminder-schedule.service';
import { ReminderSettingsService } from './reminder-settings.service';
import { RemindersService } from './reminders.service';

const SERVICES = [
  CalendarFeedService,
  DigestPlanner,
  Mailer,
  NotificationService,
  NotificationSettingsService,
  ReminderActionHook,
  ReminderAdminService,
  ReminderContent,
  ReminderDeliveryService,
  ReminderScheduler,
  ReminderSettingsService,
  RemindersService,
];

/**
 * Reminders without Redis: scheduling (as the action hook), delivery, digests, notifications,
 * settings and the calendar feed. Global so CoreModule's services receive ACTION_HOOKS from it.
 * The queue side (the reconciler) is in RemindersQueueModule.
 */
@Global()
@Module({
  providers: [...SERVICES, { provide: ACTION_HOOKS, useFactory: (hook: ReminderActionHook) => [hook], inject: [ReminderActionHook] }],
  exports: [...SERVICES, ACTION_HOOKS],
})
export class RemindersModule {}
