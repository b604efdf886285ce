import type { AgendaItem, Meeting, MeetingDecision, Plan } from '@app/database/entities';
import { AGENDA_SECTIONS } from '@app/core/meetings/meeting-agenda.service';
import { draftMinutes, MinutesInput } from '@app/core/meetings/meeting-minutes';
import {
  AGENDA_REASONS,
  AgendaReason,
  agendaReasons,
  ActionStatus,
  Attendance,
  compareRefs,
  daysOverdue,
  fullActionText,
  isOpenStatus,
  MeetingStatus,
} from '@app/domain';
import { isoDate, isoInstant } from './calendar';
import { CANCEL_REASONS, DECISION_COMMENTS, GUESTS, MEETING_PLACES, MINUTES_NARRATIVES } from './phrases';
import { BoardDecision, Council, pickSome, RowSink, statusAt, TrackedAction } from './plan-history';
import { Random } from './random';

/** A board meets about each plan every six weeks, on a Tuesday. */
export const MEETING_EVERY_DAYS = 42;
/** The actions a drafted agenda takes up, most pressing first: a board gets through about this many in two hours. */
export const AGENDA_ACTIONS_MAX = 15;
const DECIDED_SHARE = 0.4;
const CANCELLED_SHARE = 0.04;

/** The Tuesday on or after a day (day 0, 1 January 1970, was a Thursday). */
export const onTuesday = (day: number) => day + ((2 - ((day + 4) % 7) + 7) % 7);

/** Meeting days from `first` every six weeks while the plan runs (before `endDay`); a plan still running also has its next one planned. */
export function meetingDays(first: number, endDay: number, live: boolean): number[] {
  const days: number[] = [];
  let day = first;
  for (; day < endDay; day += MEETING_EVERY_DAYS) days.push(day);
  if (live) days.push(day);
  return days;
}

export interface AgendaEntry {
  tracked: TrackedAction;
  reasons: AgendaReason[];
  carriedFromId: string | null;
}

/**
 * What the app would draft for a meeting on `date` (agendaReasons, with each action as it stood that day), most
 * pressing first and at most AGENDA_ACTIONS_MAX: `carried` holds the last meeting's items not reached, by action.
 */
export function draftAgenda(actions: TrackedAction[], date: string, nextDate: string, carried: Map<string, string>): AgendaEntry[] {
  const at = `${date}T00:00:00.000Z`;
  const wanted: AgendaEntry[] = [];
  for (const tracked of actions) {
    const { action } = tracked;
    const status = statusAt(tracked, at);
    const rag = action.ragOverride ?? (action.atRisk ? 'amber' : null);
    const reasons = agendaReasons({ status, dueDate: action.dueDate, rag, changedSinceLast: false }, date, nextDate);
    const carriedFromId = carried.get(action.id) ?? null;
    if (carriedFromId && (isOpenStatus(status) || status === 'completed')) reasons.push('carried');
    if (reasons.length) wanted.push({ tracked, reasons, carriedFromId });
  }
  const rank = (e: AgendaEntry) => AGENDA_REASONS.indexOf(e.reasons[0]);
  const overdue = (e: AgendaEntry) => daysOverdue(e.tracked.action.dueDate, date);
  wanted.sort((a, b) => rank(a) - rank(b) || overdue(b) - overdue(a) || compareRefs(a.tracked.action.ref, b.tracked.action.ref));
  return wanted.slice(0, AGENDA_ACTIONS_MAX);
}

/** The board's decision on an item, from why it is there and what became of the action. */
function decisionKind(random: Random, reasons: AgendaReason[], finalStatus: ActionStatus): keyof typeof DECISION_COMMENTS {
  if (reasons[0] === 'awaiting_verification') return finalStatus === 'verified' ? 'verify' : 'send_back';
  if (!reasons.includes('overdue')) return 'note';
  const r = random.next();
  return r < 0.4 ? 'send_back' : r < 0.55 ? 'escalate' : 'note';
}

interface MeetingPlan {
  council: Council;
  plan: Plan;
  actions: TrackedAction[];
  days: number[];
  todayDay: number;
  live: boolean;
}

/**
 * The plan's board meetings over its life, each with its attendance, drafted agenda and, once held, the
 * decisions taken: the past ones' minutes approved at the next meeting (a few cancelled), the latest held
 * with its minutes still to approve, and the next one planned. Returns the held one's id, if any, and the
 * decisions, oldest first.
 */
