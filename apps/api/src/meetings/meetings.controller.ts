import { Body, Controller, Delete, Get, Inject, Param, ParseUUIDPipe, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, AppConfig } from '@app/config';
import {
  Authenticated,
  MeetingAgendaService,
  MeetingCancellationService,
  MeetingDecisionService,
  MeetingPackService,
  MeetingPlanClosureService,
  MeetingService,
  UserService,
} from '@app/core';
import { rolesFor } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { FILE_SCHEMA } from '../common/response-fields';
import {
  AgendaItemDto,
  AttendanceDto,
  CancelMeetingDto,
  ClosePlanDto,
  CreateMeetingDto,
  DecisionDto,
  MinutesDto,
  UpdateAgendaItemDto,
  UpdateMeetingDto,
} from './meetings.dto';
import { AgendaItemResponse, AgendaResponse, CancelledMeetingResponse, DecisionResponse, MeetingResponse, MeetingSummaryResponse } from './meetings.responses';
import { meetingInvitation } from './meeting-invitation';
import { packWorkbook } from './meeting-pack-workbook';

const PLAN = rolesFor('meeting.plan');
const DECIDE = rolesFor('meeting.decide');
const MINUTES = rolesFor('meeting.minutes');
const CANCEL = rolesFor('meeting.cancel');
const CLOSE_PLAN = rolesFor('meeting.closePlan');

