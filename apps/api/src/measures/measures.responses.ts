import { ApiProperty } from '@nestjs/swagger';
import { MEASURE_UNITS, POLARITIES, ROLLUPS } from '@app/domain';
import { Id, Instant, NullableId, NullableNumber } from '../common/response-fields';

// The 2xx bodies of the measures routes, as MeasureService returns them.

export class MeasureResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: MEASURE_UNITS }) unit: string;
  @ApiProperty({ enum: POLARITIES, description: 'higher or lower is better, or a band to stay within' }) polarity: string;
  @NullableNumber() target: number | null;
  @NullableNumber() bandLow: number | null;
  @NullableNumber() bandHigh: number | null;
  @NullableNumber('How far from the target still counts as amber') tolerance: number | null;
  @ApiProperty({ enum: ROLLUPS, description: "How monthly values make the quarter's" }) rollup: string;
  @NullableId('Who enters its values') ownerId: string | null;
  @Instant() createdAt: string;
}
