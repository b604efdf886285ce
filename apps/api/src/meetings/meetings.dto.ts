import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ATTENDANCE, DECISION_KINDS } from '@app/domain';
import { DateField, IdField, Omittable } from '../common/dto-fields';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CreateMeetingDto {
  @DateField() date: string;
  @IdField() planId: string;
  @ApiPropertyOptional({ example: '10:00', description: 'Start, Europe/London (HH:MM); default 10:00' })
  @Omittable()
  @Matches(TIME, { message: 'startTime must be a time written HH:MM, for example 10:00' })
  startTime?: string;
  @ApiPropertyOptional({ example: 120, description: 'Length in minutes; default 120' }) @Omittable() @IsInt() @Min(15) @Max(600) durationMinutes?: number;
  @ApiPropertyOptional({ example: 'Committee Room 1, County Hall' }) @Omittable() @IsString() @Length(1, 300) place?: string;
}

export class UpdateMeetingDto {
  @DateField(true) date?: string;
  @ApiPropertyOptional({ example: '10:00' })
  @Omittable()
  @Matches(TIME, { message: 'startTime must be a time written HH:MM, for example 10:00' })
  startTime?: string;
  @ApiPropertyOptional({ example: 120 }) @Omittable() @IsInt() @Min(15) @Max(600) durationMinutes?: number;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 300) place?: string;
}

export class DecisionDto {
  @IdField() actionId: string;
  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS, { message: `kind must be one of: ${DECISION_KINDS.join(', ')}` })
  kind: (typeof DECISION_KINDS)[number];
  @ApiPropertyOptional({ description: "The board's comment: required to send back, extend (the reason), escalate and note" })
  @Omittable()
  @IsString()
  @MaxLength(2000)
  comment?: string;
  @DateField(true) dueDate?: string;
  @IdField(true) ownerId?: string;
  @IdField(true) managerId?: string;
  @IdField(true) escalateToId?: string;
}

export class AgendaItemDto {
  @IdField(true) actionId?: string;
  @ApiPropertyOptional({ description: 'A free item (not an action) needs a title' }) @Omittable() @IsString() @Length(1, 300) title?: string;
  @ApiPropertyOptional({ example: 'For verification' }) @Omittable() @IsString() @MaxLength(100) section?: string;
  @IdField(true) presenterId?: string;
  @ApiPropertyOptional({ example: 10 }) @Omittable() @IsInt() @Min(1) @Max(240) minutesAllotted?: number;
}

export class UpdateAgendaItemDto {
  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(100) section?: string;
  @IdField(true) presenterId?: string;
  @ApiPropertyOptional({ example: 10 }) @Omittable() @IsInt() @Min(1) @Max(240) minutesAllotted?: number;
  @ApiPropertyOptional({ example: 1, description: 'Its place on the agenda, from 1' }) @Omittable() @IsInt() @Min(1) @Max(1000) position?: number;
}

export class AttendeeDto {
  @IdField(true) userId?: string;
  @ApiPropertyOptional({ example: 'Dr Jane Doe (guest)' }) @Omittable() @IsString() @Length(1, 200) guestName?: string;
  @ApiProperty({ enum: ATTENDANCE })
  @IsIn(ATTENDANCE, { message: `attendance must be one of: ${ATTENDANCE.join(', ')}` })
  attendance: (typeof ATTENDANCE)[number];
}

export class AttendanceDto {
  @ApiProperty({ type: [AttendeeDto] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => AttendeeDto) attendees: AttendeeDto[];
}

export class MinutesDto {
  @ApiProperty({ description: "The chair's narrative; the decisions and attendance are drafted around it" }) @IsString() @MaxLength(20000) narrative: string;
}

export class CancelMeetingDto {
  @ApiProperty({ example: 'Not quorate: three members sent apologies', description: 'Why: the people invited are told it' })
  @IsString()
  @Length(1, 2000, { message: 'reason must say why the meeting is cancelled (up to 2,000 characters)' })
  reason: string;
}

export class ClosePlanDto {
  @IdField(true) successorPlanId?: string;
  @ApiPropertyOptional({ example: 'Service development plan 2027', description: 'Or a new draft plan, on the same board, to hold the open actions' })
  @Omittable()
  @IsString()
  @Length(1, 300)
  title?: string;
  @ApiProperty({ description: "The board's reasons: they go into the minutes" })
  @IsString()
  @Length(1, 2000, { message: "comment must give the board's reasons for closing the plan (up to 2,000 characters)" })
  comment: string;
}
