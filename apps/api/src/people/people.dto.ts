import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, MinLength } from 'class-validator';
import { ORGANISATION_KINDS } from '../../../../libs/core/src';
import { MIN_PASSWORD_LENGTH } from '../../../../libs/core/src/accounts/user.service';
import { ROLES, Role } from '../../../../libs/core/src/request-context';
import { IdField } from '../common/dto-fields';

export class CreateUserDto {
  @ApiProperty() @IsEmail({}, { message: 'email must be an email address' }) email: string;
  @ApiProperty() @IsString() @Length(1, 200) displayName: string;
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH }) @IsString() @MinLength(MIN_PASSWORD_LENGTH) password: string;
  @ApiProperty({ enum: ROLES, isArray: true }) @IsArray() @ArrayMinSize(1) @IsIn(ROLES, { each: true, message: `roles must each be one of: ${ROLES.join(', ')}` }) roles: Role[];
  @IdField(true) managerId?: string | null;
  @IdField(true) organisationId?: string | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true }) @IsOptional() @IsArray() @ArrayMinSize(1) @IsIn(ROLES, { each: true, message: `roles must each be one of: ${ROLES.join(', ')}` }) roles?: Role[];
  @IdField(true) managerId?: string | null;
  @IdField(true) organisationId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(MIN_PASSWORD_LENGTH) password?: string;
}

export class CreateOrganisationDto {
  @ApiProperty() @IsString() @Length(1, 200) name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) @IsIn(ORGANISATION_KINDS) kind: string;
}
