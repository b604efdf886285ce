import { Body, Controller, Get, Param, ParseBoolPipe, ParseUUIDPipe, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Authenticated, badRequest, MeasureValueService } from '@app/core';
import { CurrentActor } from '../common/decorators';
import { MeasureValueDto, VALUE_SCHEMA, VALUES_SCHEMA } from './measure-values.dto';
import { readValueFile } from './value-file';

// Entering values is checked in the service: the people who set plans up, or the measure's own owner.
@ApiTags('measures')
@Controller('api/v1/measures')
export class MeasureValuesController {
  constructor(private readonly values: MeasureValueService) {}

  @Get(':id/values')
  @ApiOperation({ summary: "A measure's values by period (with history=true, the corrected ones too)" })
  @ApiQuery({ name: 'history', required: false, type: Boolean })
  @ApiOkResponse(VALUES_SCHEMA)
  list(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('history', new ParseBoolPipe({ optional: true })) history?: boolean,
  ) {
    return this.values.list(actor.authorityId, id, history ?? false);
  }

  @Post(':id/values')
  @ApiOperation({ summary: "Enter a period's value; a second value for the same period is a correction and needs a reason" })
  @ApiCreatedResponse(VALUE_SCHEMA)
  enter(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: MeasureValueDto) {
    return this.values.enter(actor, id, body);
  }

  @Post('values/upload')
  @ApiOperation({ summary: 'Upload values as CSV or XLSX: columns measure, period, value (and national, comparator, commentary, reason); all or nothing' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ schema: { type: 'object', properties: { stored: { type: 'integer' } } } })
  @UseInterceptors(FileInterceptor('file'))
  async upload(@CurrentActor() actor: Authenticated, @UploadedFile() file: { buffer: Buffer } | undefined) {
    if (!file) throw badRequest('file_required', 'Attach the values in the "file" field of a multipart form (a .csv or .xlsx)');
    return this.values.upload(actor, await readValueFile(file.buffer));
  }
}
