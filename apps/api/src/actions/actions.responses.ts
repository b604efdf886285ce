import { ApiProperty } from '@nestjs/swagger';
import { ACTION_STATUSES, RAGS, TIMESCALES } from '@app/domain';
import { Day, Id, Instant, NullableId, NullableNumber, NullableText } from '../common/response-fields';
import { FindingResponse } from '../documents/documents.responses';
import { MeasureResponse } from '../measures/measures.responses';

// The 2xx bodies of the actions routes, as ActionService and EvidenceService return them.

class RagResponse {
  @ApiProperty({ enum: RAGS, description: 'From the status, the due date and the plan’s warning window' }) derived: string;
  @ApiProperty({ enum: RAGS, nullable: true, description: 'Set by a person, with a reason' }) override: string | null;
  @NullableText() overrideReason: string | null;
  @ApiProperty({ enum: RAGS, description: 'The override when there is one, else the derived rating' }) effective: string;
}

/** An action with its RAG ratings and whether it is overdue, today. */
export class ActionResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @Id() planId: string;
  @ApiProperty({ example: '1.3' }) ref: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: TIMESCALES }) timescale: string;
  @NullableId() ownerId: string | null;
  @NullableId() managerId: string | null;
  @NullableId() organisationId: string | null;
  @Day(true) dueDate: string | null;
  @ApiProperty({ enum: ACTION_STATUSES }) status: string;
  @NullableText('Why it is blocked, cancelled or verified') statusReason: string | null;
  @ApiProperty() atRisk: boolean;
  @ApiProperty({ enum: RAGS, nullable: true }) ragOverride: string | null;
  @NullableText() ragOverrideReason: string | null;
  @NullableId('The action of an earlier plan it continues') carriedFromId: string | null;
  @ApiProperty({ type: 'integer', description: 'Send it back with a change: a stale one is refused (409)' }) version: number;
  @Instant() createdAt: string;
  @Instant() updatedAt: string;
  @ApiProperty({ description: 'Open and past its due date' }) overdue: boolean;
  @ApiProperty({ type: RagResponse }) rag: RagResponse;
}

export class ActionPageResponse {
  @ApiProperty({ type: [ActionResponse] }) items: ActionResponse[];
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
  @ApiProperty({ type: 'integer', description: 'All the actions the filter matches' }) total: number;
}

export class MilestoneResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @Id() actionId: string;
  @ApiProperty() title: string;
  @Day(true) dueDate: string | null;
  @Instant(true, 'When it was reached (null: not yet)') doneAt: string | null;
  @Instant() createdAt: string;
}

export class ProgressNoteResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @Id() actionId: string;
  @Id() authorId: string;
  @ApiProperty() body: string;
  @Instant() createdAt: string;
}

export class EvidenceResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @Id() actionId: string;
  @ApiProperty({ enum: ['file', 'link', 'note'] }) kind: string;
  @ApiProperty() title: string;
  @NullableText('A link’s address') url: string | null;
  @NullableText('A note’s text') note: string | null;
  @NullableText('A file’s name') fileName: string | null;
  @NullableText('A file’s type, read from its content') mimeType: string | null;
  @NullableNumber() sizeBytes: number | null;
  @NullableText('SHA-256 of a file') sha256: string | null;
  @Id() addedById: string;
  @Instant() createdAt: string;
}

class DueDateChangeResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @Id() actionId: string;
  @Day(true) fromDate: string | null;
  @Day(true) toDate: string | null;
  @NullableText('The board’s reason (needed once the plan is active)') reason: string | null;
  @Id() changedById: string;
  @Instant() createdAt: string;
}

class ActionPlanResponse {
  @Id() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['draft', 'active', 'closed'] }) status: string;
}

/** One action with everything about it. */
export class ActionDetailsResponse extends ActionResponse {
  @ApiProperty({ type: ActionPlanResponse }) plan: ActionPlanResponse;
  @ApiProperty({ type: [FindingResponse], description: 'The findings it answers' }) findings: FindingResponse[];
  @ApiProperty({ type: [MilestoneResponse] }) milestones: MilestoneResponse[];
  @ApiProperty({ type: [ProgressNoteResponse] }) notes: ProgressNoteResponse[];
  @ApiProperty({ type: [EvidenceResponse] }) evidence: EvidenceResponse[];
  @ApiProperty({ type: [DueDateChangeResponse] }) dueDateHistory: DueDateChangeResponse[];
  @ApiProperty({ type: [MeasureResponse], description: 'The measures it should move' }) measures: MeasureResponse[];
}

const CHANGE = { type: 'object', nullable: true, additionalProperties: true } as const;

export class TimelineEntryResponse {
  @ApiProperty({ type: 'integer' }) seq: number;
  @Instant() at: string;
  @ApiProperty({ example: 'action_status_changed' }) event: string;
  @NullableId('Who did it (null for the system)') actorId: string | null;
  @ApiProperty({ ...CHANGE, description: 'The changed fields before' }) before: Record<string, unknown> | null;
  @ApiProperty({ ...CHANGE, description: 'The changed fields after, or what was added' }) after: Record<string, unknown> | null;
}
