import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUrl, IsUUID, Length } from 'class-validator';
import { ACTION_SORT_FIELDS, ActionSort, SORT_DIRECTIONS } from '@app/core';
import { ACTION_STATUSES, ActionStatus, Rag, RAGS, TIMESCALES, Timescale } from '@app/domain';
import { DateField, IdField, Omittable } from '../common/dto-fields';
import { PageQuery } from '../common/pagination.dto';

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
/** `field` or `field:asc|desc` to { field, direction }; anything else is left as it came, for the validator to refuse. */
const sort = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const [field, direction = 'asc', ...rest] = value.split(':');
  return rest.length === 0 && (ACTION_SORT_FIELDS as readonly string[]).includes(field) && (SORT_DIRECTIONS as readonly string[]).includes(direction)
    ? { field, direction }
    : value;
};
const SORT_HELP = `one of ${ACTION_SORT_FIELDS.join(', ')}, optionally followed by :asc or :desc (for example rag:desc)`;

export class ActionListQuery extends PageQuery {
  @IdField(true) planId?: string;
  @ApiPropertyOptional({ description: `Comma-separated: ${ACTION_STATUSES.join(', ')}` })
  @Omittable()
  @Transform(list)
  @IsIn(ACTION_STATUSES, { each: true, message: `status must be any of: ${ACTION_STATUSES.join(', ')}` })
  status?: ActionStatus[];
  @ApiPropertyOptional({ description: `Comma-separated: ${RAGS.join(', ')}` })
  @Omittable()
  @Transform(list)
  @IsIn(RAGS, { each: true, message: `rag must be any of: ${RAGS.join(', ')}` })
  rag?: Rag[];
  @IdField(true) ownerId?: string;
  @ApiPropertyOptional({
    description: "The accountable manager's user id: actions whose manager is this person, or, where an action has no manager, whose owner's line manager is",
  })
  @IdField(true)
  managerId?: string;
  @IdField(true) organisationId?: string;
  @ApiPropertyOptional() @Omittable() @Transform(bool) @IsBoolean({ message: 'overdue must be true or false' }) overdue?: boolean;
  @DateField(true) dueFrom?: string;
  @DateField(true) dueTo?: string;
  @ApiPropertyOptional({ type: String, description: `Sort by ${SORT_HELP}; without it by due date, then reference`, example: 'due:desc' })
  @Omittable()
  @Transform(sort)
  @IsObject({ message: `sort must be ${SORT_HELP}` })
  sort?: ActionSort;
}

export class CreateActionDto {
  @ApiProperty() @IsString() @Length(1, 300) title: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 10000) description?: string;
  @ApiPropertyOptional({ enum: TIMESCALES }) @Omittable() @IsIn(TIMESCALES) timescale?: Timescale;
  @DateField(true) dueDate?: string;
  @IdField(true) ownerId?: string | null;
  @IdField(true) managerId?: string | null;
  @IdField(true) organisationId?: string | null;
  @ApiPropertyOptional({ type: [String] }) @Omittable() @IsArray() @IsUUID('all', { each: true }) findingIds?: string[];
}

export class UpdateActionDto {
  @ApiProperty({ description: 'The version you loaded; a stale one gets 409 with the current state' }) @IsInt() version: number;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 300) title?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 10000) description?: string;
  @IdField(true) ownerId?: string | null;
  @IdField(true) managerId?: string | null;
  @IdField(true) organisationId?: string | null;
  @DateField(true) dueDate?: string;
  @ApiPropertyOptional({ description: 'Required to change the due date of an active plan: the board decision' })
  @Omittable()
  @IsString()
  @Length(1, 1000)
  dueDateReason?: string;
  @ApiPropertyOptional() @Omittable() @IsBoolean() atRisk?: boolean;
  @ApiPropertyOptional({ enum: RAGS, nullable: true }) @IsOptional() @IsIn([...RAGS, null]) ragOverride?: Rag | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @Length(1, 1000) ragOverrideReason?: string | null;
}

export class ChangeStatusDto {
  @ApiProperty() @IsInt() version: number;
  @ApiProperty({ enum: ACTION_STATUSES }) @IsIn(ACTION_STATUSES, { message: `status must be one of: ${ACTION_STATUSES.join(', ')}` }) status: ActionStatus;
  @ApiPropertyOptional({ description: 'Required when blocking or cancelling' }) @Omittable() @IsString() @Length(1, 1000) reason?: string;
}

export class VerifyDto {
  @ApiProperty() @IsInt() version: number;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 1000) comment?: string;
}

export class NoteDto {
  @ApiProperty() @IsString() @Length(1, 10000) body: string;
}

export class MilestoneDto {
  @ApiProperty() @IsString() @Length(1, 300) title: string;
  @DateField(true) dueDate?: string;
  @ApiPropertyOptional({ description: 'Record a milestone already reached (its date may then be in the past)' })
  @IsOptional()
  @IsBoolean()
  done?: boolean;
}

export class MilestoneDoneDto {
  @ApiProperty() @IsBoolean() done: boolean;
}

export class LinkEvidenceDto {
  @ApiProperty() @IsString() @Length(1, 300) title: string;
  @ApiProperty()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) address' })
  @Length(1, 2000)
  url: string;
}

export class NoteEvidenceDto {
  @ApiProperty() @IsString() @Length(1, 300) title: string;
  @ApiProperty() @IsString() @Length(1, 10000) note: string;
}

export class FileEvidenceDto {
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 300) title?: string;
}
