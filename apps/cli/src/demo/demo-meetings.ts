import { INestApplicationContext } from '@nestjs/common';
import {
  ActionService,
  Actor,
  BoardService,
  Clock,
  EvidenceService,
  MeetingAgendaService,
  MeetingDecisionService,
  MeetingService,
  UserService,
} from '@app/core';
import { addCalendarMonths, addDays, seriesDateIn } from '@app/domain';

const SECOND_TUESDAY = { weekday: 2, ordinal: 2 };

/**
 * The demo board's meetings, on the second Tuesday of each month: last month's, held, its minutes
 * approved (its decisions are in the actions' timelines), and the next one, planned, its agenda drafted
 * (a completed action awaiting verification, overdue actions, and what changed since last month).
 */
export async function seedDemoMeetings(app: INestApplicationContext, as: (key: string) => Actor, boardId: string, planId: string) {
  const today = app.get(Clock).today();
  let next = seriesDateIn(today, SECOND_TUESDAY);
  if (next <= today) next = seriesDateIn(addCalendarMonths(`${today.slice(0, 7)}-01`, 1), SECOND_TUESDAY);
  const last = seriesDateIn(addCalendarMonths(`${next.slice(0, 7)}-01`, -1), SECOND_TUESDAY);

  const meetings = app.get(MeetingService);
  const agenda = app.get(MeetingAgendaService);
  const decisions = app.get(MeetingDecisionService);
  const actions = app.get(ActionService);
  const chair = as('chair');
  const board = await app.get(BoardService).get(chair.authorityId, boardId);
  const people = await app.get(UserService).list(chair.authorityId);
  const id = (email: string) => people.find((p) => p.email === email)!.id;

  const held = await meetings.create(chair, boardId, { date: last, planId, startTime: '10:00', place: 'Committee Room 2, Civic Centre' });
  await agenda.draft(chair, held.id);
  await meetings.setAttendance(chair, held.id, [
    ...[board.chairId!, ...board.memberIds].map((userId) => ({
      userId,
      attendance: userId === id('commissioner@demo.example') ? ('apologies' as const) : ('present' as const),
    })),
    { guestName: 'Designated doctor for safeguarding (guest)', attendance: 'present' as const },
  ]);
  const open = (await actions.list(chair, { planId, page: 1, pageSize: 100 })).items.filter((a) =>
    ['not_started', 'in_progress', 'blocked'].includes(a.status),
  );
  const blocked = open.find((a) => a.status === 'blocked');
  const overdue = open.filter((a) => a.overdue && a.status !== 'blocked');
  if (blocked) await decisions.record(chair, held.id, { actionId: blocked.id, kind: 'note', comment: 'The board asked for the supplier to confirm a date.' });
  if (overdue[0])
    await decisions.record(chair, held.id, {
      actionId: overdue[0].id,
      kind: 'extend',
      dueDate: addDays(next, 28),
      comment: 'Agreed: the new team manager starts next month',
    });
  if (overdue[1])
    await decisions.record(chair, held.id, {
      actionId: overdue[1].id,
      kind: 'escalate',
      escalateToId: id('manager@demo.example'),
      comment: 'Please agree the staffing plan with the owner before the next meeting.',
    });
  await meetings.editMinutes(chair, held.id, 'The chair welcomed the designated doctor. The board reviewed the overdue and blocked actions.');
  await meetings.markHeld(chair, held.id);
  await meetings.approveMinutes(chair, held.id);

  // Since then: a note and new evidence.
  const owned = (a: { ownerId: string | null }) => ({ ...chair, userId: a.ownerId!, roles: ['viewer' as const] });
  const stillOpen = (await actions.list(chair, { planId, page: 1, pageSize: 100 })).items.filter((a) => a.status === 'in_progress');
  if (stillOpen[0]) {
    await actions.addNote(owned(stillOpen[0]), stillOpen[0].id, 'Training dates fixed for all team managers.');
    await app.get(EvidenceService).addNote(owned(stillOpen[0]), stillOpen[0].id, 'Training plan', 'Four sessions booked; attendance to be reported.');
  }

  const upcoming = await meetings.create(chair, boardId, { date: next, planId, startTime: '10:00', place: 'Committee Room 2, Civic Centre' });
  await agenda.draft(chair, upcoming.id);
  return { held: held.id, next: upcoming.id };
}
