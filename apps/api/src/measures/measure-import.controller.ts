import { Body, Controller, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, badRequest, MeasureImportService } from '@app/core';
import { rolesFor } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { ImportFiguresDto } from './measure-import.dto';

const nullableNumber = { type: 'number', nullable: true };
const FIGURE = {
  type: 'object',
  required: [
    'index',
    'name',
    'unit',
    'value',
    'period',
    'target',
    'polarity',
    'band',
    'national',
    'line',
    'measure',
    'valueStatus',
    'problem',
    'needsPolarity',
  ],
  properties: {
    index: { type: 'integer' },
    name: { type: 'string' },
    unit: { type: 'string', example: '%', description: '%, per 10,000, count, days, or number when the paper does not say' },
    value: nullableNumber,
    period: { type: 'string', nullable: true, example: '2014/15 Q4' },
    target: nullableNumber,
    polarity: { type: 'string', enum: ['higher', 'lower', 'band'], nullable: true },
    band: { type: 'object', nullable: true, required: ['low', 'high'], properties: { low: { type: 'number' }, high: { type: 'number' } } },
    national: nullableNumber,
    line: { type: 'integer' },
    measure: {
      type: 'object',
      nullable: true,
      required: ['id', 'status'],
      properties: { id: { type: 'string', format: 'uuid', nullable: true }, status: { type: 'string', enum: ['existing', 'new'] } },
    },
    valueStatus: { type: 'string', enum: ['new', 'unchanged', 'none'], nullable: true },
    problem: { type: 'string', nullable: true },
    needsPolarity: { type: 'boolean' },
  },
};
const RESULT = {
  schema: {
    type: 'object',
    required: ['dryRun', 'figures', 'measuresCreated', 'valuesStored'],
    properties: {
      dryRun: { type: 'boolean' },
      figures: { type: 'array', items: FIGURE },
      measuresCreated: { type: 'integer' },
      valuesStored: { type: 'integer' },
    },
  },
};

@ApiTags('measures')
@Controller('api/v1/measures')
export class MeasureImportController {
  constructor(private readonly imports: MeasureImportService) {}

  @Roles(...rolesFor('measures.create'))
  @Post('import-from-report')
  @ApiOperation({
    summary:
      "Read a council paper's performance figures (text, PDF or Word) and import the chosen ones: each to the measure of its name (made if new), its value stored for its period; all or nothing",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' }, dryRun: { type: 'boolean' }, choices: { type: 'string', example: '[{"index":0}]' } },
    },
  })
  @ApiOkResponse({ ...RESULT, description: 'The dry run: every figure, what importing it would do, or why it cannot be' })
  @ApiCreatedResponse({ ...RESULT, description: 'Imported' })
  @UseInterceptors(FileInterceptor('file'))
  async import(
    @CurrentActor() actor: Authenticated,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Body() body: ImportFiguresDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    if (!file) throw badRequest('file_required', 'Attach the paper in the "file" field of a multipart form (a .txt, .pdf or .docx)');
    const figures = await this.imports.read(file.buffer);
    const result = await this.imports.import(actor, figures, { dryRun: body.dryRun, choices: body.choices });
    res.status(result.dryRun ? 200 : 201);
    return result;
  }
}