@ApiTags('meetings')
@Controller('api/v1')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingService,
    private readonly agenda: MeetingAgendaService,
    private readonly decisions: MeetingDecisionService,
    private readonly packs: MeetingPackService,
    private readonly cancellations: MeetingCancellationService,
    private readonly closures: MeetingPlanClosureService,
    private readonly users: UserService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Roles(...PLAN)
  @Post('boards/:boardId/meetings')
  @ApiOperation({ summary: "Plan a board meeting about one of the board's plans; the board's members are invited" })
  @ApiCreatedResponse({ type: MeetingResponse })
  create(@CurrentActor() actor: Authenticated, @Param('boardId', ParseUUIDPipe) boardId: string, @Body() body: CreateMeetingDto) {
    return this.meetings.create(actor, boardId, body);
  }

  @Get('boards/:boardId/meetings')
  @ApiOperation({ summary: "The board's meetings, newest first" })
  @ApiOkResponse({ type: [MeetingSummaryResponse] })
  list(@CurrentActor() actor: Authenticated, @Param('boardId', ParseUUIDPipe) boardId: string) {
    return this.meetings.listForBoard(actor, boardId);
  }

  @Get('meetings/:id')
  @ApiOperation({ summary: 'A meeting with its agenda, attendance, decisions and minutes' })
  @ApiOkResponse({ type: MeetingResponse })
  get(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.meetings.get(actor, id);
  }

  @Roles(...PLAN)
  @Patch('meetings/:id')
  @ApiOperation({ summary: 'Move a meeting (date, time, length, place); invitations update' })
  @ApiOkResponse({ type: MeetingResponse })
  update(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateMeetingDto) {
    return this.meetings.update(actor, id, body);
  }

  @Roles(...CANCEL)
  @Post('meetings/:id/cancel')
  @ApiOperation({
    summary:
      "Cancel a planned meeting (its chair or the council's admin): invitations become cancellations, the invited are told, its agenda carries to the next meeting",
  })
  @ApiCreatedResponse({ type: CancelledMeetingResponse })
  cancel(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: CancelMeetingDto) {
    return this.cancellations.cancel(actor, id, body.reason);
  }

  @Roles(...CLOSE_PLAN)
  @Post('meetings/:id/close-plan')
  @ApiOperation({
    summary: "The board's decision to close the meeting's plan (the chair): its open actions carry over into the successor plan named (or a new one titled)",
  })
  @ApiCreatedResponse({ type: MeetingResponse })
  closePlan(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: ClosePlanDto) {
    return this.closures.closePlan(actor, id, { ...body, successorPlanId: body.successorPlanId ?? undefined });
  }

  @Roles(...PLAN)
  @Put('meetings/:id/attendance')
  @ApiOperation({ summary: 'Record who is invited, present or sent apologies: members of the council, or named guests' })
  @ApiOkResponse({ type: MeetingResponse })
  attendance(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: AttendanceDto) {
    return this.meetings.setAttendance(actor, id, body.attendees);
  }

  @Roles(...PLAN)
  @Post('meetings/:id/agenda/draft')
  @ApiOperation({ summary: "Draft (or re-draft) the agenda from the plan; the chair's edits are kept" })
  @ApiCreatedResponse({ type: AgendaResponse })
  draft(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.agenda.draft(actor, id);
  }

  @Roles(...PLAN)
  @Post('meetings/:id/agenda/items')
  @ApiOperation({ summary: 'Add an action, or an item that is not an action, to the agenda' })
  @ApiCreatedResponse({ type: AgendaItemResponse })
  addItem(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: AgendaItemDto) {
    return this.agenda.add(actor, id, body);
  }

  @Roles(...PLAN)
  @Patch('meetings/:id/agenda/items/:itemId')
  @ApiOperation({ summary: "Change an agenda item's section, presenter, minutes or place" })
  @ApiOkResponse({ type: AgendaItemResponse })
  updateItem(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: UpdateAgendaItemDto,
  ) {
    return this.agenda.update(actor, id, itemId, body);
  }

  @Roles(...PLAN)
  @Delete('meetings/:id/agenda/items/:itemId')
  @ApiOperation({ summary: 'Take an item off the agenda (re-drafting leaves it off)' })
  @ApiOkResponse({
    description: 'Taken off',
    schema: { type: 'object', required: ['removed'], properties: { removed: { type: 'string', format: 'uuid', description: 'The item taken off' } } },
  })
  removeItem(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string) {
    return this.agenda.remove(actor, id, itemId);
  }

  @Roles(...DECIDE)
  @Post('meetings/:id/decisions')
  @ApiOperation({ summary: "Record the board's decision on an action: verify, send back, extend, reassign, escalate or note; it acts on the action" })
  @ApiCreatedResponse({ type: DecisionResponse })
  decide(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: DecisionDto) {
    return this.decisions.record(actor, id, {
      ...body,
      ownerId: body.ownerId ?? undefined,
      managerId: body.managerId ?? undefined,
      escalateToId: body.escalateToId ?? undefined,
    });
  }

  @Roles(...DECIDE)
  @Post('meetings/:id/held')
  @ApiOperation({ summary: 'The meeting is over: items without a decision carry to the next meeting' })
  @ApiCreatedResponse({ type: MeetingResponse })
  held(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.meetings.markHeld(actor, id);
  }

  @Roles(...MINUTES)
  @Put('meetings/:id/minutes')
  @ApiOperation({ summary: "The chair's narrative for the minutes" })
  @ApiOkResponse({ type: MeetingResponse })
  minutes(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: MinutesDto) {
    return this.meetings.editMinutes(actor, id, body.narrative);
  }

  @Roles(...MINUTES)
  @Post('meetings/:id/minutes/approve')
  @ApiOperation({ summary: 'The chair approves the minutes: the meeting and its decisions are locked' })
  @ApiCreatedResponse({ type: MeetingResponse })
  approve(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.meetings.approveMinutes(actor, id);
  }

  @Get('meetings/:id/pack.xlsx')
  @ApiOperation({ summary: 'The board pack as a spreadsheet: counts, RAG over time, agenda with history, overdue actions' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'An XLSX workbook', ...FILE_SCHEMA })
  async pack(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Res() res: FastifyReply) {
    const pack = await this.packs.pack(actor, id);
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename="board-pack-${pack.meeting.date}.xlsx"`)
      .send(await packWorkbook(pack));
  }

  @Get('meetings/:id/invitation.ics')
  @ApiOperation({ summary: 'The meeting as a calendar invitation (updated or cancelled when it moves)' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'An iCalendar file', ...FILE_SCHEMA })
  async invitation(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Res() res: FastifyReply) {
    const meeting = await this.meetings.get(actor, id);
    const chair = meeting.board?.chairId ? await this.users.get(actor.authorityId, meeting.board.chairId).catch(() => null) : null;
    const organizer = chair && { name: chair.displayName, email: chair.email };
    res
      .type('text/calendar; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="meeting-${meeting.date}.ics"`)
      .send(meetingInvitation(meeting, this.config.publicUrl, organizer));
  }
}
