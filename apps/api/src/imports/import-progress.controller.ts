import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, ImportProgress, notFound } from '@app/core';
import { CurrentActor } from '../common/decorators';

@ApiTags('imports')
@Controller('api/v1/imports')
export class ImportProgressController {
  constructor(private readonly progress: ImportProgress) {}

  // Only the person who started the import is told of it; anyone else finds nothing. Progress is kept in Redis, so any
  // API process can answer; while Redis does not answer, the stage is "unknown" (the import itself goes on).
  @Get(':id/progress')
  @ApiOperation({
    summary:
      'How far an import started from a page has gone: pages read (a PDF report) or rows stored (a tracker), then done or failed; unknown (done, total and unit null) while progress cannot be read',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['id', 'stage', 'done', 'total', 'unit'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        stage: { type: 'string', enum: ['reading', 'storing', 'done', 'failed', 'unknown'] },
        done: { type: 'integer', nullable: true },
        total: { type: 'integer', nullable: true },
        unit: { type: 'string', enum: ['pages', 'rows'], nullable: true },
      },
    },
  })
  async get(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    const view = await this.progress.get(actor, id);
    if (!view) throw notFound('Import');
    return view;
  }
}
