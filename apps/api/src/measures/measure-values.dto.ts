import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Omittable } from '../common/dto-fields';

export class MeasureValueDto {
  @ApiProperty({ example: '2026/27 Q3', description: 'A financial-year quarter, or a month (2026-11) for a measure reported monthly' })
  @IsString()
  @Length(1, 20)
  period: string;

  @ApiProperty({ example: 21.5 }) @IsNumber({}, { message: 'value must be a number' }) value: number;
  @ApiPropertyOptional({ example: 22.7, description: 'The national average for the period' }) @Omittable() @IsNumber() national?: number;
  @ApiPropertyOptional({ example: 23.4, description: 'The statistical neighbours’ average for the period' }) @Omittable() @IsNumber() comparator?: number;
  @ApiPropertyOptional({ description: 'What moved the figure and what is being done' }) @IsOptional() @IsString() @MaxLength(2000) commentary?: string;
  @ApiPropertyOptional({ description: 'Required to correct a value already entered for the period' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

const VALUE_ROW = {
  type: 'object',
  required: [
    'id',
    'authorityId',
    'measureId',
    'period',
    'quarter',
    'value',
    'national',
    'comparator',
    'commentary',
    'reason',
    'supersededValue',
    'enteredById',
    'enteredAt',
    'replacedAt',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    authorityId: { type: 'string', format: 'uuid' },
    measureId: { type: 'string', format: 'uuid' },
    period: { type: 'string', example: '2026/27 Q3' },
    quarter: { type: 'string', example: '2026/27 Q3' },
    value: { type: 'number' },
    national: { type: 'number', nullable: true },
    comparator: { type: 'number', nullable: true },
    commentary: { type: 'string', nullable: true },
    reason: { type: 'string', nullable: true },
    supersededValue: { type: 'number', nullable: true, description: 'The value this one corrected' },
    enteredById: { type: 'string', format: 'uuid' },
    enteredAt: { type: 'string', format: 'date-time' },
    replacedAt: { type: 'string', nullable: true, description: 'Set when a correction replaced this value' },
  },
};

export const VALUE_SCHEMA = { schema: VALUE_ROW };
export const VALUES_SCHEMA = { schema: { type: 'array', items: VALUE_ROW } };
