import { Body, Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  Authenticated,
  MeetingAgendaService,
  MeetingCancellationService,
  MeetingDecisionService,
  MeetingPlanClosureService,
  MeetingService,
  MeetingView,
  PlanService,
  subjectOf,
} from '@app/core';
import { ATTENDANCE, Attendance, DECISION_KINDS, may, rolesFor } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { CancelMeetingDto, ClosePlanDto, CreateMeetingDto, DecisionDto } from '../meetings/meetings.dto';
import { FormPost, PageRequest } from './csrf';
import { dateFromParts, dateItems } from './date-field';
import { attempt, checkForm, FormErrors, notFoundProblem } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field, queryValue } from './page-query';
import { PageRenderer } from './page-renderer';
import { PeopleDirectory } from './people-directory';

const SAVED: Record<string, string> = {
  created: 'The meeting is planned and the board members are invited.',
  drafted: 'The agenda has been drafted. Items you changed or added are kept as they were.',
  attendance: 'The attendance has been recorded.',
  decision: 'The decision has been recorded and the owner told.',
  held: 'The meeting is marked held. Items without a decision will carry to the next meeting.',
  item: 'The agenda has been changed.',
  cancelled: 'The meeting is cancelled. The people invited have been told, and its agenda carries to the next meeting.',
  closed: "The board's decision is recorded: the plan is closed and its open actions carried into the successor plan.",
};

/** What each reminder the agenda's "who has been told" lists is, in words. */
export const TOLD_LABELS: Record<string, string> = {
  before_due: 'reminder before the due date',
  due_today: 'reminder on the due date',
  overdue: 'overdue notice',
  escalation_manager: 'escalation to the manager',
  escalation_chair: 'escalation to the board chair',
};

const CANCEL_WORDING = {
  reason: { field: 'cancelReason', missing: 'Say why the meeting is cancelled', invalid: 'The reason must be 2,000 characters or fewer' },
};

const CLOSE_WORDING = {
  successorPlanId: { field: 'successorPlanId', invalid: 'Choose the successor plan from the list' },
  title: { field: 'successorTitle', invalid: "The new plan's title must be 300 characters or fewer" },
  comment: { field: 'closeComment', missing: "Give the board's reasons for closing the plan", invalid: 'The reasons must be 2,000 characters or fewer' },
};

export const DECISION_LABELS: Record<(typeof DECISION_KINDS)[number], string> = {
  verify: 'Verify: the evidence shows it is done',
  send_back: 'Send back to the owner',
  extend: 'Extend the due date',
  reassign: 'Reassign',
  escalate: 'Escalate',
  note: 'Note progress',
};

const DECISION_WORDING = {
  actionId: { field: 'actionId', missing: 'Choose the action the decision is about', invalid: 'Choose the action from the list' },
  kind: { field: 'kind', missing: 'Choose the decision', invalid: 'Choose the decision from the list' },
  comment: { field: 'comment', invalid: 'The comment must be 2,000 characters or fewer' },
  ownerId: { field: 'ownerId', invalid: 'Choose the new owner from the list' },
  managerId: { field: 'managerId', invalid: 'Choose the new manager from the list' },
  escalateToId: { field: 'escalateToId', invalid: 'Choose the person from the list' },
};

const MEETING_WORDING = {
  planId: { field: 'planId', missing: 'Choose the plan the meeting is about', invalid: 'Choose the plan from the list' },
  startTime: { field: 'startTime', invalid: 'Enter the start time on the 24-hour clock, like 10:00' },
  place: { field: 'place', invalid: 'The place must be 300 characters or fewer' },
};

