import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { ACTION_HOOKS, ActionHook } from '@app/core/actions/action-hooks';
import { ACTION_NOTIFICATIONS_READERS, ActionNotificationsReader } from '@app/core/meetings/action-notifications';
import { CoreModule } from '@app/core/core.module';
import { DatabaseModule } from '@app/database/database.module';
import { ReminderNotificationsReader } from './action-notifications.reader';
import { CalendarFeedService } from './calendar-feed.service';
import { DeliveryRows } from './delivery-rows';
import { DigestPlanner } from './digest-planner.service';
import { Mailer } from './mailer.service';
import { MeasureReminderScheduler } from './measure-reminder-schedule.service';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationService } from './notification.service';
import { ReminderAccountHooks } from './reminder-account-hooks';
import { ReminderAdminService } from './reminder-admin.service';
import { ReminderContent } from './reminder-content.service';
import { ReminderDeliveryService } from './reminder-delivery.service';
import { ReminderActionHook } from './reminder.hook';
import { ReminderScheduler } from './reminder-schedule.service';
import { ReminderSettingsService } from './reminder-settings.service';
import { RemindersService } from './reminders.service';
import { APP_SCHEMA } from './schema';

const SERVICES = [
  CalendarFeedService,
  ReminderNotificationsReader,
  DeliveryRows,
  DigestPlanner,
  Mailer,
  MeasureReminderScheduler,
  NotificationService,
  NotificationSettingsService,
  ReminderAccountHooks,
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
 * settings and the calendar feed, over the app's CoreModule (passed on to whoever imports this).
 * At start it adds its action hook to core's ACTION_HOOKS and its reader of what was sent to
 * ACTION_NOTIFICATIONS_READERS (ReminderAccountHooks plugs in likewise).
 * The queue side (the reconciler) is in RemindersQueueModule.
 */
@Module({})
export class RemindersModule implements OnModuleInit {
  constructor(
    @Inject(ACTION_HOOKS) private readonly actionHooks: ActionHook[],
    private readonly reminderHook: ReminderActionHook,
    @Inject(ACTION_NOTIFICATIONS_READERS) private readonly readers: ActionNotificationsReader[],
    private readonly reader: ReminderNotificationsReader,
  ) {}

  static forRoot(core: DynamicModule): DynamicModule {
    return { module: RemindersModule, imports: [core], providers: SERVICES, exports: [...SERVICES, core] };
  }

  /** The database (APP_SCHEMA), core and reminders in one import, as the apps and tests use them. */
  static forApp(): DynamicModule {
    return RemindersModule.forRoot(CoreModule.forRoot(DatabaseModule.forRoot(APP_SCHEMA)));
  }

  onModuleInit() {
    if (!this.actionHooks.includes(this.reminderHook)) this.actionHooks.push(this.reminderHook);
    if (!this.readers.includes(this.reader)) this.readers.push(this.reader);
  }
}
