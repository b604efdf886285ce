import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, badRequest, DocumentService, ReportImportService } from '@app/core';
import { rolesFor } from '@app/domain';
import { toDryRunJson } from '@app/importer';
import { CurrentActor, Roles } from '../common/decorators';
import { CreateDocumentDto, FindingDto, ImportReportDto, MergeFindingsDto, SplitFindingDto, UpdateFindingDto } from './documents.dto';
import {
  DocumentImportedResponse,
  DocumentListItemResponse,
  DocumentResponse,
  DocumentWithTextResponse,
  FindingResponse,
  ReportReadResponse,
} from './documents.responses';

@ApiTags('documents')
@ApiExtraModels(DocumentImportedResponse, ReportReadResponse)
@Controller('api/v1/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentService,
    private readonly imports: ReportImportService,
  ) {}

  /** Upload a report (text or PDF): its findings are read and stored for review, once per content. */
  @Roles(...rolesFor('documents.import'))
  @ApiOperation({ summary: 'Upload a report (text or PDF): its findings are read and stored for review' })
  @ApiCreatedResponse({
    description: 'Stored; or, with dryRun, what was read (nothing stored)',
    schema: { oneOf: [{ $ref: getSchemaPath(DocumentImportedResponse) }, { $ref: getSchemaPath(ReportReadResponse) }] },
  })
  @ApiOkResponse({ type: DocumentImportedResponse, description: 'The same content was already stored: that document' })
  @Post('import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, title: { type: 'string' }, dryRun: { type: 'boolean' } } } })
  @UseInterceptors(FileInterceptor('file'))
  async import(
    @CurrentActor() actor: Authenticated,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Body() body: ImportReportDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    if (!file) throw badRequest('file_required', 'Attach the report in the "file" field of a multipart form (a .txt or .pdf)');
    if (body.dryRun) {
      return toDryRunJson(await this.imports.dryRun(file.buffer));
    }
    const { document, created } = await this.imports.import(actor, file.buffer, { title: body.title });
    res.status(created ? 201 : 200);
    const { body: _text, ...view } = document;
    return { ...view, created };
  }

  @Roles(...rolesFor('documents.edit'))
  @ApiOperation({ summary: 'Correct a finding before it becomes actions' })
  @ApiOkResponse({ type: FindingResponse })
  @Patch(':id/findings/:findingId')
  updateFinding(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('findingId', ParseUUIDPipe) findingId: string,
    @Body() body: UpdateFindingDto,
  ) {
    return this.documents.updateFinding(actor, id, findingId, body);
  }

  @Roles(...rolesFor('documents.edit'))
  @ApiOperation({ summary: 'Drop a finding no action should answer' })
  @ApiNoContentResponse({ description: 'Dropped' })
  @Delete(':id/findings/:findingId')
  @HttpCode(204)
  dropFinding(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Param('findingId', ParseUUIDPipe) findingId: string) {
    return this.documents.dropFinding(actor, id, findingId);
  }

  @Roles(...rolesFor('documents.edit'))
  @ApiOperation({ summary: 'Merge findings into the first of them' })
  @ApiCreatedResponse({ type: FindingResponse, description: 'The merged finding' })
  @Post(':id/findings/merge')
  mergeFindings(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: MergeFindingsDto) {
    return this.documents.mergeFindings(actor, id, body.findingIds);
  }

  @Roles(...rolesFor('documents.edit'))
  @ApiOperation({ summary: 'Split a finding into parts' })
  @ApiCreatedResponse({ type: [FindingResponse], description: 'The parts' })
  @Post(':id/findings/:findingId/split')
  splitFinding(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('findingId', ParseUUIDPipe) findingId: string,
    @Body() body: SplitFindingDto,
  ) {
    return this.documents.splitFinding(actor, id, findingId, body.parts);
  }

  @ApiOperation({ summary: 'The documents of your council, newest first' })
  @ApiOkResponse({ type: [DocumentListItemResponse] })
  @Get()
  list(@CurrentActor() actor: Authenticated) {
    return this.documents.list(actor.authorityId);
  }

  @ApiOperation({ summary: 'One document with its judgements and findings' })
  @ApiOkResponse({ type: DocumentResponse })
  @Get(':id')
  async get(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    const { body: _text, ...view } = await this.documents.get(actor.authorityId, id);
    return view;
  }

  @Roles(...rolesFor('documents.import'))
  @ApiOperation({ summary: 'Store a document given as JSON (the same content is stored once)' })
  @ApiCreatedResponse({ type: DocumentWithTextResponse })
  @Post()
  async create(@CurrentActor() actor: Authenticated, @Body() body: CreateDocumentDto) {
    return (await this.documents.create(actor, body)).document;
  }

  @Roles(...rolesFor('documents.edit'))
  @ApiOperation({ summary: 'Add a finding to a document' })
  @ApiCreatedResponse({ type: FindingResponse })
  @Post(':id/findings')
  addFinding(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: FindingDto) {
    return this.documents.addFinding(actor, id, body);
  }
}
