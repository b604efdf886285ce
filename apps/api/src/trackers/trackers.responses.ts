import { ApiProperty } from '@nestjs/swagger';
import { NullableId, NullableNumber, NullableText } from '../common/response-fields';

// The 2xx body of the tracker preview, as TrackerImportService reads the file (the import's is TrackerImportResultDto).

class TrackerColumnResponse {
  @ApiProperty({ example: 'C', description: 'The column’s letter' }) column: string;
  @ApiProperty({ description: 'Its header as written' }) header: string;
}

/** Which column each field was read from; a field not found is left out. */
class TrackerColumnsResponse {
  @ApiProperty({ type: TrackerColumnResponse, required: false }) ref?: TrackerColumnResponse;
  @ApiProperty({ type: TrackerColumnResponse, required: false }) recommendation?: TrackerColumnResponse;
  @ApiProperty({ type: TrackerColumnResponse, required: false }) action?: TrackerColumnResponse;
  @ApiProperty({ type: TrackerColumnResponse, required: false }) owner?: TrackerColumnResponse;
  @ApiProperty({ type: TrackerColumnResponse, required: false }) dueDate?: TrackerColumnResponse;
  @ApiProperty({ type: TrackerColumnResponse, required: false }) timescale?: TrackerColumnResponse;
  @ApiProperty({ type: TrackerColumnResponse, required: false }) rag?: TrackerColumnResponse;
  @ApiProperty({ type: TrackerColumnResponse, required: false }) update?: TrackerColumnResponse;
  @ApiProperty({ type: TrackerColumnResponse, required: false }) status?: TrackerColumnResponse;
}

class TrackerRowResponse {
  @ApiProperty({ type: 'integer', description: 'Its line in the file' }) line: number;
  @NullableText('The ref in the tracker') ref: string | null;
  @NullableText() section: string | null;
  @ApiProperty({ description: 'What is tracked: the action, or the recommendation when there is no action column' }) text: string;
  @NullableText('The owner as written') owner: string | null;
  @NullableId('The person of your council the owner was matched to') ownerId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) dueDate: string | null;
  @NullableText() timescale: string | null;
  @NullableText() status: string | null;
  @NullableText() rag: string | null;
  @NullableText('The latest progress update') update: string | null;
  @NullableText("The ref its action is given: the tracker's own, or the plan's next A number when that one cannot be kept") actionRef: string | null;
}

export class TrackerProblemResponse {
  @NullableNumber('The line it is about (null: the whole file)') line: number | null;
  @ApiProperty() message: string;
}

export class ImportedPlanResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['draft', 'active', 'closed'] }) status: string;
}

export class TrackerPreviewResponse {
  @ApiProperty({ type: TrackerColumnsResponse }) columns: TrackerColumnsResponse;
  @ApiProperty({ type: [TrackerRowResponse] }) rows: TrackerRowResponse[];
  @ApiProperty({ type: [TrackerProblemResponse] }) problems: TrackerProblemResponse[];
  @NullableText('The worksheet read (null for a CSV)') sheet: string | null;
  @NullableText('A title found above the header') title: string | null;
  @ApiProperty({ type: 'integer', description: 'The line of the header row' }) headerLine: number;
  @ApiProperty({ type: [String], description: 'Each column’s header as written' }) headers: string[];
}
