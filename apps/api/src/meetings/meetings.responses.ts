import { ApiProperty } from '@nestjs/swagger';
import { ACTION_STATUSES, AGENDA_REASONS, ATTENDANCE, DECISION_KINDS, MEETING_STATUSES, RAGS } from '@app/domain';
import { Day, Id, Instant, NullableId, NullableText } from '../common/response-fields';

// The 2xx bodies of the meetings routes, field by field as MeetingService, MeetingAgendaService,
// MeetingDecisionService, MeetingCancellationService and MeetingPlanClosureService return them.

/** A meeting's own fields: what the board's list shows, and what the whole meeting starts with. */
export class MeetingSummaryResponse {
  @Id() id: string;
  @Id() boardId: string;
  @Id() planId: string;
  @Day() date: string;
  @ApiProperty({ example: '10:00', description: 'Local time (Europe/London), HH:MM' }) startTime: string;
  @ApiProperty({ type: 'integer', example: 120 }) durationMinutes: number;
  @ApiProperty() place: string;
  @ApiProperty({ enum: MEETING_STATUSES }) status: string;
  @ApiProperty({ type: 'integer', description: 'Rises when the meeting moves or is cancelled (calendar invitations update)' }) sequence: number;
  @Instant(true, 'When the chair approved the minutes') minutesApprovedAt: string | null;
  @NullableId('Who approved the minutes') minutesApprovedById: string | null;
  @NullableText('Why it was cancelled (status cancelled)') cancelReason: string | null;
  @Instant() createdAt: string;
  @Instant() updatedAt: string;
}

/** An agenda item: what adding or changing one answers. */
export class AgendaItemResponse {
  @Id() id: string;
  @Id() meetingId: string;
  @NullableId('The action it is about (null: an item that is not an action)') actionId: string | null;
  @ApiProperty({ description: "The item's title as stored (an action's may be cut short; the meeting's agenda gives its whole text)" }) title: string;
  @NullableText() section: string | null;
  @NullableId() presenterId: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) minutesAllotted: number | null;
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty({ enum: AGENDA_REASONS, isArray: true }) reasons: string[];
  @ApiProperty({ description: 'The chair edited or added it: re-drafting keeps it' }) chairEdited: boolean;
  @NullableId('The earlier meeting’s item it carries on (not reached there, or that meeting was cancelled)') carriedFromId: string | null;
  @Instant() createdAt: string;
}

class ToldResponse {
  @Id() personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'escalation_manager', description: 'before_due, due_today, overdue, escalation_manager or escalation_chair' }) kind: string;
  @Instant(false, 'When it was sent') at: string;
}

const TOLD = ApiProperty({
  type: [ToldResponse],
  nullable: true,
  description:
    'For an action overdue at the meeting (on its date, or today for one still to come): who was sent reminders or escalations about it, and when; for a meeting already held, what had been sent by the end of its day (null for other items)',
});

/** An item of a freshly drafted agenda. */
export class DraftedAgendaItemResponse extends AgendaItemResponse {
  @TOLD told: ToldResponse[] | null;
}

export class AgendaResponse {
  @ApiProperty({ type: [DraftedAgendaItemResponse] }) items: DraftedAgendaItemResponse[];
}

class MeetingEvidenceResponse {
  @Id() id: string;
  @ApiProperty({ enum: ['file', 'link', 'note'] }) kind: string;
  @ApiProperty() title: string;
}

class LatestNoteResponse {
  @ApiProperty() body: string;
  @Instant() at: string;
}

/** An action as the board sees it at the meeting: where it stands today. */
class MeetingActionResponse {
  @Id() id: string;
  @ApiProperty({ example: '1.3' }) ref: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ACTION_STATUSES }) status: string;
  @NullableText('Why it is blocked, cancelled or verified') statusReason: string | null;
  @Day(true) dueDate: string | null;
  @ApiProperty({ enum: RAGS, description: 'The effective rating: an override when there is one, else derived' }) rag: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: 'integer', description: '0 unless overdue' }) daysOverdue: number;
  @NullableId() ownerId: string | null;
  @NullableText() ownerName: string | null;
  @NullableText('The accountable manager') managerName: string | null;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: [MeetingEvidenceResponse], description: 'Newest first' }) evidence: MeetingEvidenceResponse[];
  @ApiProperty({ type: LatestNoteResponse, nullable: true, description: 'Its latest progress note' }) latestNote: LatestNoteResponse | null;
}

/** An agenda item within the meeting: with its presenter's name and the action as it stands. */
export class MeetingAgendaItemResponse extends AgendaItemResponse {
  @ApiProperty({
    type: [String],
    example: ['Overdue (12 days)', 'Due before the meeting'],
    description: 'The reasons in words, in their order: before the meeting\'s day, an action due in between is "Due before the meeting", not overdue',
  })
  reasonLabels: string[];
  @NullableText() presenterName: string | null;
  @ApiProperty({ type: MeetingActionResponse, nullable: true, description: 'Null for an item that is not an action' }) action: MeetingActionResponse | null;
  @TOLD told: ToldResponse[] | null;
}

class MeetingAgendaResponse {
  @ApiProperty({ type: [MeetingAgendaItemResponse] }) items: MeetingAgendaItemResponse[];
}

