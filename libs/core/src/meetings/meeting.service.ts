import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  agendaReasonLabel,
  Attendance,
  compareRefs,
  daysOverdue,
  describeSeries,
  fullActionText,
  meetingDayHasCome,
  nextInSeries,
  seriesRuleOf,
} from '@app/domain';
import { AgendaItem, Meeting, MeetingPlanClosure } from '@app/database/entities';
import { BoardRepositories } from '@app/database/repositories/board.repository';
import { ListedMeeting, MeetingRepositories } from '@app/database/repositories/meeting.repository';
import { PeopleRepositories } from '@app/database/repositories/people.repository';
import { Transactions } from '@app/database/transactions';
import { actionSummary } from '../actions/action-summary';
import { ActionRepositories } from '../actions/action.repository';
import { AppError, badRequest, notFound } from '../app-error';
import { Clock } from '../clock';
import { newId } from '../ids';
import { PlanService } from '../plans/plan.service';
import { Actor, authorize } from '../request-context';
import { ACTION_NOTIFICATIONS_READERS, ActionNotificationsReader, whoHasBeenTold } from './action-notifications';
import { assertSitsOnBoard, MeetingAccess, notAMember } from './meeting-access';
import { itemTitle, itemView } from './meeting-agenda.service';
import { decisionView } from './meeting-decisions.service';
import { draftMinutes } from './meeting-minutes';

export interface NewMeeting {
  date: string;
  planId: string;
  startTime?: string;
  durationMinutes?: number;
  place?: string;
}

/** How many earlier meetings the list shows a page at a time, newest first (the upcoming ones head its first page). */
export const EARLIER_MEETINGS_PER_PAGE = 12;
/** Upcoming meetings the list shows at most: every one in practice (a council plans months ahead); the bound keeps a page finite. */
const UPCOMING_MEETINGS_AT_MOST = 1000;

export type MeetingChanges = Partial<Omit<NewMeeting, 'planId'>>;

export interface AttendanceEntry {
  userId?: string;
  guestName?: string;
  attendance: Attendance;
}

/** Board meetings: planning one, its attendance, reading it whole, and its minutes up to approval (which locks it). */
@Injectable()
export class MeetingService {
  constructor(
    private readonly transactions: Transactions,
    private readonly meetings: MeetingRepositories,
    private readonly boards: BoardRepositories,
    private readonly people: PeopleRepositories,
    private readonly plans: PlanService,
    private readonly actionRepositories: ActionRepositories,
    private readonly access: MeetingAccess,
    private readonly clock: Clock,
    @Optional() @Inject(ACTION_NOTIFICATIONS_READERS) private readonly readers: ActionNotificationsReader[] = [],
  ) {}

  async create(actor: Actor, boardId: string, input: NewMeeting) {
    authorize(actor, 'meeting.plan');
    return this.transactions.run(async () => {
      const board = await this.boards.for(actor.authorityId).withMembers(boardId);
      if (!board) throw notFound('Board');
      assertSitsOnBoard(actor, board, true);
      const plan = await this.plans.get(actor.authorityId, input.planId);
      if (plan.boardId !== board.id) throw badRequest('other_board', "That plan is another board's: choose one of this board's plans.");
      const now = this.clock.nowIso();
      const meeting = await this.meetings.for(actor.authorityId).insert({
        id: newId(),
        boardId,
        planId: plan.id,
        date: input.date,
        startTime: input.startTime ?? '10:00',
        durationMinutes: input.durationMinutes ?? 120,
        place: input.place?.trim() || 'To be confirmed',
        status: 'planned',
        minutesNarrative: null,
        minutesText: null,
        minutesApprovedAt: null,
        minutesApprovedById: null,
        sequence: 0,
        cancelReason: null,
        createdAt: now,
        updatedAt: now,
      });
      const invited = [...new Set([...(board.chairId ? [board.chairId] : []), ...board.memberIds])];
      await this.meetings.for(actor.authorityId).replaceAttendees(
        meeting.id,
        invited.map((userId) => ({ id: newId(), userId, guestName: null, attendance: 'invited' as const })),
      );
      await this.access.record(actor, meeting.id, 'meeting_created', meeting);
      return this.get(actor, meeting.id);
    });
  }