/** Board meetings in the browser: the list, planning one, its agenda, attendance and the decisions recorded at it. */
@Controller('meetings')
@UseFilters(PageErrorFilter)
export class MeetingPagesController {
  constructor(
    private readonly meetings: MeetingService,
    private readonly agenda: MeetingAgendaService,
    private readonly decisions: MeetingDecisionService,
    private readonly cancellations: MeetingCancellationService,
    private readonly closures: MeetingPlanClosureService,
    private readonly plans: PlanService,
    private readonly directory: PeopleDirectory,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  async list(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.listPage(actor, req, res, {}, new FormErrors());
  }

  @Roles(...rolesFor('meeting.plan'))
  @FormPost('')
  async create(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply, @Body() body: Record<string, unknown>) {
    const date = dateFromParts(body, 'date', 'The date of the meeting');
    const values = { planId: field(body, 'planId'), startTime: field(body, 'startTime'), place: field(body, 'place') };
    const { errors } = checkForm(CreateMeetingDto, values, MEETING_WORDING);
    if (!date.value) errors.add('date-day', date.error ?? 'Enter the date of the meeting');
    const form = { ...values, ...pickDate(body, 'date') };
    if (errors.any) return this.listPage(actor, req, res, form, errors, 400);
    const plan = await this.plans.get(actor.authorityId, values.planId).catch(() => null);
    if (!plan) return this.listPage(actor, req, res, form, FormErrors.of('planId', 'Choose the plan from the list'), 400);
    const result = await attempt(() => this.meetings.create(actor, plan.boardId, { ...values, place: values.place || undefined, date: date.value! }), 'planId');
    if (result.errors) return this.listPage(actor, req, res, form, result.errors, 400);
    res.redirect(`/meetings/${result.value.id}?saved=created`, 303);
  }

  @Get(':id')
  async show(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    // Links from before the decision form had a page of its own (/meetings/:id?actionId=…#decision) still reach it.
    const actionId = queryValue(req, 'actionId');
    const everyone = queryValue(req, 'people') === 'all';
    if ((actionId || everyone) && may(subjectOf(actor), 'meeting.decide')) return res.redirect(decisionHref(id, actionId, everyone), 303);
    await this.agendaPage(actor, id, req, res, {}, new FormErrors());
  }

  @Roles(...rolesFor('meeting.decide'))
  @Get(':id/decision')
  async decisionForm(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const values = { actionId: queryValue(req, 'actionId') ?? '', people: queryValue(req, 'people') ?? '' };
    await this.decisionPage(actor, id, req, res, values, new FormErrors());
  }

  @Roles(...rolesFor('meeting.closePlan'))
  @Get(':id/close-plan')
  async closePlanForm(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.closePlanPage(actor, id, req, res, {}, new FormErrors());
  }

  @Roles(...rolesFor('meeting.plan'))
  @FormPost(':id/agenda')
  async draft(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Res() res: FastifyReply) {
    await this.agenda.draft(actor, id);
    res.redirect(`/meetings/${id}?saved=drafted#agenda`, 303);
  }

  @Roles(...rolesFor('meeting.plan'))
  @FormPost(':id/attendance')
  async attendance(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const meeting = await this.meetings.get(actor, id);
    const choice = (name: string, fallback: Attendance): Attendance => {
      const value = field(body, name);
      return (ATTENDANCE as readonly string[]).includes(value) ? (value as Attendance) : fallback;
    };
    const entries = meeting.attendance.map((a) =>
      a.userId ? { userId: a.userId, attendance: choice(`attendance-${a.id}`, a.attendance) } : { guestName: a.guestName!, attendance: a.attendance },
    );
    const guest = field(body, 'guestName').slice(0, 200);
    if (guest) entries.push({ guestName: guest, attendance: 'present' });
    await this.meetings.setAttendance(actor, id, entries);
    res.redirect(`/meetings/${id}?saved=attendance#attendance`, 303);
  }

  @Roles(...rolesFor('meeting.decide'))
  @FormPost(':id/decisions')
  async decide(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const values = Object.fromEntries(['actionId', 'kind', 'comment', 'ownerId', 'managerId', 'escalateToId'].map((k) => [k, field(body, k)]));
    const due = dateFromParts(body, 'dueDate', 'The new due date');
    const { input, errors } = checkForm(DecisionDto, values, DECISION_WORDING);
    if (due.error) errors.add('dueDate-day', due.error);
    // people=all: the form offered everyone in the council, and offers them again if it comes back.
    const form = { ...values, ...pickDate(body, 'dueDate'), people: field(body, 'people') };
    if (errors.any) return this.decisionPage(actor, id, req, res, form, errors, 400);
    const fieldOf = (p: { code: string }) =>
      ({ due_date_required: 'dueDate-day', evidence_required: 'actionId', person_required: 'ownerId', not_a_member: 'ownerId' })[p.code] ?? 'comment';
    const result = await attempt(
      () => this.decisions.record(actor, id, { ...input, dueDate: due.value ?? undefined, comment: input.comment ?? '' }),
      fieldOf,
      notFoundProblem,
    );
    if (result.errors) return this.decisionPage(actor, id, req, res, form, result.errors, 400);
    res.redirect(`/meetings/${id}?saved=decision#decisions`, 303);
  }

  @Roles(...rolesFor('meeting.decide'))
  @FormPost(':id/held')
  async held(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Res() res: FastifyReply) {
    await this.meetings.markHeld(actor, id);
    res.redirect(`/meetings/${id}/minutes?saved=held`, 303);
  }

  @Roles(...rolesFor('meeting.cancel'))
  @FormPost(':id/cancel')
  async cancel(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const values = { reason: field(body, 'cancelReason') };
    const { input, errors } = checkForm(CancelMeetingDto, values, CANCEL_WORDING);
    const form = { cancelReason: values.reason };
    if (errors.any) return this.agendaPage(actor, id, req, res, form, errors, 400);
    const result = await attempt(() => this.cancellations.cancel(actor, id, input.reason), 'cancelReason');
    if (result.errors) return this.agendaPage(actor, id, req, res, form, result.errors, 400);
    res.redirect(`/meetings/${id}?saved=cancelled`, 303);
  }

  @Roles(...rolesFor('meeting.closePlan'))
  @FormPost(':id/close-plan')
  async closePlan(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const values = { successorPlanId: field(body, 'successorPlanId'), title: field(body, 'successorTitle'), comment: field(body, 'closeComment') };
    const { input, errors } = checkForm(ClosePlanDto, values, CLOSE_WORDING);
    const form = { successorPlanId: values.successorPlanId, successorTitle: values.title, closeComment: values.comment };
    if (errors.any) return this.closePlanPage(actor, id, req, res, form, errors, 400);
    const fieldOf = (p: { code: string }) => (p.code === 'comment_required' ? 'closeComment' : 'successorPlanId');
    const result = await attempt(
      () => this.closures.closePlan(actor, id, { ...input, successorPlanId: input.successorPlanId || undefined }),
      fieldOf,
      notFoundProblem,
    );
    if (result.errors) return this.closePlanPage(actor, id, req, res, form, result.errors, 400);
    res.redirect(`/meetings/${id}?saved=closed#plan-decisions`, 303);
  }

  private async listPage(actor: Authenticated, req: PageRequest, res: FastifyReply, values: Record<string, string>, errors: FormErrors, status = 200) {
    const page = pageNumber(queryValue(req, 'page'));
    const canPlan = may(subjectOf(actor), 'meeting.plan');
    // The plans only fill the form to plan a meeting; each listed meeting brings its plan's title.
    const [meetings, plans] = await Promise.all([this.meetings.listPage(actor, page), canPlan ? this.plans.list(actor.authorityId) : []]);
    await this.pages.render(
      req,
      res,
      'meetings/list.njk',
      {
        pageTitle: page > 1 ? `Board meetings, page ${page}` : 'Board meetings',
        ...meetings,
        olderHref: meetings.hasOlder ? `/meetings?page=${page + 1}#earlier` : null,
        newerHref: page > 2 ? `/meetings?page=${page - 1}#earlier` : page === 2 ? '/meetings' : null,
        canPlan,
        planItems: [
          { value: '', text: 'Choose a plan' },
          ...plans.filter((p) => p.status === 'active').map((p) => ({ value: p.id, text: p.title, selected: p.id === values.planId })),
        ],
        values: { startTime: '10:00', ...values },
        dateItems: dateItems('date', values, !!errors.view().errors['date-day']),
        ...errors.view(),
      },
      status,
    );
  }

  /**
   * Whom the decision form offers as new owner, manager or person escalated to: the plan's people and the
   * board (MeetingDecisionService.peopleToOffer), or (asked for, or when someone else was chosen) everyone active in the council.
   */
  private async peopleToOffer(actor: Authenticated, meeting: MeetingView, values: Record<string, string>, askedForEveryone: boolean) {
    if (!askedForEveryone) {
      const offered = await this.decisions.peopleToOffer(actor, meeting.plan.id, meeting.board.id);
      const chosen = [values.ownerId, values.managerId, values.escalateToId].filter((v) => !!v);
      if (chosen.every((id) => offered.some((p) => p.id === id))) return { people: offered, everyone: false };
    }
    return { people: await this.directory.activePeople(actor.authorityId), everyone: true };
  }

  private async agendaPage(
    actor: Authenticated,
    id: string,
    req: PageRequest,
    res: FastifyReply,
    values: Record<string, string>,
    errors: FormErrors,
    status = 200,
  ) {
    const meeting = await this.meetings.get(actor, id);
    const subject = subjectOf(actor);
    const open = meeting.open;
    const isChair = meeting.board.chairId === actor.userId;
    await this.pages.render(
      req,
      res,
      'meetings/agenda.njk',
      {
        pageTitle: `Board meeting, ${meeting.date}`,
        meeting,
        success: SAVED[queryValue(req, 'saved') ?? ''],
        decisionLabels: DECISION_LABELS,
        canPlan: open && may(subject, 'meeting.plan'),
        canPlanNext: may(subject, 'meeting.plan'),
        canDecide: open && may(subject, 'meeting.decide'),
        canCancel: meeting.status === 'planned' && may(subject, 'meeting.cancel') && (isChair || actor.roles.includes('admin')),
        canClosePlan: closesPlan(actor, meeting),
        toldLabels: TOLD_LABELS,
        values,
        ...errors.view(),
      },
      status,
    );
  }

  /**
   * The form to close the meeting's plan, on a page of its own: it offers the council's plans as successors,
   * which the agenda, read at every meeting, need not read.
   */
  private async closePlanPage(
    actor: Authenticated,
    id: string,
    req: PageRequest,
    res: FastifyReply,
    values: Record<string, string>,
    errors: FormErrors,
    status = 200,
  ) {
    const meeting = await this.meetings.get(actor, id);
    const canClosePlan = closesPlan(actor, meeting);
    const plans = canClosePlan ? await this.plans.list(actor.authorityId) : [];
    await this.pages.render(
      req,
      res,
      'meetings/close-plan.njk',
      {
        pageTitle: `Close the plan, board meeting ${meeting.date}`,
        meeting,
        canClosePlan,
        whyNot: canClosePlan ? null : whyPlanStaysOpen(actor, meeting),
        successorItems: [
          { value: '', text: 'A new plan (give its title below)' },
          ...plans
            .filter((p) => p.id !== meeting.plan.id && p.status !== 'closed')
            .map((p) => ({ value: p.id, text: p.title, selected: p.id === values.successorPlanId })),
        ],
        values,
        ...errors.view(canClosePlan),
      },
      status,
    );
  }

  /**
   * The form for a decision on one of the agenda's actions, on a page of its own: its lists of people are the
   * plan's (a hundred or more in a large council), which the agenda, read far more often, need not carry.
   */
  private async decisionPage(
    actor: Authenticated,
    id: string,
    req: PageRequest,
    res: FastifyReply,
    values: Record<string, string>,
    errors: FormErrors,
    status = 200,
  ) {
    const meeting = await this.meetings.get(actor, id);
    // A cancelled meeting, or one whose minutes are approved, takes no decisions: the page only says so.
    const offered = meeting.open ? await this.peopleToOffer(actor, meeting, values, values.people === 'all') : { people: [], everyone: false };
    const view = errors.view(meeting.open);
    await this.pages.render(
      req,
      res,
      'meetings/decision.njk',
      {
        pageTitle: `Record a decision, board meeting ${meeting.date}`,
        meeting,
        values,
        offersEveryone: offered.everyone,
        everyoneHref: decisionHref(id, values.actionId, true),
        actionItems: [
          { value: '', text: 'Choose an action' },
          ...meeting.agenda.items
            .filter((i) => i.action)
            .map((i) => ({ value: i.action!.id, text: `${i.action!.ref} ${i.action!.title}`.slice(0, 120), selected: i.action!.id === values.actionId })),
        ],
        kindItems: DECISION_KINDS.map((k) => ({ value: k, text: DECISION_LABELS[k], checked: values.kind === k })),
        people: offered.people.map((p) => ({ id: p.id, name: p.displayName })),
        dueDateItems: dateItems('dueDate', values, !!view.errors['dueDate-day']),
        // Closed meanwhile (a decision posted as the meeting was cancelled): no form for the summary to link to.
        ...view,
      },
      status,
    );
  }
}

/** Whether the actor may close the meeting's plan there: the board's chair, at a meeting still open, of a plan still active. */
function closesPlan(actor: Authenticated, meeting: MeetingView): boolean {
  return meeting.open && meeting.board.chairId === actor.userId && meeting.plan.status === 'active' && may(subjectOf(actor), 'meeting.closePlan');
}

/** Why the close-plan page offers no form, in the board's words. */
function whyPlanStaysOpen(actor: Authenticated, meeting: MeetingView): string {
  if (meeting.plan.status !== 'active') return `${meeting.plan.title} is ${meeting.plan.status === 'closed' ? 'already closed' : 'not active'}.`;
  if (!meeting.open) return `This meeting ${meeting.status === 'cancelled' ? 'was cancelled' : 'has its minutes approved'}.`;
  return `Only the chair of the ${meeting.board.name} closes its plan at a meeting.`;
}

/** The decision form's page, with an action chosen and everyone in the council offered if asked. */
function decisionHref(meetingId: string, actionId: string | undefined, everyone: boolean): string {
  const query = new URLSearchParams({ ...(everyone ? { people: 'all' } : {}), ...(actionId ? { actionId } : {}) }).toString();
  return `/meetings/${meetingId}/decision${query ? `?${query}` : ''}`;
}

/** The page of a list asked for: a whole number from 1, else the first. */
function pageNumber(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

function pickDate(body: unknown, prefix: string): Record<string, string> {
  return Object.fromEntries(['day', 'month', 'year'].map((p) => [`${prefix}-${p}`, field(body, `${prefix}-${p}`)]));
}
