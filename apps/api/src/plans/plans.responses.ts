import { ApiProperty } from '@nestjs/swagger';
import { Counts, Day, Id, Instant, NullableId } from '../common/response-fields';

// The 2xx bodies of the plans routes, as PlanService and ActionService return them.

export class PlanResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @Id() boardId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['draft', 'active', 'closed'] }) status: string;
  @Day() startDate: string;
  @ApiProperty({ type: 'integer', description: 'Days an "immediately" action has' }) immediateWindowDays: number;
  @ApiProperty({ type: 'integer', description: 'Months an action with no timescale has' }) defaultHorizonMonths: number;
  @ApiProperty({ type: 'integer', description: 'Days before its due date an open action turns amber' }) warningWindowDays: number;
  @ApiProperty({ description: 'Due dates on weekends and bank holidays move to the working day before' }) moveOffNonWorkingDays: boolean;
  @NullableId('The plan it continues') predecessorId: string | null;
  @ApiProperty({ type: 'integer', description: 'Send it back with a change: a stale one is refused (409)' }) version: number;
  @Instant() createdAt: string;
  @Instant() updatedAt: string;
}

export class CreatedPlanResponse extends PlanResponse {
  @ApiProperty({ type: 'integer', description: "Actions made from its documents' findings" }) actionsAdded: number;
}

export class ActionsAddedResponse {
  @ApiProperty({ type: 'integer' }) actionsAdded: number;
}

export class CarriedOverResponse {
  @ApiProperty({ type: 'integer' }) actionsCarriedOver: number;
}

export class PlanDashboardResponse {
  @ApiProperty({ type: PlanResponse }) plan: PlanResponse;
  @Day(false, 'The day the counts are for, in London') today: string;
  @Counts('Actions by status (statuses with none are left out)') byStatus: Record<string, number>;
  @Counts('Actions by effective RAG rating (ratings with none are left out)') byRag: Record<string, number>;
}