/** A decision as recorded: what recording one answers. */
export class DecisionResponse {
  @Id() id: string;
  @Id() meetingId: string;
  @Id() actionId: string;
  @NullableId('The agenda item it was taken at (null: the action was not on the agenda)') agendaItemId: string | null;
  @ApiProperty({ enum: DECISION_KINDS }) kind: string;
  @ApiProperty() comment: string;
  @Day(true, 'The new due date (extend)') dueDate: string | null;
  @NullableId('The new owner (reassign)') ownerId: string | null;
  @NullableId('The new accountable manager (reassign)') managerId: string | null;
  @NullableId('Who it is escalated to (escalate)') escalateToId: string | null;
  @Id() decidedById: string;
  @Instant() createdAt: string;
}

class MeetingDecisionResponse extends DecisionResponse {
  @ApiProperty({ type: MeetingActionResponse, nullable: true }) action: MeetingActionResponse | null;
  @NullableText() decidedByName: string | null;
}

class AttendeeResponse {
  @Id() id: string;
  @NullableId('A person of the council (null: a named guest)') userId: string | null;
  @NullableText() guestName: string | null;
  @ApiProperty({ description: 'The guest’s name, or the person’s' }) name: string;
  @ApiProperty({ enum: ATTENDANCE }) attendance: string;
}

class CarriedActionResponse {
  @Id() actionId: string;
  @ApiProperty() ref: string;
  @ApiProperty() title: string;
  @Id('The copy in the successor plan') successorActionId: string;
  @ApiProperty() successorRef: string;
}

class MeetingPlanResponse {
  @Id() id: string;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
}

class MeetingBoardResponse {
  @Id() id: string;
  @ApiProperty() name: string;
  @NullableId() chairId: string | null;
}

class PlanDecisionResponse {
  @Id() id: string;
  @ApiProperty({ enum: ['close_plan'] }) kind: string;
  @Id() meetingId: string;
  @Id() planId: string;
  @NullableId() successorPlanId: string | null;
  @ApiProperty({ type: MeetingPlanResponse }) plan: MeetingPlanResponse;
  @ApiProperty({ type: MeetingPlanResponse, nullable: true }) successorPlan: MeetingPlanResponse | null;
  @ApiProperty() comment: string;
  @ApiProperty({ type: 'integer' }) actionsCarried: number;
  @ApiProperty({ type: [CarriedActionResponse], description: 'Which successor plan action holds each open action' }) carried: CarriedActionResponse[];
  @Id() decidedById: string;
  @NullableText() decidedByName: string | null;
  @Instant() createdAt: string;
}

class MinutesResponse {
  @NullableText('The chair’s narrative') narrative: string | null;
  @ApiProperty({ description: 'The minutes as a readable document (as approved, once approved)' }) draft: string;
  @Instant(true) approvedAt: string | null;
  @NullableId() approvedById: string | null;
  @NullableText() approvedByName: string | null;
  @ApiProperty() locked: boolean;
}

class NextMeetingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date', example: '2027-01-12' }) date: string;
  @ApiProperty({ enum: MEETING_STATUSES }) status: string;
}

class SeriesProposalResponse {
  @ApiProperty({ format: 'date', example: '2027-01-12' }) date: string;
  @ApiProperty({ format: 'uuid', description: "The plan it would be about: this meeting's, or its successor when the board closed it here" }) planId: string;
  @ApiProperty({ example: '10:00' }) startTime: string;
  @ApiProperty({ example: 'Committee Room 1' }) place: string;
}

class SeriesResponse {
  @ApiProperty({ example: 'monthly, on the second Tuesday' }) rule: string;
  @ApiProperty({ type: String, format: 'date', isArray: true, example: ['2027-01-12'] }) nextDates: string[];
  @ApiProperty({ type: NextMeetingResponse, nullable: true, description: "The board's next meeting after this one (not cancelled), when one is planned" })
  nextMeeting: NextMeetingResponse | null;
  @ApiProperty({ type: SeriesProposalResponse, nullable: true, description: 'When no next meeting is planned: the one the series proposes (not created)' })
  proposal: SeriesProposalResponse | null;
}

/** The meeting whole. */
export class MeetingResponse extends MeetingSummaryResponse {
  @ApiProperty({ description: 'Changes can still be recorded: not cancelled, minutes not approved' }) open: boolean;
  @ApiProperty({ description: 'Its date has come: only from then can it be marked held and its minutes approved' }) dayHasCome: boolean;
  @ApiProperty({ type: MeetingBoardResponse, nullable: true }) board: MeetingBoardResponse | null;
  @ApiProperty({ type: MeetingPlanResponse }) plan: MeetingPlanResponse;
  @ApiProperty({ type: SeriesResponse, description: 'The monthly series this date sets, and its next dates' }) series: SeriesResponse;
  @ApiProperty({ type: [AttendeeResponse] }) attendance: AttendeeResponse[];
  @ApiProperty({ type: MeetingAgendaResponse }) agenda: MeetingAgendaResponse;
  @ApiProperty({ type: [MeetingDecisionResponse] }) decisions: MeetingDecisionResponse[];
  @ApiProperty({ type: [PlanDecisionResponse], description: "The board's decisions here about the plan itself (closing it)" })
  planDecisions: PlanDecisionResponse[];
  @ApiProperty({ type: MinutesResponse }) minutes: MinutesResponse;
}

export class CancelledMeetingResponse extends MeetingResponse {
  @NullableId('The planned meeting its agenda was carried to, if there is one yet') agendaCarriedTo: string | null;
}
