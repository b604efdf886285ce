import { ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, Min, ValidateNested } from 'class-validator';
import { Polarity, POLARITIES } from '@app/domain';
import { Omittable } from '../common/dto-fields';

export class FigureChoiceDto {
  @ApiPropertyOptional({ description: "The figure's index in the dry run's list", example: 0 }) @IsInt() @Min(0) index: number;
  @ApiPropertyOptional({ enum: POLARITIES, description: 'For a new measure whose polarity the paper does not say' })
  @Omittable()
  @IsIn(POLARITIES, { message: `polarity must be one of: ${POLARITIES.join(', ')}` })
  polarity?: Polarity;
}

// A multipart form sends booleans and lists as text.
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const choicesFromJson = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return Array.isArray(value) ? value.map((v: unknown) => plainToInstance(FigureChoiceDto, v)) : value;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map((v: unknown) => plainToInstance(FigureChoiceDto, v)) : value;
  } catch {
    return value;
  }
};

export class ImportFiguresDto {
  @ApiPropertyOptional({ description: 'Only read the figures and say what importing them would do; store nothing' })
  @Omittable()
  @Transform(bool)
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({
    type: [FigureChoiceDto],
    description:
      'The figures to import, by index, with a polarity where the paper gives none (in a multipart form: JSON text, e.g. [{"index":0,"polarity":"higher"}]); default: every figure that can be imported',
  })
  @Omittable()
  @Transform(choicesFromJson)
  @IsArray({ message: 'choices must be a list such as [{"index":0,"polarity":"higher"}]' })
  @ValidateNested({ each: true })
  @Type(() => FigureChoiceDto)
  choices?: FigureChoiceDto[];
}
