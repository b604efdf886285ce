import { ApiProperty } from '@nestjs/swagger';
import { MEASURE_UNITS, POLARITIES, PROGRESS_JUDGEMENTS } from '@app/domain';
import { Counts, Day, Id, Instant, NullableId, NullableNumber, NullableText } from '../common/response-fields';

// The 2xx bodies of the reviews routes, as ReviewService returns them (a signed review: its pack as it was signed).

export class ReviewListItemResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @Id() planId: string;
  @ApiProperty({ example: '2026/27 Q3' }) quarter: string;
  @ApiProperty({ enum: ['draft', 'signed'] }) status: string;
  @NullableText('The review as it was signed (pack, judgements, follow-ups) as JSON text; null while a draft') frozen: string | null;
  @Id() createdById: string;
  @Instant() createdAt: string;
  @NullableId() signedById: string | null;
  @Instant(true) signedAt: string | null;
}

const MEASURE_RAG = { type: String, enum: ['red', 'amber', 'green'], nullable: true } as const;

class PackPlanResponse {
  @Id() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['draft', 'active', 'closed'] }) status: string;
}

class PackActionResponse {
  @Id() actionId: string;
  @ApiProperty() ref: string;
  @ApiProperty() title: string;
  @NullableText('The owner’s name') owner: string | null;
}

class PackDueActionResponse extends PackActionResponse {
  @Day() dueDate: string;
}

class PackOverdueActionResponse extends PackDueActionResponse {
  @ApiProperty({ type: 'integer' }) daysOverdue: number;
}

class PackDueDateChangeResponse extends PackActionResponse {
  @Day(true) from: string | null;
  @Day(true) to: string | null;
  @NullableText() reason: string | null;
  @Instant() changedAt: string;
}

class PackActionsResponse {
  @ApiProperty({ type: 'integer' }) total: number;
  @Counts('Actions by status') byStatus: Record<string, number>;
  @Counts('Actions by effective RAG rating') byRag: Record<string, number>;
  @ApiProperty({ type: [PackActionResponse] }) completedThisQuarter: PackActionResponse[];
  @ApiProperty({ type: [PackActionResponse] }) verifiedThisQuarter: PackActionResponse[];
  @ApiProperty({ type: [PackDueActionResponse] }) newlyOverdue: PackDueActionResponse[];
  @ApiProperty({ type: [PackOverdueActionResponse] }) overdue: PackOverdueActionResponse[];
  @ApiProperty({ type: [PackDueDateChangeResponse] }) dueDateChanges: PackDueDateChangeResponse[];
}

class PackBoardDecisionResponse {
  @Day() date: string;
  @Id() actionId: string;
  @ApiProperty() ref: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'extend' }) kind: string;
  @ApiProperty() comment: string;
}

class PackTrendPointResponse {
  @ApiProperty({ example: '2026/27 Q2' }) quarter: string;
  @NullableNumber() value: number | null;
  @NullableNumber() national: number | null;
  @NullableNumber() comparator: number | null;
  @ApiProperty(MEASURE_RAG) rag: string | null;
}

class PackCorrectionResponse {
  @Id() measureId: string;
  @ApiProperty() name: string;
  @ApiProperty() period: string;
  @NullableNumber('The value before') was: number | null;
  @ApiProperty() now: number;
  @NullableText() reason: string | null;
  @Instant() at: string;
}

class PackMeasureResponse {
  @Id() measureId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: MEASURE_UNITS }) unit: string;
  @ApiProperty({ enum: POLARITIES }) polarity: string;
  @NullableNumber() target: number | null;
  @NullableNumber() bandLow: number | null;
  @NullableNumber() bandHigh: number | null;
  @NullableNumber() tolerance: number | null;
  @NullableText('The owner’s name') owner: string | null;
  @NullableNumber("The quarter's value") value: number | null;
  @NullableNumber() national: number | null;
  @NullableNumber() comparator: number | null;
  @NullableText() commentary: string | null;
  @ApiProperty(MEASURE_RAG) rag: string | null;
  @ApiProperty({ type: String, enum: ['improving', 'worsening', 'unchanged'], nullable: true }) direction: string | null;
  @Day(false, "When the quarter's value was due from its owner") valueDue: string;
  @ApiProperty({ type: [PackTrendPointResponse], description: 'Oldest quarter first, ending with the review’s' }) trend: PackTrendPointResponse[];
  @ApiProperty({ type: [PackCorrectionResponse] }) correctedSinceLastReview: PackCorrectionResponse[];
}

class ReviewPackResponse {
  @ApiProperty({ example: '2026/27 Q3' }) quarter: string;
  @Day() start: string;
  @Day() end: string;
  @Day(false, 'The day the action figures are counted on: the quarter’s end, or today while it runs') asAt: string;
  @ApiProperty({ type: PackPlanResponse }) plan: PackPlanResponse;
  @ApiProperty({ type: PackActionsResponse }) actions: PackActionsResponse;
  @ApiProperty({
    type: [PackBoardDecisionResponse],
    required: false,
    description: "Decisions at the plan's board meetings in the quarter (absent from packs signed before they were kept)",
  })
  boardDecisions?: PackBoardDecisionResponse[];
  @ApiProperty({ type: [PackMeasureResponse] }) measures: PackMeasureResponse[];
  @ApiProperty({ type: [PackCorrectionResponse], description: "Earlier quarters' values corrected after the plan's last signed review" })
  correctedSinceLastReview: PackCorrectionResponse[];
  @ApiProperty({ type: [String], description: "The areas to judge: the inspection's, the plan's themes, then overall" }) areas: string[];
}

class ReviewJudgementResponse {
  @ApiProperty() area: string;
  @ApiProperty({ enum: PROGRESS_JUDGEMENTS }) judgement: string;
  @ApiProperty() comment: string;
  @Id() recordedById: string;
  @Instant() recordedAt: string;
}

class FollowUpResponse {
  @Id() actionId: string;
  @ApiProperty() ref: string;
  @ApiProperty() title: string;
  @NullableId() ownerId: string | null;
  @NullableText() ownerName: string | null;
  @Day(true) dueDate: string | null;
  @ApiProperty() status: string;
}

export class ReviewResponse {
  @Id() id: string;
  @Id() planId: string;
  @ApiProperty({ example: '2026/27 Q3' }) quarter: string;
  @ApiProperty({ enum: ['draft', 'signed'] }) status: string;
  @Instant() createdAt: string;
  @NullableId() signedById: string | null;
  @Instant(true) signedAt: string | null;
  @ApiProperty({ type: ReviewPackResponse }) pack: ReviewPackResponse;
  @ApiProperty({ type: [ReviewJudgementResponse] }) judgements: ReviewJudgementResponse[];
  @ApiProperty({ type: [FollowUpResponse] }) followUps: FollowUpResponse[];
}