  async listForBoard(actor: Actor, boardId: string) {
    if (!(await this.boards.for(actor.authorityId).get(boardId))) throw notFound('Board');
    return (await this.meetings.for(actor.authorityId).forBoard(boardId)).map(meetingFields);
  }

  /**
   * The council's meetings as the list shows them, in one statement: on the first page those from today on,
   * soonest first; on every page a page of earlier ones, newest first, and whether there are older ones.
   */
  async listPage(actor: Actor, page: number) {
    const today = this.clock.today();
    const perPage = EARLIER_MEETINGS_PER_PAGE;
    const rows = await this.meetings.for(actor.authorityId).listed(today, page === 1 ? UPCOMING_MEETINGS_AT_MOST : 0, perPage + 1, (page - 1) * perPage);
    const view = (m: ListedMeeting) => ({ ...meetingFields(m), boardName: m.boardName, planTitle: m.planTitle });
    const when = (m: ListedMeeting) => `${m.date} ${m.startTime} ${m.id}`;
    const earlier = rows.filter((m) => m.date < today).sort((a, b) => when(b).localeCompare(when(a)));
    return {
      upcoming: rows
        .filter((m) => m.date >= today)
        .sort((a, b) => when(a).localeCompare(when(b)))
        .map(view),
      earlier: earlier.slice(0, perPage).map(view),
      page,
      hasOlder: earlier.length > perPage,
    };
  }

  listForPlan(actor: Actor, planId: string) {
    return this.meetings
      .for(actor.authorityId)
      .forPlan(planId)
      .then((rows) => rows.map(meetingFields));
  }

