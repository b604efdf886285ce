import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, ValidateBy } from 'class-validator';
import { isCalendarDate } from '@app/domain';

/** A calendar date field, 'YYYY-MM-DD': a real date by the domain's rule. */
export const DateField = (optional = false) =>
  applyDecorators(
    optional ? ApiPropertyOptional({ example: '2026-03-31' }) : ApiProperty({ example: '2026-03-31' }),
    ...(optional ? [IsOptional()] : []),
    ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => '$property must be a real date written YYYY-MM-DD' } }),
  );

/** A reference to another record by id. */
export const IdField = (optional = false) =>
  applyDecorators(
    optional ? ApiPropertyOptional({ format: 'uuid', nullable: true }) : ApiProperty({ format: 'uuid' }),
    ...(optional ? [IsOptional()] : []),
    IsUUID('all', { message: '$property must be an id (a UUID)' }),
  );
