import { CalendarFeedToken } from './calendar-feed-token.entity';
import { Notification } from './notification.entity';
import { NotificationSettings } from './notification-settings.entity';
import { OutboxEmail } from './outbox-email.entity';
import { Reminder } from './reminder.entity';
import { ReminderPlanSettings } from './reminder-plan-settings.entity';

export * from './reminder.entity';
export { CalendarFeedToken, Notification, NotificationSettings, OutboxEmail, ReminderPlanSettings };

export const REMINDER_ENTITIES = [CalendarFeedToken, Notification, NotificationSettings, OutboxEmail, Reminder, ReminderPlanSettings];