  async update(actor: Actor, id: string, changes: MeetingChanges) {
    authorize(actor, 'meeting.plan');
    return this.transactions.run(async () => {
      const meeting = await this.access.loadForBoard(actor, id, true);
      const next = { ...changes, place: changes.place?.trim() || undefined };
      const set = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined));
      await this.meetings.for(actor.authorityId).update(id, { ...set, sequence: meeting.sequence + 1, updatedAt: this.clock.nowIso() });
      await this.access.record(actor, id, 'meeting_changed', set, { date: meeting.date, startTime: meeting.startTime, place: meeting.place });
      return this.get(actor, id);
    });
  }

  async setAttendance(actor: Actor, id: string, entries: AttendanceEntry[]) {
    authorize(actor, 'meeting.plan');
    return this.transactions.run(async () => {
      const meeting = await this.access.loadForBoard(actor, id, true);
      const people = this.people.for(actor.authorityId);
      for (const e of entries) {
        if (!!e.userId === !!e.guestName?.trim())
          throw badRequest('attendee', 'Each attendee is either a person of the council (userId) or a named guest (guestName), not both.');
        if (e.userId && !(await people.isMember(e.userId))) throw notAMember('An attendee is not a person in this council: add them as a named guest.');
      }
      const rows = entries.map((e) => ({ id: newId(), userId: e.userId ?? null, guestName: e.guestName?.trim() ?? null, attendance: e.attendance }));
      await this.meetings.for(actor.authorityId).replaceAttendees(id, rows);
      if (meeting.status === 'planned' && entries.some((e) => e.attendance === 'present'))
        await this.meetings.for(actor.authorityId).update(id, { status: 'in_progress', updatedAt: this.clock.nowIso() });
      await this.access.record(actor, id, 'attendance_recorded', rows);
      return this.get(actor, id);
    });
  }

  /** The meeting is over: no more items will be reached, the minutes can be approved. */
  async markHeld(actor: Actor, id: string) {
    authorize(actor, 'meeting.decide');
    return this.transactions.run(async () => {
      const meeting = await this.access.loadForBoard(actor, id);
      this.assertDayHasCome(meeting, 'it cannot be marked held');
      if (meeting.status !== 'held') await this.meetings.for(actor.authorityId).update(id, { status: 'held', updatedAt: this.clock.nowIso() });
      await this.access.record(actor, id, 'meeting_held', { status: 'held' }, { status: meeting.status });
      return this.get(actor, id);
    });
  }

  async editMinutes(actor: Actor, id: string, narrative: string) {
    authorize(actor, 'meeting.minutes');
    return this.transactions.run(async () => {
      const meeting = await this.access.loadForBoard(actor, id);
      await this.meetings.for(actor.authorityId).update(id, { minutesNarrative: narrative.trim() || null, updatedAt: this.clock.nowIso() });
      await this.access.record(actor, id, 'minutes_edited', { narrative }, { narrative: meeting.minutesNarrative });
      return this.get(actor, id);
    });
  }

  async approveMinutes(actor: Actor, id: string) {
    authorize(actor, 'meeting.minutes');
    return this.transactions.run(async () => {
      const meeting = await this.access.loadForBoard(actor, id);
      if (meeting.status === 'planned')
        throw new AppError('conflict', 'meeting_not_held', 'The meeting has not started: record its attendance or decisions before approving its minutes.');
      this.assertDayHasCome(meeting, 'its minutes cannot be approved');
      const text = (await this.get(actor, id)).minutes.draft;
      const now = this.clock.nowIso();
      const changes = { status: 'minutes_approved' as const, minutesText: text, minutesApprovedAt: now, minutesApprovedById: actor.userId, updatedAt: now };
      await this.meetings.for(actor.authorityId).update(id, changes);
      // The plan's counts as the minutes were approved: the pack's RAG over time reads them from here.
      const counts = await this.actionRepositories.for(actor.authorityId).counts(meeting.planId, this.clock.today());
      await this.access.record(actor, id, 'minutes_approved', { ...changes, counts }, { status: meeting.status });
      return this.get(actor, id);
    });
  }

  /** A meeting cannot be over before its date: refused, nothing changed. */
  private assertDayHasCome(meeting: Meeting, refused: string) {
    const today = this.clock.today();
    if (!meetingDayHasCome(meeting.date, today))
      throw new AppError('conflict', 'meeting_in_future', `The meeting is on ${meeting.date} and today is ${today}: ${refused} before the day it takes place.`);
  }

  /** The meeting whole: attendance, agenda (each action as it stands), decisions, minutes, and the series' next dates. */
  async get(actor: Actor, id: string) {
    const repo = this.meetings.for(actor.authorityId);
    const found = await repo.inContext(id);
    if (!found) throw notFound('Meeting');
    const { meeting, board, nextOnBoard: nextMeeting } = found;
    const [plan, attendees, agenda, decisions, closures] = await Promise.all([
      this.plans.get(actor.authorityId, meeting.planId),
      repo.attendees(id),
      repo.agenda(id),
      repo.decisions(id),
      repo.planClosures(id),
    ]);
    const items = agenda.filter((i) => i.position >= 0);
    const actionIds = [...new Set([...items.map((i) => i.actionId), ...decisions.map((d) => d.actionId)].filter((a): a is string => !!a))];
    const [actions, evidence] = await Promise.all([repo.actionsWithLatestNote(actionIds), repo.evidence(actionIds)]);
    const today = this.clock.today();
    // Who has been told about each overdue item (reminders, overdue notices, escalations), and when.
    const onAgenda = actions.filter((a) => items.some((i) => i.actionId === a.id));
    const toldAbout = await whoHasBeenTold(this.readers, actor.authorityId, onAgenda, meeting, today);
    const closed = await this.planDecisions(actor, closures);
    const name = await this.access.namer(actor.authorityId, [
      board.chairId,
      meeting.minutesApprovedById,
      ...attendees.map((a) => a.userId),
      ...items.map((i) => i.presenterId),
      ...actions.flatMap((a) => [a.ownerId, a.managerId]),
      ...decisions.flatMap((d) => [d.ownerId, d.managerId, d.escalateToId, d.decidedById]),
      ...closures.map((c) => c.decidedById),
      ...toldAbout.personIds,
    ]);
    const told = toldAbout.named((personId) => name(personId)!);
    const actionView = new Map(
      actions.map((a) => {
        const s = actionSummary(a, plan, today);
        const latest = a.latestNote;
        return [
          a.id,
          {
            id: a.id,
            ref: a.ref,
            title: fullActionText(a),
            status: a.status,
            statusReason: a.statusReason,
            dueDate: a.dueDate,
            rag: s.rag.effective,
            overdue: s.overdue,
            daysOverdue: s.overdue ? daysOverdue(a.dueDate, today) : 0,
            ownerId: a.ownerId,
            ownerName: name(a.ownerId),
            managerName: name(a.managerId),
            version: a.version,
            evidence: (evidence.get(a.id) ?? []).map((e) => ({ id: e.id, kind: e.kind, title: e.title })),
            latestNote: latest ? { body: latest.body, at: latest.createdAt } : null,
          },
        ];
      }),
    );
    // The board reads each action whole: a title cut from a long finding ("…") gives way to the finding's text.
    const byId = new Map(actions.map((a) => [a.id, a]));
    const titleOf = (i: AgendaItem) => itemTitle(i, i.actionId ? byId.get(i.actionId) : undefined);
    const decided = new Set(decisions.map((d) => d.actionId));
    const planDecisions = closed.map((c) => ({ ...c, decidedByName: name(c.decidedById) }));
    const carriedOver = new Set(planDecisions.flatMap((c) => c.carried.map((a) => a.actionId)));
    const minutesInput = {
      boardName: board.name,
      planTitle: plan.title,
      date: meeting.date,
      startTime: meeting.startTime,
      place: meeting.place,
      chairName: name(board.chairId),
      present: attendees.filter((a) => a.attendance === 'present').map((a) => a.guestName ?? name(a.userId)!),
      apologies: attendees.filter((a) => a.attendance === 'apologies').map((a) => a.guestName ?? name(a.userId)!),
      narrative: meeting.minutesNarrative,
      decisions: decisions.map((d) => ({
        actionRef: actionView.get(d.actionId)?.ref ?? '',
        actionTitle: byId.has(d.actionId) ? fullActionText(byId.get(d.actionId)!) : '',
        kind: d.kind,
        comment: d.comment,
        dueDate: d.dueDate,
        ownerName: name(d.ownerId),
        managerName: name(d.managerId),
        escalateToName: name(d.escalateToId),
      })),
      // An action the board carried into the successor plan is listed there, not as carried to the next meeting.
      notReached:
        meeting.status === 'planned'
          ? []
          : items
              .filter((i) => i.actionId && !decided.has(i.actionId) && !carriedOver.has(i.actionId))
              .sort((a, b) => compareRefs(actionView.get(a.actionId!)?.ref ?? a.title, actionView.get(b.actionId!)?.ref ?? b.title))
              .map(titleOf),
      planClosures: planDecisions.map((c) => ({
        planTitle: c.plan.title,
        successorTitle: c.successorPlan?.title ?? null,
        comment: c.comment,
        carried: c.carried.map((a) => ({ ref: a.ref, title: a.title, successorRef: a.successorRef })),
      })),
    };
    const series = seriesRuleOf(meeting.date);
    const nextDates = nextInSeries(meeting.date, 3);
    const continuing = planDecisions.find((c) => c.successorPlan)?.successorPlan ?? plan;
    return {
      ...meetingFields(meeting),
      /** Anything can still be recorded: not cancelled, minutes not approved. */
      open: meeting.status !== 'cancelled' && meeting.status !== 'minutes_approved',
      /** Its day has come: from then on it can be marked held and its minutes approved (meetingDayHasCome). */
      dayHasCome: meetingDayHasCome(meeting.date, today),
      board,
      plan: { id: plan.id, title: plan.title, status: plan.status },
      series: {
        rule: describeSeries(series),
        nextDates,
        /** The board's next meeting when one is planned; otherwise the series only proposes `nextDates[0]`, for `planId`. */
        nextMeeting: nextMeeting ? { id: nextMeeting.id, date: nextMeeting.date, status: nextMeeting.status } : null,
        proposal: nextMeeting ? null : { date: nextDates[0], planId: continuing.id, startTime: meeting.startTime, place: meeting.place },
      },
      attendance: attendees.map((a) => ({ id: a.id, userId: a.userId, guestName: a.guestName, name: a.guestName ?? name(a.userId), attendance: a.attendance })),
      agenda: {
        items: items.map((i) => ({
          ...itemView(i),
          title: titleOf(i),
          reasonLabels: itemView(i).reasons.map((r) =>
            agendaReasonLabel(r, i.actionId ? (actionView.get(i.actionId)?.dueDate ?? null) : null, meeting.date, today),
          ),
          presenterName: name(i.presenterId),
          action: i.actionId ? (actionView.get(i.actionId) ?? null) : null,
          told: told(i.actionId),
        })),
      },
      decisions: decisions.map((d) => {
        const action = actionView.get(d.actionId);
        return { ...decisionView(d), action: action ? { ...action, title: fullActionText(byId.get(d.actionId)!) } : null, decidedByName: name(d.decidedById) };
      }),
      planDecisions,
      minutes: {
        narrative: meeting.minutesNarrative,
        draft: meeting.minutesText ?? draftMinutes(minutesInput),
        approvedAt: meeting.minutesApprovedAt,
        approvedById: meeting.minutesApprovedById,
        approvedByName: name(meeting.minutesApprovedById),
        locked: meeting.status === 'minutes_approved',
      },
    };
  }

  /** The board's decisions to close its plan here, each with the successor plan that holds every action carried over. */
  private async planDecisions(actor: Actor, closures: MeetingPlanClosure[]) {
    const views = [];
    for (const c of closures) views.push(await this.planDecision(actor, c));
    return views;
  }

  private async planDecision(actor: Actor, closure: MeetingPlanClosure) {
    const repo = this.meetings.for(actor.authorityId);
    const plan = await this.plans.get(actor.authorityId, closure.planId);
    const successor = closure.successorPlanId ? await this.plans.get(actor.authorityId, closure.successorPlanId) : null;
    const originals = (await repo.planActions(closure.planId)).filter((a) => a.status === 'carried_over');
    const copies = successor
      ? await repo.carriedCopies(
          originals.map((a) => a.id),
          successor.id,
        )
      : [];
    const copyOf = new Map(copies.map((a) => [a.carriedFromId!, a]));
    const { authorityId: _a, ...fields } = closure;
    return {
      ...fields,
      kind: 'close_plan' as const,
      plan: { id: plan.id, title: plan.title, status: plan.status },
      successorPlan: successor && { id: successor.id, title: successor.title, status: successor.status },
      carried: originals
        .filter((a) => copyOf.has(a.id))
        .sort((a, b) => compareRefs(a.ref, b.ref))
        .map((a) => ({ actionId: a.id, ref: a.ref, title: fullActionText(a), successorActionId: copyOf.get(a.id)!.id, successorRef: copyOf.get(a.id)!.ref })),
    };
  }
}

export function meetingFields(m: Meeting) {
  const { authorityId: _a, minutesNarrative: _n, minutesText: _t, ...rest } = m;
  return rest;
}

export type MeetingView = Awaited<ReturnType<MeetingService['get']>>;
