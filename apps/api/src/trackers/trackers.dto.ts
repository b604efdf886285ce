import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { ColumnMapping } from '@app/importer/tracker';
import { TRACKER_FIELDS } from '@app/importer/tracker';
import { DateField, IdField, Omittable } from '../common/dto-fields';
import { ImportedPlanResponse, TrackerProblemResponse } from './trackers.responses';

const COLUMN = /^[A-Z]{1,2}$/;
const column = (what: string) =>
  Matches(COLUMN, { message: `mapping.$property must be the letter of the column that holds the ${what} (A, B, ... AA), or left out` });

/** Which column holds each field, by the spreadsheet's letters; a field left out is not read. */
export class TrackerMappingDto {
  @ApiPropertyOptional({ example: 'A' }) @Omittable() @IsString() @column('reference') ref?: string;
  @ApiPropertyOptional({ example: 'B' }) @Omittable() @IsString() @column('recommendation or area for improvement') recommendation?: string;
  @ApiPropertyOptional({ example: 'C' }) @Omittable() @IsString() @column('action to be taken') action?: string;
  @ApiPropertyOptional({ example: 'D' }) @Omittable() @IsString() @column('lead officer') owner?: string;
  @ApiPropertyOptional({ example: 'E' }) @Omittable() @IsString() @column('target date') dueDate?: string;
  @ApiPropertyOptional({ example: 'F' }) @Omittable() @IsString() @column('timescale') timescale?: string;
  @ApiPropertyOptional({ example: 'G' }) @Omittable() @IsString() @column('RAG or BRAG rating') rag?: string;
  @ApiPropertyOptional({ example: 'H' }) @Omittable() @IsString() @column('progress update') update?: string;
  @ApiPropertyOptional({ example: 'I' }) @Omittable() @IsString() @column('status') status?: string;
}

// A multipart form sends the mapping as JSON text; anything else is left for validation to refuse.
const fromJson = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return typeof value === 'object' && value ? plainToInstance(TrackerMappingDto, value) : value;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? plainToInstance(TrackerMappingDto, parsed) : value;
  } catch {
    return value;
  }
};

export class TrackerPreviewDto {
  @ApiPropertyOptional({
    type: TrackerMappingDto,
    description: 'Your own column for each field, replacing the mapping read from the header (in a multipart form: JSON text, e.g. {"action":"C","owner":"D"})',
  })
  @Omittable()
  @Transform(fromJson)
  @ValidateNested({ message: 'mapping must be an object of column letters, such as {"action":"C","owner":"D"}' })
  @Type(() => TrackerMappingDto)
  mapping?: TrackerMappingDto;

  @ApiPropertyOptional({ example: 4, description: 'The line of the header row, when the one found is not it' })
  @Omittable()
  @Type(() => Number)
  @IsInt({ message: 'headerLine must be the number of the line that names the columns' })
  @Min(1, { message: 'headerLine must be the number of the line that names the columns' })
  @Max(1_000_000, { message: 'headerLine must be the number of the line that names the columns' })
  headerLine?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The plan the rows are added to (default: a new draft plan); its refs are checked against the rows' })
  @IdField(true)
  planId?: string;
}

export class TrackerImportDto extends TrackerPreviewDto {
  @IdField(true) boardId?: string;
  @ApiPropertyOptional({ example: 'Children’s services improvement plan 2014-15' }) @IsOptional() @IsString() @Length(1, 300) title?: string;
  @DateField(true) startDate?: string;
}

export class TrackerImportResultDto {
  @ApiProperty({ type: ImportedPlanResponse, description: 'The plan the rows went to (a new draft, or the one named)' }) plan: ImportedPlanResponse;
  @ApiProperty({ type: 'integer', description: 'Actions added' }) actions: number;
  @ApiProperty({ type: 'integer', description: 'Of them, those whose owner matched nobody of the council' }) unassigned: number;
  @ApiProperty({ type: [TrackerProblemResponse] }) problems: TrackerProblemResponse[];
}

/** "A" is 0, "AA" is 26. */
export function columnIndex(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 64), 0) - 1;
}

export function mappingOf(dto: TrackerMappingDto | undefined): ColumnMapping | undefined {
  if (!dto) return undefined;
  const mapping: ColumnMapping = {};
  for (const field of TRACKER_FIELDS) if (dto[field]) mapping[field] = columnIndex(dto[field]!);
  return mapping;
}
