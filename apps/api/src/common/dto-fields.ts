import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date field, 'YYYY-MM-DD'. */
export const DateField = (optional = false) =>
  applyDecorators(
    optional ? ApiPropertyOptional({ example: '2026-03-31' }) : ApiProperty({ example: '2026-03-31' }),
    ...(optional ? [IsOptional()] : []),
    Matches(ISO_DATE, { message: '$property must be a date written YYYY-MM-DD' }),
  );

/** A reference to another record by id. */
export const IdField = (optional = false) =>
  applyDecorators(
    optional ? ApiPropertyOptional({ format: 'uuid', nullable: true }) : ApiProperty({ format: 'uuid' }),
    ...(optional ? [IsOptional()] : []),
    IsUUID('all', { message: '$property must be an id (a UUID)' }),
  );
