import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@app/core';
import { ORGANISATION_KINDS, OrganisationKind } from '@app/domain';
import { ROLES, Role } from '@app/core/request-context';
import { IdField, Omittable } from '../common/dto-fields';

const PASSWORD_RULE = `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, not a common or breached password, not containing the email address`;

export class CreateUserDto {
  @ApiProperty() @IsEmail({}, { message: 'email must be an email address' }) email: string;
  @ApiProperty() @IsString() @Length(1, 200) displayName: string;
  @ApiProperty({
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
    description: `${PASSWORD_RULE}. Used only when the email has no account yet; never written to an existing account.`,
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true, message: `roles must each be one of: ${ROLES.join(', ')}` })
  roles: Role[];
  @IdField(true) managerId?: string | null;
  @IdField(true) organisationId?: string | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ description: 'Account-level: only the person or an admin of every authority they belong to' })
  @Omittable()
  @IsString()
  @Length(1, 200)
  displayName?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true, message: `roles must each be one of: ${ROLES.join(', ')}` })
  roles?: Role[];
  @IdField(true) managerId?: string | null;
  @IdField(true) organisationId?: string | null;
  @ApiPropertyOptional({ description: 'Whether they can sign in to this authority; stopping access ends their sessions, API tokens and calendar feed here' })
  @Omittable()
  @IsBoolean()
  active?: boolean;
  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
    description: `Account-level: only the person or an admin of every authority they belong to. ${PASSWORD_RULE}. Ends all their sessions, API tokens and calendar feeds.`,
  })
  @Omittable()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;
}

export class CreateOrganisationDto {
  @ApiProperty() @IsString() @Length(1, 200) name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) @IsIn(ORGANISATION_KINDS) kind: OrganisationKind;
}
