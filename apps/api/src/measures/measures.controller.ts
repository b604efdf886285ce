import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, Length, Min } from 'class-validator';
import { Authenticated, badRequest, MeasureService } from '@app/core';
import { rolesFor, Rollup, ROLLUPS } from '@app/domain';
import { IdField } from '../common/dto-fields';
import { CurrentActor, Roles } from '../common/decorators';
import { MeasureResponse, MeasureWithNextValueResponse } from './measures.responses';

const UNITS = ['percent', 'count', 'days'] as const;
const POLARITIES = ['higher', 'lower', 'band'] as const;

export class CreateMeasureDto {
  @ApiProperty({ example: 'Re-referrals within 12 months' }) @IsString() @Length(1, 300) name: string;
  @ApiProperty({ enum: UNITS }) @IsIn(UNITS, { message: `unit must be one of: ${UNITS.join(', ')}` }) unit: (typeof UNITS)[number];
  @ApiProperty({ enum: POLARITIES, description: 'higher or lower is better, or a band to stay within' })
  @IsIn(POLARITIES, { message: `polarity must be one of: ${POLARITIES.join(', ')}` })
  polarity: (typeof POLARITIES)[number];
  @ApiPropertyOptional({ example: 22 }) @IsOptional() @IsNumber() target?: number;
  @ApiPropertyOptional({ example: 120 }) @IsOptional() @IsNumber() bandLow?: number;
  @ApiPropertyOptional({ example: 130 }) @IsOptional() @IsNumber() bandHigh?: number;
  @ApiPropertyOptional({ example: 1, description: 'How far from the target still counts as amber' }) @IsOptional() @IsNumber() @Min(0) tolerance?: number;
  @ApiPropertyOptional({ enum: ROLLUPS, description: "How monthly values make the quarter's: the last month's (default), their sum or their average" })
  @IsOptional()
  @IsIn(ROLLUPS, { message: `rollup must be one of: ${ROLLUPS.join(', ')}` })
  rollup?: Rollup;
  @IdField(true) ownerId?: string;
}

export class MeasureOwnerDto {
  /** The person who enters the measure's values and is reminded as each falls due; null for nobody. */
  @IdField(true) ownerId?: string | null;
}

@ApiTags('measures')
@Controller('api/v1')
export class MeasuresController {
  constructor(private readonly measures: MeasureService) {}

  @ApiOperation({ summary: "The council's measures, each with the quarter whose value is due next (nextValue)" })
  @ApiOkResponse({ type: [MeasureWithNextValueResponse] })
  @Get('measures')
  list(@CurrentActor() actor: Authenticated) {
    return this.measures.listWithNextValue(actor.authorityId);
  }

  @Roles(...rolesFor('measures.create'))
  @ApiOperation({ summary: "Assign a measure's owner (null for nobody): they enter its values and are reminded as each falls due" })
  @ApiOkResponse({ type: MeasureWithNextValueResponse })
  @Patch('measures/:id')
  setOwner(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: MeasureOwnerDto) {
    if (body.ownerId === undefined)
      throw badRequest('owner_required', "Give ownerId: the id of the person who enters the measure's values, or null for nobody");
    return this.measures.setOwner(actor, id, body.ownerId);
  }

  @Roles(...rolesFor('measures.create'))
  @ApiOperation({ summary: 'Add a performance measure' })
  @ApiCreatedResponse({ type: MeasureResponse })
  @Post('measures')
  create(@CurrentActor() actor: Authenticated, @Body() body: CreateMeasureDto) {
    return this.measures.create(actor, body);
  }

  /** The action should move this measure. */
  @Roles(...rolesFor('action.measures'))
  @ApiOperation({ summary: 'Link a measure to an action' })
  @ApiOkResponse({ type: [MeasureResponse], description: 'The measures the action should move, now' })
  @Put('actions/:id/measures/:measureId')
  link(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Param('measureId', ParseUUIDPipe) measureId: string) {
    return this.measures.link(actor, id, measureId, true);
  }

  @Roles(...rolesFor('action.measures'))
  @ApiOperation({ summary: 'Unlink a measure from an action' })
  @ApiOkResponse({ type: [MeasureResponse], description: 'The measures the action should move, now' })
  @Delete('actions/:id/measures/:measureId')
  unlink(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Param('measureId', ParseUUIDPipe) measureId: string) {
    return this.measures.link(actor, id, measureId, false);
  }
}
