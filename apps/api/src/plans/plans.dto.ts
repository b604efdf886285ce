import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { DateField, IdField, Omittable } from '../common/dto-fields';

export class PlanSettingsDto {
  @ApiPropertyOptional({ default: 28, description: 'Days allowed for "Immediately"' }) @Omittable() @IsInt() @Min(1) @Max(365) immediateWindowDays?: number;
  @ApiPropertyOptional({ default: 12, description: 'Months allowed when the finding gives no timescale' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(60)
  defaultHorizonMonths?: number;
  @ApiPropertyOptional({ default: 14, description: 'Days before the due date an action turns amber' })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(365)
  warningWindowDays?: number;
  @ApiPropertyOptional({ default: false, description: 'Move due dates off weekends and bank holidays to the working day before' })
  @Omittable()
  @IsBoolean()
  moveOffNonWorkingDays?: boolean;
}

export class CreatePlanDto {
  @ApiProperty() @IsString() @Length(1, 300) title: string;
  @IdField() boardId: string;
  @ApiPropertyOptional({ type: [String] }) @Omittable() @IsArray() @IsUUID('all', { each: true }) documentIds?: string[];
  @DateField(true) startDate?: string;
  @ApiPropertyOptional({ type: PlanSettingsDto }) @Omittable() @ValidateNested() @Type(() => PlanSettingsDto) settings?: PlanSettingsDto;
  @ApiPropertyOptional({ default: true, description: 'Create one action per finding of the documents' })
  @Omittable()
  @IsBoolean()
  actionsFromFindings?: boolean;
}

export class UpdatePlanDto {
  @ApiProperty({ description: 'The version you loaded; a stale one gets 409' }) @IsInt() version: number;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 300) title?: string;
  @DateField(true) startDate?: string;
  @ApiPropertyOptional({ type: PlanSettingsDto }) @Omittable() @ValidateNested() @Type(() => PlanSettingsDto) settings?: PlanSettingsDto;
}

export class VersionDto {
  @ApiProperty({ description: 'The version you loaded; a stale one gets 409' }) @IsInt() version: number;
}

export class CarryOverDto {
  @IdField() toPlanId: string;
}