export function writePlanMeetings(writer: RowSink, random: Random, m: MeetingPlan): { held: string | null; decisions: BoardDecision[] } {
  const decisions: BoardDecision[] = [];
  let held: string | null = null;
  let carried = new Map<string, string>();
  const setting = { place: random.pick(MEETING_PLACES), startHour: random.chance(0.7) ? 10 : 14 };
  m.days.forEach((day, i) => {
    const status: MeetingStatus =
      day >= m.todayDay ? 'planned' : m.live && i === m.days.length - 2 ? 'held' : random.chance(CANCELLED_SHARE) ? 'cancelled' : 'minutes_approved';
    const approvedDay = Math.min(m.days[i + 1] ?? day + 14, m.todayDay - 1);
    const written = writeMeeting(writer, random, m, { day, status, approvedDay, carried, ...setting });
    const date = isoDate(day);
    decisions.push(
      ...written.decided.map((d) => ({
        date,
        actionId: d.actionId,
        ref: d.tracked.action.ref,
        title: d.tracked.action.title,
        kind: d.kind,
        comment: d.comment,
      })),
    );
    // A cancelled meeting passes its whole agenda on, with what it was itself passed.
    carried = status === 'cancelled' ? new Map([...carried, ...written.notReached]) : written.notReached;
    if (status === 'held') held = written.id;
  });
  return { held, decisions };
}

interface MeetingSetting {
  day: number;
  status: MeetingStatus;
  approvedDay: number;
  carried: Map<string, string>;
  place: string;
  startHour: number;
}

/** One meeting with its agenda, attendance, decisions and minutes; returns its id, its decisions, and its agenda's items not reached, by action. */
function writeMeeting(writer: RowSink, random: Random, m: MeetingPlan, s: MeetingSetting) {
  const id = random.uuid();
  const date = isoDate(s.day);
  const agenda = draftAgenda(m.actions, date, isoDate(s.day + MEETING_EVERY_DAYS), s.carried);
  const itemIds = agenda.map(() => random.uuid());
  agenda.forEach((entry, k) => writer.add('agendaItem', Object.values(agendaItem(m, id, s.day, entry, itemIds[k], k + 1))));
  writer.add('agendaItem', Object.values(reportItem(random, m, id, s.day, agenda.length + 1)));
  const taken = s.status === 'held' || s.status === 'minutes_approved';
  const attendance = writeAttendance(writer, random, m.council, id, taken);
  const decided = taken ? writeDecisions(writer, random, m, id, s, agenda, itemIds) : [];
  const decidedIds = new Set(decided.map((d) => d.actionId));
  const undecided = agenda.flatMap((entry, k) => (decidedIds.has(entry.tracked.action.id) ? [] : [{ entry, itemId: itemIds[k] }]));
  const meeting: Meeting = {
    id,
    authorityId: m.council.authorityId,
    boardId: m.council.boardId,
    planId: m.plan.id,
    date,
    startTime: `${s.startHour}:00`,
    durationMinutes: 120,
    place: s.place,
    status: s.status,
    minutesNarrative: taken && random.chance(0.7) ? random.pick(MINUTES_NARRATIVES) : null,
    minutesText: null,
    minutesApprovedAt: s.status === 'minutes_approved' ? isoInstant(s.approvedDay, 12 * 3600) : null,
    minutesApprovedById: s.status === 'minutes_approved' ? m.council.chair : null,
    sequence: 0,
    cancelReason: s.status === 'cancelled' ? random.pick(CANCEL_REASONS) : null,
    createdAt: isoInstant(s.day - 35, 14 * 3600),
    updatedAt: isoInstant(s.status === 'minutes_approved' ? s.approvedDay : Math.min(s.day, m.todayDay), 13 * 3600),
  };
  if (s.status === 'minutes_approved') {
    const notReached = undecided
      .map(({ entry }) => entry.tracked.action)
      .sort((a, b) => compareRefs(a.ref, b.ref))
      .map((a) => `${a.ref} ${fullActionText(a)}`);
    meeting.minutesText = draftMinutes(minutesInput(m, meeting, attendance, decided, notReached));
  }
  writer.add('meeting', Object.values(meeting));
  return { id, decided, notReached: new Map(undecided.map(({ entry, itemId }) => [entry.tracked.action.id, itemId])) };
}

