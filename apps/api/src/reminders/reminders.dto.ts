import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { REMINDER_STATES, ReminderState } from '@app/reminders';
import { DateField, IdField } from '../common/dto-fields';
import { PageQuery } from '../common/pagination.dto';

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unreadOnly?: boolean;
}

export class EmailChoicesDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() before_due?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() due_today?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() escalation?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() digest?: boolean;
}

export class NotificationSettingsDto {
  @ApiPropertyOptional({ type: EmailChoicesDto, description: 'Which reminders come by email (they always appear in the app)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmailChoicesDto)
  email?: EmailChoicesDto;
  @ApiPropertyOptional({ description: 'Email only the weekly digest' }) @IsOptional() @IsBoolean() digestOnly?: boolean;
  @ApiPropertyOptional({ description: 'While on leave, reminders go to the delegate' }) @IsOptional() @IsBoolean() onLeave?: boolean;
  @DateField(true) leaveUntil?: string | null;
  @IdField(true) delegateId?: string | null;
}

export class ReminderRulesDto {
  @ApiPropertyOptional({ example: '08:00', description: 'Europe/London time the reminders go out' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'sendTime must be a time written HH:mm' })
  sendTime?: string;
  @ApiPropertyOptional({ example: [14, 7, 1] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  beforeDays?: number[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() onDueDate?: boolean;
  @ApiPropertyOptional({ nullable: true, example: 1 }) @IsOptional() @IsInt() @Min(1) @Max(365) overdueOwnerDays?: number | null;
  @ApiPropertyOptional({ nullable: true, example: 7 }) @IsOptional() @IsInt() @Min(1) @Max(365) managerAfterDays?: number | null;
  @ApiPropertyOptional({ nullable: true, example: 28 }) @IsOptional() @IsInt() @Min(1) @Max(365) chairAfterDays?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() weeklyDigest?: boolean;
}

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

export class ReminderQuery extends PageQuery {
  @ApiPropertyOptional({ description: `Comma-separated: ${REMINDER_STATES.join(', ')}` })
  @IsOptional()
  @Transform(list)
  @IsIn(REMINDER_STATES, { each: true })
  states?: ReminderState[];
  @IdField(true) actionId?: string;
}
