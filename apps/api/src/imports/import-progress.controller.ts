import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, ImportProgress, notFound } from '@app/core';
import { CurrentActor } from '../common/decorators';

@ApiTags('imports')
@Controller('api/v1/imports')
export class ImportProgressController {
  constructor(private readonly progress: ImportProgress) {}

  // Only the person who started the import is told of it; anyone else finds nothing.
  @Get(':id/progress')
  @ApiOperation({ summary: 'How far an import started from a page has gone: pages read (a PDF report) or rows stored (a tracker), then done or failed' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        stage: { type: 'string', enum: ['reading', 'storing', 'done', 'failed'] },
        done: { type: 'integer' },
        total: { type: 'integer', nullable: true },
        unit: { type: 'string', enum: ['pages', 'rows'] },
      },
    },
  })
  get(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    const view = this.progress.get(actor, id);
    if (!view) throw notFound('Import');
    return view;
  }
}
