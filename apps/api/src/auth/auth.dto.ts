import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsInt, IsString, IsUUID, Length, Max, MaxLength, Min, MinLength } from 'class-validator';
import { API_TOKEN_DAYS, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@app/core';
import { Omittable } from '../common/dto-fields';

export class SignInDto {
  @ApiProperty({ example: 'admin@demo.example' }) @IsEmail({}, { message: 'email must be an email address' }) email: string;
  @ApiProperty({ maxLength: MAX_PASSWORD_LENGTH }) @IsString() @MaxLength(MAX_PASSWORD_LENGTH) password: string;
  @ApiPropertyOptional({ description: 'For people in several authorities: which one to work in' }) @Omittable() @IsUUID() authorityId?: string;
}

export class CreateTokenDto {
  @ApiProperty({ example: 'nightly export script' }) @IsString() @Length(1, 100) name: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: API_TOKEN_DAYS, description: 'Days until the token stops working' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: MAX_PASSWORD_LENGTH }) @IsString() @MaxLength(MAX_PASSWORD_LENGTH) currentPassword: string;
  @ApiProperty({
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
    description: 'Not a common or breached password, not containing your email address',
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword: string;
}
