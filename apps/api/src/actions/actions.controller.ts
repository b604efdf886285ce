import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ActionService, Authenticated, badRequest, EvidenceService } from '@app/core';
import { CurrentActor } from '../common/decorators';
import { FILE_SCHEMA } from '../common/response-fields';
import {
  ActionListQuery,
  ChangeStatusDto,
  CreateActionDto,
  FileEvidenceDto,
  LinkEvidenceDto,
  MilestoneDoneDto,
  MilestoneDto,
  NoteDto,
  NoteEvidenceDto,
  UpdateActionDto,
  VerifyDto,
} from './actions.dto';
import {
  ActionDetailsResponse,
  ActionPageResponse,
  ActionResponse,
  EvidenceResponse,
  MilestoneResponse,
  ProgressNoteResponse,
  TimelineEntryResponse,
} from './actions.responses';

/** The part of an upload (the file interceptor's) we use. */
interface UploadedBytes {
  originalname: string;
  buffer: Buffer;
}

@ApiTags('actions')
@Controller('api/v1')
export class ActionsController {
  constructor(
    private readonly actions: ActionService,
    private readonly evidence: EvidenceService,
  ) {}

  @ApiOperation({ summary: 'Actions across your plans, filtered and paged' })
  @ApiOkResponse({ type: ActionPageResponse })
  @Get('actions')
  list(@CurrentActor() actor: Authenticated, @Query() query: ActionListQuery) {
    return this.actions.list(actor, query);
  }

  @ApiOperation({ summary: 'The actions you own, filtered and paged' })
  @ApiOkResponse({ type: ActionPageResponse })
  @Get('me/actions')
  mine(@CurrentActor() actor: Authenticated, @Query() query: ActionListQuery) {
    return this.actions.list(actor, { ...query, ownerId: actor.userId });
  }

  @ApiOperation({ summary: 'Add an action to a plan' })
  @ApiCreatedResponse({ type: ActionResponse })
  @Post('plans/:planId/actions')
  create(@CurrentActor() actor: Authenticated, @Param('planId', ParseUUIDPipe) planId: string, @Body() body: CreateActionDto) {
    return this.actions.create(actor, planId, body);
  }

  @ApiOperation({ summary: 'One action with its findings, milestones, notes, evidence, due-date history and measures' })
  @ApiOkResponse({ type: ActionDetailsResponse })
  @Get('actions/:id')
  get(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.actions.get(actor, id);
  }

  @ApiOperation({ summary: 'Change an action’s fields (send the version you read)' })
  @ApiOkResponse({ type: ActionResponse })
  @Patch('actions/:id')
  update(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateActionDto) {
    return this.actions.update(actor, id, body);
  }

  @ApiOperation({ summary: 'Move an action to another status' })
  @ApiCreatedResponse({ type: ActionResponse })
  @Post('actions/:id/status')
  changeStatus(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: ChangeStatusDto) {
    return this.actions.changeStatus(actor, id, body);
  }

  /** The board's decision that the evidence shows the action is done: closes it. */
  @ApiOperation({ summary: 'Verify an action: the board accepts the evidence and closes it' })
  @ApiCreatedResponse({ type: ActionResponse })
  @Post('actions/:id/verify')
  verify(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: VerifyDto) {
    return this.actions.changeStatus(actor, id, { version: body.version, status: 'verified', reason: body.comment });
  }

  @ApiOperation({ summary: 'An action’s audit trail, oldest first' })
  @ApiOkResponse({ type: [TimelineEntryResponse] })
  @Get('actions/:id/timeline')
  timeline(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.actions.timeline(actor, id);
  }

  @ApiOperation({ summary: 'Add a progress note' })
  @ApiCreatedResponse({ type: ProgressNoteResponse })
  @Post('actions/:id/notes')
  addNote(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: NoteDto) {
    return this.actions.addNote(actor, id, body.body);
  }

  @ApiOperation({ summary: 'Add a milestone' })
  @ApiCreatedResponse({ type: MilestoneResponse })
  @Post('actions/:id/milestones')
  addMilestone(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: MilestoneDto) {
    return this.actions.addMilestone(actor, id, body.title, body.dueDate ?? null, body.done ?? false);
  }

  @ApiOperation({ summary: 'Mark a milestone reached, or not' })
  @ApiOkResponse({ type: MilestoneResponse })
  @Patch('actions/:id/milestones/:milestoneId')
  setMilestoneDone(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('milestoneId', ParseUUIDPipe) milestoneId: string,
    @Body() body: MilestoneDoneDto,
  ) {
    return this.actions.setMilestoneDone(actor, id, milestoneId, body.done);
  }

  @ApiOperation({ summary: 'Upload a file as evidence' })
  @ApiCreatedResponse({ type: EvidenceResponse })
  @Post('actions/:id/evidence')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, title: { type: 'string' } } } })
  @UseInterceptors(FileInterceptor('file'))
  addFileEvidence(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: UploadedBytes | undefined,
    @Body() body: FileEvidenceDto,
  ) {
    if (!file) throw badRequest('file_required', 'Attach the evidence file in the "file" field of a multipart form');
    return this.evidence.addFile(actor, id, { title: body.title, originalName: file.originalname, bytes: file.buffer });
  }

  @ApiOperation({ summary: 'Add a link as evidence' })
  @ApiCreatedResponse({ type: EvidenceResponse })
  @Post('actions/:id/evidence/link')
  addLinkEvidence(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: LinkEvidenceDto) {
    return this.evidence.addLink(actor, id, body.title, body.url);
  }

  @ApiOperation({ summary: 'Add a note as evidence' })
  @ApiCreatedResponse({ type: EvidenceResponse })
  @Post('actions/:id/evidence/note')
  addNoteEvidence(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: NoteEvidenceDto) {
    return this.evidence.addNote(actor, id, body.title, body.note);
  }

  @ApiOperation({ summary: 'Download an evidence file' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file as uploaded; Content-Type is its type as read on upload', ...FILE_SCHEMA })
  @Get('actions/:id/evidence/:evidenceId/file')
  async download(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('evidenceId', ParseUUIDPipe) evidenceId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { evidence, bytes } = await this.evidence.open(actor, id, evidenceId);
    res.header('Content-Type', evidence.mimeType ?? 'application/octet-stream');
    res.header('Content-Disposition', `attachment; filename="${evidence.fileName}"`);
    return new StreamableFile(bytes);
  }
}
