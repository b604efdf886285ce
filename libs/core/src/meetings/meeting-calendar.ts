import { ICalCalendar, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';

export interface CalendarMeeting {
  id: string;
  date: string;
  startTime: string;
  durationMinutes: number;
  place: string;
  sequence: number;
  updatedAt: string;
  status?: string;
  cancelReason?: string | null;
}

/** The instant a meeting starts: its date and local time in Europe/London. */
export const meetingStart = (m: { date: string; startTime: string }): Date =>
  DateTime.fromISO(`${m.date}T${m.startTime}`, { zone: 'Europe/London' }).toJSDate();

/**
 * Adds the meeting to a calendar. Its UID stays the same and its SEQUENCE rises whenever the meeting
 * moves or is cancelled, so a calendar that has it (from an invitation or the feed) updates it rather
 * than adding another. A cancelled meeting stays, marked STATUS:CANCELLED, free time, and named so in
 * its summary for the calendars that do not show the status. An invitation names its organizer (the
 * board's chair), as a calendar taking a cancellation by mail expects.
 */
export function addMeetingEvent(
  calendar: ICalCalendar,
  m: CalendarMeeting,
  summary: string,
  url: string,
  organizer?: { name: string; email: string } | null,
): void {
  const start = meetingStart(m);
  const cancelled = m.status === 'cancelled';
  calendar.createEvent({
    id: `meeting-${m.id}@improvement-tracker`,
    sequence: m.sequence,
    start,
    end: new Date(start.getTime() + m.durationMinutes * 60_000),
    summary: cancelled ? `Cancelled: ${summary}` : summary,
    location: m.place,
    description: cancelled ? `Cancelled: ${m.cancelReason ?? ''}\n${url}` : url,
    url,
    stamp: new Date(m.updatedAt),
    ...(organizer ? { organizer } : {}),
    ...(cancelled ? { status: ICalEventStatus.CANCELLED, transparency: ICalEventTransparency.TRANSPARENT } : {}),
  });
}
