import { Body, Controller, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, badRequest } from '@app/core';
import { TrackerImportService } from '@app/core/imports/tracker-import.service';
import { rolesFor } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { mappingOf, TrackerImportDto, TrackerImportResultDto, TrackerPreviewDto } from './trackers.dto';
import { TrackerPreviewResponse } from './trackers.responses';

const FORM = {
  file: { type: 'string', format: 'binary', description: "The council's tracker: .xlsx or .csv" },
  mapping: { type: 'string', description: 'JSON: your own column letter for each field, e.g. {"action":"C","owner":"D"}' },
  headerLine: { type: 'integer' },
  planId: { type: 'string', format: 'uuid' },
};

type Upload = { buffer: Buffer; originalname?: string } | undefined;

const required = (file: Upload) => {
  if (!file) throw badRequest('file_required', 'Attach the tracker in the "file" field of a multipart form (an .xlsx or .csv)');
  return file;
};

/** A council's existing tracker: read it (nothing stored), then bring it in as a plan once the mapping is confirmed. */
@ApiTags('trackers')
@Controller('api/v1/trackers')
@Roles(...rolesFor('plan.importTracker'))
export class TrackersController {
  constructor(private readonly trackers: TrackerImportService) {}

  /** What would be brought in: each field's column, the rows with owners matched, and the problems. */
  @ApiOperation({ summary: 'Read a tracker without storing it: each field’s column, the rows with owners matched, and the problems' })
  @ApiCreatedResponse({ type: TrackerPreviewResponse })
  @Post('preview')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: FORM } })
  @UseInterceptors(FileInterceptor('file'))
  async preview(@CurrentActor() actor: Authenticated, @UploadedFile() file: Upload, @Body() body: TrackerPreviewDto) {
    const preview = await this.trackers.preview(actor, required(file).buffer, {
      mapping: mappingOf(body.mapping),
      headerLine: body.headerLine,
      planId: body.planId,
    });
    const { read } = preview;
    return { ...preview.json, sheet: read.sheet, title: read.title, headerLine: read.headerLine, headers: read.headers };
  }

  /** Stores it: a new draft plan (or the rows added to planId), all or nothing. */
  @Post('import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        ...FORM,
        boardId: { type: 'string', format: 'uuid' },
        title: { type: 'string' },
        startDate: { type: 'string' },
      },
    },
  })
  @ApiCreatedResponse({ type: TrackerImportResultDto })
  @UseInterceptors(FileInterceptor('file'))
  async import(@CurrentActor() actor: Authenticated, @UploadedFile() file: Upload, @Body() body: TrackerImportDto): Promise<TrackerImportResultDto> {
    const upload = required(file);
    const { plan, actionsAdded, unassigned, preview } = await this.trackers.import(actor, upload.buffer, {
      mapping: mappingOf(body.mapping),
      headerLine: body.headerLine,
      planId: body.planId,
      boardId: body.boardId,
      title: body.title,
      startDate: body.startDate,
      fileName: upload.originalname,
    });
    return { plan: { id: plan.id, title: plan.title, status: plan.status }, actions: actionsAdded, unassigned, problems: preview.json.problems };
  }
}
