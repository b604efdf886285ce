import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { TIMESCALES, Timescale } from '../../../../libs/domain/src';
import { DateField } from '../common/dto-fields';

export class FindingDto {
  @ApiProperty({ example: 'Areas for improvement: safeguarding' }) @IsString() @Length(1, 300) section: string;
  @ApiProperty({ enum: TIMESCALES }) @IsIn(TIMESCALES, { message: `timescale must be one of: ${TIMESCALES.join(', ')}` }) timescale: Timescale;
  @ApiProperty() @IsString() @Length(1, 10000) text: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @Length(1, 300) ownerOrg?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) lineStart?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) lineEnd?: number | null;
}

export class JudgementDto {
  @ApiProperty({ example: 'Overall effectiveness' }) @IsString() @Length(1, 300) area: string;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(4) grade: number;
  @ApiPropertyOptional({ example: 'Adequate' }) @IsOptional() @IsString() @Length(1, 100) label?: string | null;
  @ApiProperty({ example: 'ofsted_1_outstanding', description: 'The grading scale: grades mean different things under different frameworks' }) @IsString() @Length(1, 60) scale: string;
}

export class CreateDocumentDto {
  @ApiProperty() @IsString() @Length(1, 300) title: string;
  @ApiProperty({ example: 'inspection_report_safeguarding_and_looked_after_children' }) @IsString() @Length(1, 80) kind: string;
  @ApiProperty({ type: [String], example: ['Ofsted', 'CQC'] }) @IsArray() @IsString({ each: true }) inspectorates: string[];
  @DateField(true) inspectionStart?: string;
  @DateField(true) inspectionEnd?: string;
  @DateField(true) publishedOn?: string;
  @ApiPropertyOptional({ type: [JudgementDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => JudgementDto) judgements?: JudgementDto[];
  @ApiPropertyOptional({ type: [FindingDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => FindingDto) findings?: FindingDto[];
}
