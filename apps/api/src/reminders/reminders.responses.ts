import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REMINDER_STATES } from '@app/reminders';
import { Counts, Day, Id, Instant, NullableId, NullableNumber, NullableText } from '../common/response-fields';

// The 2xx bodies of the reminders routes, as the services of libs/reminders return them.

export class NotificationResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @Id() userId: string;
  @NullableId() reminderId: string | null;
  @NullableId() actionId: string | null;
  @ApiProperty({ example: 'overdue' }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ example: '/actions/5b0c…' }) link: string;
  @Instant() createdAt: string;
  @Instant(true, 'Null while unread') readAt: string | null;
}

export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationResponse] }) items: NotificationResponse[];
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
  @ApiProperty({ type: 'integer' }) total: number;
}

export class MarkedResponse {
  @ApiProperty({ type: 'integer', description: 'Notifications marked read' }) marked: number;
}

class EmailChoicesResponse {
  @ApiProperty() before_due: boolean;
  @ApiProperty() due_today: boolean;
  @ApiProperty() overdue: boolean;
  @ApiProperty() escalation: boolean;
  @ApiProperty() digest: boolean;
}

export class NotificationSettingsResponse {
  @ApiProperty({ type: EmailChoicesResponse, description: 'Which reminders come by email (they always appear in the app)' }) email: EmailChoicesResponse;
  @ApiProperty({ description: 'Email only the weekly digest' }) digestOnly: boolean;
  @ApiProperty({ description: 'While on leave, reminders go to the delegate' }) onLeave: boolean;
  @Day(true) leaveUntil: string | null;
  @NullableId() delegateId: string | null;
}

export class CalendarFeedResponse {
  @ApiProperty({ description: 'The secret in the address' }) token: string;
  @ApiProperty({ description: 'The address to give your calendar program' }) url: string;
}

export class ReminderRulesResponse {
  @ApiProperty({ example: '08:00', description: 'Europe/London time the reminders go out' }) sendTime: string;
  @ApiProperty({ type: [Number], example: [14, 7, 1], description: 'Days before the due date the owner is reminded' }) beforeDays: number[];
  @ApiProperty() onDueDate: boolean;
  @NullableNumber('Days after the due date the owner is told it is overdue (null: never)') overdueOwnerDays: number | null;
  @NullableNumber('Days overdue before the manager is told (null: never)') managerAfterDays: number | null;
  @NullableNumber('Days overdue before the board chair is told (null: never)') chairAfterDays: number | null;
  @NullableNumber('While overdue, the owner is reminded again every this many days (null: never)') overdueRepeatDays: number | null;
  @ApiProperty({ description: "Whether the plan's actions appear in the Monday digests" }) weeklyDigest: boolean;
}

export class OutboxEmailResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @NullableId() reminderId: string | null;
  @Id() userId: string;
  @ApiProperty() toAddress: string;
  @ApiProperty() subject: string;
  @ApiProperty() textBody: string;
  @ApiProperty() htmlBody: string;
  @ApiProperty() messageId: string;
  @ApiProperty({ enum: ['outbox', 'smtp'] }) transport: string;
  @Instant() createdAt: string;
}

export class OutboxPageResponse {
  @ApiProperty({ type: [OutboxEmailResponse] }) items: OutboxEmailResponse[];
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
  @ApiProperty({ type: 'integer' }) total: number;
}

export class ReminderResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @NullableId('Null for digests') actionId: string | null;
  @NullableId() planId: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: "For a reminder to enter a measure's value" }) measureId?: string | null;
  @ApiProperty({ example: 'before_due' }) kind: string;
  @NullableNumber('Days from the due date (negative before it); null for digests') offsetDays: number | null;
  @Day(false, 'The due date it was computed for (digests: the week’s Monday)') forDate: string;
  @Id('Who the rules address') recipientId: string;
  @NullableId('Who received it, after leavers and leave') deliveredToId: string | null;
  @Instant() dueAt: string;
  @Instant(false, 'When it is tried next') runAt: string;
  @ApiProperty({ enum: REMINDER_STATES }) state: string;
  @ApiProperty() dedupeKey: string;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @NullableText() lastError: string | null;
  @NullableText('The channels used, or why nothing was sent') outcome: string | null;
  @Instant(true) queuedAt: string | null;
  @Instant(true) claimedAt: string | null;
  @NullableId() claimToken: string | null;
  @Instant(true) sentAt: string | null;
  @Instant() createdAt: string;
  @Instant() updatedAt: string;
}

export class ReminderPageResponse {
  @ApiProperty({ type: [ReminderResponse] }) items: ReminderResponse[];
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
  @ApiProperty({ type: 'integer' }) total: number;
}

class OldestDueResponse {
  @Id() id: string;
  @ApiProperty() kind: string;
  @NullableId() actionId: string | null;
  @Instant() runAt: string;
  @Instant() dueAt: string;
  @ApiProperty({ type: 'integer' }) waitingMs: number;
}

class FailedReminderResponse {
  @Id() id: string;
  @ApiProperty() kind: string;
  @NullableId() actionId: string | null;
  @Id() recipientId: string;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @NullableText() lastError: string | null;
  @Instant() dueAt: string;
  @Instant() updatedAt: string;
}

class FailuresResponse {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: [FailedReminderResponse], description: 'The latest' }) items: FailedReminderResponse[];
}

export class QueueSummaryResponse {
  @Instant() generatedAt: string;
  @Counts('Reminders by state, every state named') byState: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
    description: 'Counts by kind, then state (only states with rows)',
  })
  byKind: Record<string, Record<string, number>>;
  @ApiProperty({ type: OldestDueResponse, nullable: true, description: 'The deliverable reminder that has waited longest past its moment' })
  oldestDue: OldestDueResponse | null;
  @ApiProperty({ type: 'integer', description: 'To be tried again after a passing failure' }) retrying: number;
  @ApiProperty({ type: 'integer', description: 'Held by a worker longer than the lease' }) stuckSending: number;
  @ApiProperty({ type: FailuresResponse }) failures: FailuresResponse;
}
