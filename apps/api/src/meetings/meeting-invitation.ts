import ical, { ICalCalendarMethod } from 'ical-generator';
import { addMeetingEvent, MeetingView } from '@app/core';

/**
 * The meeting as an iCalendar invitation (the same event as in each attendee's calendar feed); once
 * cancelled, the cancellation (METHOD:CANCEL, the same UID, a higher SEQUENCE).
 */
export function meetingInvitation(m: MeetingView, publicUrl: string, organizer?: { name: string; email: string } | null): string {
  const calendar = ical({
    name: m.board?.name ?? 'Board meeting',
    prodId: { company: 'improvement-tracker', product: 'meetings' },
    method: m.status === 'cancelled' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  addMeetingEvent(calendar, m, `${m.board?.name ?? 'Board'} meeting: ${m.plan.title}`, `${publicUrl}/meetings/${m.id}`, organizer);
  return calendar.toString();
}
