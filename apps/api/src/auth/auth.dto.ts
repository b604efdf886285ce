import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'admin@demo.example' }) @IsEmail({}, { message: 'email must be an email address' }) email: string;
  @ApiProperty() @IsString() @MaxLength(1000) password: string;
  @ApiPropertyOptional({ description: 'For people in several authorities: which one to work in' }) @IsOptional() @IsUUID() authorityId?: string;
}

export class CreateTokenDto {
  @ApiProperty({ example: 'nightly export script' }) @IsString() @Length(1, 100) name: string;
}
