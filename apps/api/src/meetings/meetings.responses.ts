import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENDA_REASONS, ATTENDANCE, DECISION_KINDS, MEETING_STATUSES } from '@app/domain';

// The 2xx bodies as OpenAPI shows them (the services return these shapes).

export class MeetingSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) boardId: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ example: '2026-12-08' }) date: string;
  @ApiProperty({ example: '10:00' }) startTime: string;
  @ApiProperty({ example: 120 }) durationMinutes: number;
  @ApiProperty() place: string;
  @ApiProperty({ enum: MEETING_STATUSES }) status: string;
  @ApiProperty({ description: 'Rises when the meeting moves (calendar invitations update)' }) sequence: number;
  @ApiPropertyOptional({ nullable: true }) minutesApprovedAt: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Why it was cancelled (status cancelled)' }) cancelReason: string | null;
}

export class AgendaItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) actionId: string | null;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true }) section: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) presenterId: string | null;
  @ApiPropertyOptional({ nullable: true }) minutesAllotted: number | null;
  @ApiProperty() position: number;
  @ApiProperty({ enum: AGENDA_REASONS, isArray: true }) reasons: string[];
  @ApiProperty({ description: 'The chair edited or added it: re-drafting keeps it' }) chairEdited: boolean;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Not reached at this earlier item' }) carriedFromId: string | null;
}

class ToldResponse {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'escalation_manager', description: 'before_due, due_today, overdue, escalation_manager or escalation_chair' }) kind: string;
  @ApiProperty({ description: 'When it was sent' }) at: string;
}

export class AgendaItemInMeetingResponse extends AgendaItemResponse {
  @ApiPropertyOptional({
    type: [ToldResponse],
    nullable: true,
    description: 'For an overdue action: who was sent reminders or escalations about it, and when (null for other items)',
  })
  told: ToldResponse[] | null;
}

export class AgendaResponse {
  @ApiProperty({ type: [AgendaItemInMeetingResponse] }) items: AgendaItemInMeetingResponse[];
}

export class DecisionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ format: 'uuid' }) actionId: string;
  @ApiProperty({ enum: DECISION_KINDS }) kind: string;
  @ApiProperty() comment: string;
  @ApiPropertyOptional({ nullable: true }) dueDate: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) ownerId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) managerId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) escalateToId: string | null;
  @ApiProperty({ format: 'uuid' }) decidedById: string;
  @ApiProperty() createdAt: string;
}

class AttendeeResponse {
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) userId: string | null;
  @ApiPropertyOptional({ nullable: true }) guestName: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ATTENDANCE }) attendance: string;
}

class CarriedActionResponse {
  @ApiProperty({ format: 'uuid' }) actionId: string;
  @ApiProperty() ref: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid', description: 'The copy in the successor plan' }) successorActionId: string;
  @ApiProperty() successorRef: string;
}

class PlanSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
}

class PlanDecisionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['close_plan'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) successorPlanId: string | null;
  @ApiProperty({ type: PlanSummary }) plan: PlanSummary;
  @ApiPropertyOptional({ type: PlanSummary, nullable: true }) successorPlan: PlanSummary | null;
  @ApiProperty() comment: string;
  @ApiProperty() actionsCarried: number;
  @ApiProperty({ type: [CarriedActionResponse], description: 'Which successor plan action holds each open action' }) carried: CarriedActionResponse[];
  @ApiProperty({ format: 'uuid' }) decidedById: string;
  @ApiPropertyOptional({ nullable: true }) decidedByName: string | null;
  @ApiProperty() createdAt: string;
}

class MinutesResponse {
  @ApiPropertyOptional({ nullable: true }) narrative: string | null;
  @ApiProperty({ description: 'The minutes as a readable document (as approved, once approved)' }) draft: string;
  @ApiPropertyOptional({ nullable: true }) approvedAt: string | null;
  @ApiProperty() locked: boolean;
}

export class MeetingResponse extends MeetingSummaryResponse {
  @ApiProperty({ type: [AttendeeResponse] }) attendance: AttendeeResponse[];
  @ApiProperty({ type: AgendaResponse }) agenda: AgendaResponse;
  @ApiProperty({ type: [DecisionResponse] }) decisions: DecisionResponse[];
  @ApiProperty({ type: [PlanDecisionResponse], description: "The board's decisions here about the plan itself (closing it)" })
  planDecisions: PlanDecisionResponse[];
  @ApiProperty({ type: MinutesResponse }) minutes: MinutesResponse;
  @ApiProperty({ description: 'Changes can still be recorded: not cancelled, minutes not approved' }) open: boolean;
  @ApiProperty({
    description: 'The monthly series this date sets, and its next dates',
    example: { rule: 'monthly, on the second Tuesday', nextDates: ['2027-01-12'] },
  })
  series: { rule: string; nextDates: string[] };
}

export class CancelledMeetingResponse extends MeetingResponse {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The planned meeting its agenda was carried to, if there is one yet' })
  agendaCarriedTo: string | null;
}
