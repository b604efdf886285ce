import { Body, Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Authenticated, MeetingPackService, MeetingService, subjectOf } from '@app/core';
import { ACTION_STATUSES, may, RAGS, rolesFor } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { MinutesDto } from '../meetings/meetings.dto';
import { barChart } from './bar-chart';
import { FormPost, PageRequest } from './csrf';
import { checkForm, FormErrors } from './form-errors';
import { ragOverTime } from './meeting-chart';
import { PageErrorFilter } from './page-error.filter';
import { field, queryValue } from './page-query';
import { RAG_COLOURS, RAG_LABELS, STATUS_LABELS } from './page-labels';
import { PageRenderer } from './page-renderer';

const SAVED: Record<string, string> = {
  held: 'The meeting is marked held. Items without a decision will carry to the next meeting.',
  narrative: 'The narrative has been saved.',
  approved: 'The minutes are approved and locked.',
};

/** A meeting's minutes (the chair writes the narrative and approves them) and its printable board pack. */
@Controller('meetings')
@UseFilters(PageErrorFilter)
export class MeetingMinutesPagesController {
  constructor(
    private readonly meetings: MeetingService,
    private readonly packs: MeetingPackService,
    private readonly pages: PageRenderer,
  ) {}

  @Get(':id/minutes')
  async minutes(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.minutesPage(actor, id, req, res, null, new FormErrors());
  }

  @Roles(...rolesFor('meeting.minutes'))
  @FormPost(':id/minutes')
  async saveNarrative(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const narrative = field(body, 'narrative');
    const { errors } = checkForm(
      MinutesDto,
      { narrative: narrative || ' ' },
      { narrative: { field: 'narrative', invalid: 'The narrative must be 20,000 characters or fewer' } },
    );
    if (errors.any) return this.minutesPage(actor, id, req, res, narrative, errors, 400);
    await this.meetings.editMinutes(actor, id, narrative);
    res.redirect(`/meetings/${id}/minutes?saved=narrative`, 303);
  }

  @Roles(...rolesFor('meeting.minutes'))
  @FormPost(':id/approve')
  async approve(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Res() res: FastifyReply) {
    await this.meetings.approveMinutes(actor, id);
    res.redirect(`/meetings/${id}/minutes?saved=approved`, 303);
  }

  @Get(':id/pack')
  async pack(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const pack = await this.packs.pack(actor, id);
    const ragBars = RAGS.map((r) => ({ label: RAG_LABELS[r], count: pack.counts.byRag[r] ?? 0, colour: RAG_COLOURS[r] }));
    const statusBars = ACTION_STATUSES.map((s) => ({ label: STATUS_LABELS[s], count: pack.counts.byStatus[s] ?? 0, colour: '#505a5f' }));
    await this.pages.render(req, res, 'meetings/pack.njk', {
      pageTitle: `Board pack, ${pack.meeting.date}`,
      pack,
      meeting: pack.meeting,
      ragChart: barChart('pack-rag', 'Actions by RAG rating', ragBars),
      ragBars,
      statusChart: barChart('pack-status', 'Actions by status', statusBars),
      statusBars,
      historyChart: ragOverTime('pack-history', pack.ragHistory),
      rags: RAGS.map((r) => ({ key: r, label: RAG_LABELS[r] })),
      canPlanNext: may(subjectOf(actor), 'meeting.plan'),
    });
  }

  private async minutesPage(actor: Authenticated, id: string, req: PageRequest, res: FastifyReply, narrative: string | null, errors: FormErrors, status = 200) {
    const meeting = await this.meetings.get(actor, id);
    const subject = subjectOf(actor);
    await this.pages.render(
      req,
      res,
      'meetings/minutes.njk',
      {
        pageTitle: `Minutes, ${meeting.date}`,
        meeting,
        paragraphs: meeting.minutes.draft.split('\n'),
        success: SAVED[queryValue(req, 'saved') ?? ''],
        narrative: narrative ?? meeting.minutes.narrative ?? '',
        canWrite: meeting.open && may(subject, 'meeting.minutes'),
        canApprove: meeting.open && meeting.status !== 'planned' && may(subject, 'meeting.minutes'),
        canClose: meeting.open && meeting.status !== 'held' && may(subject, 'meeting.decide'),
        canPlanNext: may(subject, 'meeting.plan'),
        ...errors.view(),
      },
      status,
    );
  }
}