function agendaItem(m: MeetingPlan, meetingId: string, day: number, entry: AgendaEntry, id: string, position: number): AgendaItem {
  const { action } = entry.tracked;
  return {
    id,
    authorityId: m.council.authorityId,
    meetingId,
    actionId: action.id,
    title: `${action.ref} ${action.title}`.slice(0, 300),
    section: AGENDA_SECTIONS[entry.reasons[0]] ?? null,
    presenterId: action.ownerId,
    minutesAllotted: null,
    position,
    reasons: entry.reasons.join(','),
    chairEdited: false,
    carriedFromId: entry.carriedFromId,
    createdAt: isoInstant(day - 7, 9 * 3600),
  };
}

/** The item every agenda ends with: the latest figures of the measures, added by the chair. */
function reportItem(random: Random, m: MeetingPlan, meetingId: string, day: number, position: number): AgendaItem {
  return {
    id: random.uuid(),
    authorityId: m.council.authorityId,
    meetingId,
    actionId: null,
    title: 'Performance report: the latest figures of the measures',
    section: 'Reports',
    presenterId: m.council.admin,
    minutesAllotted: 15,
    position,
    reasons: 'added',
    chairEdited: true,
    carriedFromId: null,
    createdAt: isoInstant(day - 7, 9 * 3600),
  };
}

/** The board invited; at a meeting that took place most came (the chair always), some sent apologies, and a guest or two joined. */
function writeAttendance(writer: RowSink, random: Random, council: Council, meetingId: string, taken: boolean): { name: string; attendance: Attendance }[] {
  const attendees: { userId: string | null; guestName: string | null; attendance: Attendance }[] = [council.chair, ...council.members].map((userId) => ({
    userId,
    guestName: null,
    attendance: !taken ? 'invited' : userId === council.chair || random.chance(0.85) ? 'present' : 'apologies',
  }));
  if (taken) for (const guestName of pickSome(random, GUESTS, random.int(0, 2))) attendees.push({ userId: null, guestName, attendance: 'present' });
  for (const a of attendees) writer.add('meetingAttendee', [random.uuid(), council.authorityId, meetingId, a.userId, a.guestName, a.attendance]);
  return attendees.map((a) => ({ name: a.guestName ?? council.names.get(a.userId!)!, attendance: a.attendance }));
}

type Decided = MeetingDecision & { tracked: TrackedAction };

function writeDecisions(
  writer: RowSink,
  random: Random,
  m: MeetingPlan,
  meetingId: string,
  s: MeetingSetting,
  agenda: AgendaEntry[],
  itemIds: string[],
): Decided[] {
  const decided: Decided[] = [];
  agenda.forEach((entry, k) => {
    if (!random.chance(DECIDED_SHARE)) return;
    const { action } = entry.tracked;
    const kind = decisionKind(random, entry.reasons, action.status);
    const decision: MeetingDecision = {
      id: random.uuid(),
      authorityId: m.council.authorityId,
      meetingId,
      actionId: action.id,
      agendaItemId: itemIds[k],
      kind,
      comment: random.pick(DECISION_COMMENTS[kind]),
      dueDate: null,
      ownerId: null,
      managerId: null,
      escalateToId: kind === 'escalate' ? action.managerId : null,
      decidedById: m.council.chair,
      createdAt: isoInstant(s.day, s.startHour * 3600 + 600 * (k + 1)),
    };
    writer.add('meetingDecision', Object.values(decision));
    decided.push({ ...decision, tracked: entry.tracked });
  });
  return decided;
}

function minutesInput(
  m: MeetingPlan,
  meeting: Meeting,
  attendance: { name: string; attendance: Attendance }[],
  decided: Decided[],
  notReached: string[],
): MinutesInput {
  const name = (id: string | null) => (id ? (m.council.names.get(id) ?? null) : null);
  return {
    boardName: m.council.boardName,
    planTitle: m.plan.title,
    date: meeting.date,
    startTime: meeting.startTime,
    place: meeting.place,
    chairName: name(m.council.chair),
    present: attendance.filter((a) => a.attendance === 'present').map((a) => a.name),
    apologies: attendance.filter((a) => a.attendance === 'apologies').map((a) => a.name),
    narrative: meeting.minutesNarrative,
    decisions: decided.map((d) => ({
      actionRef: d.tracked.action.ref,
      actionTitle: fullActionText(d.tracked.action),
      kind: d.kind,
      comment: d.comment,
      dueDate: null,
      ownerName: null,
      managerName: null,
      escalateToName: name(d.escalateToId),
    })),
    notReached,
  };
}
