import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, ValidateBy, ValidateIf } from 'class-validator';
import { isCalendarDate } from '@app/domain';

/**
 * A field that may be left out but, when given, must pass its checks: null is not "left out". (class-validator's
 * IsOptional also skips null, so a null title or flag reached the database and answered 500.) IsOptional stays for
 * fields that null clears.
 */
export const Omittable = () => ValidateIf((_object, value) => value !== undefined);

/** A calendar date field, 'YYYY-MM-DD': a real date by the domain's rule; `nullable` when null clears it. */
export const DateField = (optional = false, nullable = false) =>
  applyDecorators(
    optional ? ApiPropertyOptional({ type: String, example: '2026-03-31', nullable }) : ApiProperty({ type: String, example: '2026-03-31' }),
    ...(optional ? [nullable ? IsOptional() : Omittable()] : []),
    ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => '$property must be a real date written YYYY-MM-DD' } }),
  );

/** A reference to another record by id. */
export const IdField = (optional = false) =>
  applyDecorators(
    optional ? ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) : ApiProperty({ type: String, format: 'uuid' }),
    ...(optional ? [IsOptional()] : []),
    IsUUID('all', { message: '$property must be an id (a UUID)' }),
  );
