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

export class NextValueResponse {
  @ApiProperty({ example: '2026/27 Q3', description: 'The quarter whose value is to be entered next' }) period: string;
  @ApiProperty({ format: 'date', description: 'Ten working days (England and Wales) after the quarter ends' }) dueDate: string;
  @ApiProperty({
    enum: ['due', 'overdue', 'upcoming', 'entered'],
    description: 'due or overdue: the quarter just ended; upcoming or entered: the quarter under way',
  })
  status: string;
}

export class MeasureWithNextValueResponse extends MeasureResponse {
  @ApiProperty({ type: NextValueResponse }) nextValue: NextValueResponse;
}
