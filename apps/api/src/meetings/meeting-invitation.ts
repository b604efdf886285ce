import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import { MeetingView } from '@app/core';

/** The instant a meeting starts: its date and local time in Europe/London. */
export const meetingStart = (m: { date: string; startTime: string }) => DateTime.fromISO(`${m.date}T${m.startTime}`, { zone: 'Europe/London' }).toJSDate();

/**
 * The meeting as an iCalendar invitation. Its UID stays the same and its SEQUENCE rises whenever the
 * meeting moves, so a calendar that has it updates it rather than adding a second one.
 */
export function meetingInvitation(m: MeetingView): string {
  const calendar = ical({
    name: m.board?.name ?? 'Board meeting',
    prodId: { company: 'improvement-tracker', product: 'meetings' },
    method: ICalCalendarMethod.PUBLISH,
  });
  const start = meetingStart(m);
  calendar.createEvent({
    id: `meeting-${m.id}@improvement-tracker`,
    sequence: m.sequence,
    start,
    end: new Date(start.getTime() + m.durationMinutes * 60_000),
    summary: `${m.board?.name ?? 'Board'} meeting: ${m.plan.title}`,
    location: m.place,
    description: `Agenda: ${m.agenda.items.length} items.`,
    stamp: new Date(m.updatedAt),
  });
  return calendar.toString();
}
