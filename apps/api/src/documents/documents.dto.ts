import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Transform } from 'class-transformer';
import { TIMESCALES, Timescale } from '@app/domain';
import { DateField, Omittable } from '../common/dto-fields';

export class FindingDto {
  @ApiProperty({ example: 'Areas for improvement: safeguarding' }) @IsString() @Length(1, 300) section: string;
  @ApiProperty({ enum: TIMESCALES }) @IsIn(TIMESCALES, { message: `timescale must be one of: ${TIMESCALES.join(', ')}` }) timescale: Timescale;
  @ApiProperty() @IsString() @Length(1, 10000) text: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @Length(1, 300) ownerOrg?: string | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) @IsOptional() @IsInt() @Min(1) lineStart?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) @IsOptional() @IsInt() @Min(1) lineEnd?: number | null;
}

/** One judgement the inspectorate gave (a grade on its scale), as the document records it. */
export class InspectionJudgementDto {
  @ApiProperty({ example: 'Overall effectiveness' }) @IsString() @Length(1, 300) area: string;
  @ApiProperty({ type: 'integer', example: 3 }) @IsInt() @Min(1) @Max(4) grade: number;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Adequate' }) @IsOptional() @IsString() @Length(1, 100) label?: string | null;
  @ApiProperty({ example: 'ofsted_1_outstanding', description: 'The grading scale: grades mean different things under different frameworks' })
  @IsString()
  @Length(1, 60)
  scale: string;
}

export class CreateDocumentDto {
  @ApiProperty() @IsString() @Length(1, 300) title: string;
  @ApiProperty({ example: 'inspection_report_safeguarding_and_looked_after_children' }) @IsString() @Length(1, 80) kind: string;
  @ApiProperty({ type: [String], example: ['Ofsted', 'CQC'] }) @IsArray() @IsString({ each: true }) inspectorates: string[];
  @DateField(true) inspectionStart?: string;
  @DateField(true) inspectionEnd?: string;
  @DateField(true) publishedOn?: string;
  @ApiPropertyOptional({ type: [InspectionJudgementDto] })
  @Omittable()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => InspectionJudgementDto)
  judgements?: InspectionJudgementDto[];
  @ApiPropertyOptional({ type: [FindingDto] }) @Omittable() @IsArray() @ValidateNested({ each: true }) @Type(() => FindingDto) findings?: FindingDto[];
}

export class UpdateFindingDto {
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 300) section?: string;
  @ApiPropertyOptional({ enum: TIMESCALES })
  @Omittable()
  @IsIn(TIMESCALES, { message: `timescale must be one of: ${TIMESCALES.join(', ')}` })
  timescale?: Timescale;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 10000) text?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @Length(1, 300) ownerOrg?: string | null;
}

export class MergeFindingsDto {
  @ApiProperty({ type: [String], description: 'Two or more findings of this document, merged into the first' })
  @IsArray()
  @ArrayMinSize(2)
  @IsUUID('all', { each: true })
  findingIds: string[];
}

export class SplitFindingDto {
  @ApiProperty({ type: [String], description: 'The texts of the findings this one becomes' })
  @IsArray()
  @ArrayMinSize(2)
  @IsString({ each: true })
  @Length(1, 10000, { each: true })
  parts: string[];
}

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ImportReportDto {
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 300) title?: string;
  @ApiPropertyOptional({ description: 'Only read the report and return what was found; store nothing' })
  @Omittable()
  @Transform(bool)
  @IsBoolean()
  dryRun?: boolean;
}
