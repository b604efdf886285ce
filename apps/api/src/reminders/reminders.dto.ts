import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { REMINDER_STATES, ReminderState } from '@app/reminders';
import { DateField, IdField, Omittable } from '../common/dto-fields';
import { PageQuery } from '../common/pagination.dto';

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional()
  @Omittable()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unreadOnly?: boolean;
}

export class EmailChoicesDto {
  @ApiPropertyOptional() @Omittable() @IsBoolean() before_due?: boolean;
  @ApiPropertyOptional() @Omittable() @IsBoolean() due_today?: boolean;
  @ApiPropertyOptional() @Omittable() @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional() @Omittable() @IsBoolean() escalation?: boolean;
  @ApiPropertyOptional() @Omittable() @IsBoolean() digest?: boolean;
}

export class NotificationSettingsDto {
  @ApiPropertyOptional({ type: EmailChoicesDto, description: 'Which reminders come by email (they always appear in the app)' })
  @Omittable()
  @ValidateNested()
  @Type(() => EmailChoicesDto)
  email?: EmailChoicesDto;
  @ApiPropertyOptional({ description: 'Email only the weekly digest' }) @Omittable() @IsBoolean() digestOnly?: boolean;
  @ApiPropertyOptional({ description: 'While on leave, reminders go to the delegate' }) @Omittable() @IsBoolean() onLeave?: boolean;
  @DateField(true, true) leaveUntil?: string | null;
  @IdField(true) delegateId?: string | null;
}

export class ReminderRulesDto {
  @ApiPropertyOptional({ example: '08:00', description: 'Europe/London time the reminders go out' })
  @Omittable()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'sendTime must be a time written HH:mm' })
  sendTime?: string;
  @ApiPropertyOptional({ type: [Number], example: [14, 7, 1] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  beforeDays?: number[];
  @ApiPropertyOptional() @Omittable() @IsBoolean() onDueDate?: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 1 }) @IsOptional() @IsInt() @Min(1) @Max(365) overdueOwnerDays?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 7 }) @IsOptional() @IsInt() @Min(1) @Max(365) managerAfterDays?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 28 }) @IsOptional() @IsInt() @Min(1) @Max(365) chairAfterDays?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 7, description: 'While overdue, remind the owner again every this many days (null: never)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  overdueRepeatDays?: number | null;
  @ApiPropertyOptional() @Omittable() @IsBoolean() weeklyDigest?: boolean;
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
  @Omittable()
  @Transform(list)
  @IsIn(REMINDER_STATES, { each: true })
  states?: ReminderState[];
  @IdField(true) actionId?: string;
}
