import type { ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';

export interface CalendarMeeting {
  id: string;
  date: string;
  startTime: string;
  durationMinutes: number;
  place: string;
  sequence: number;
  updatedAt: string;
}

/** The instant a meeting starts: its date and local time in Europe/London. */
export const meetingStart = (m: { date: string; startTime: string }): Date =>
  DateTime.fromISO(`${m.date}T${m.startTime}`, { zone: 'Europe/London' }).toJSDate();

/**
 * Adds the meeting to a calendar. Its UID stays the same and its SEQUENCE rises whenever the meeting
 * moves, so a calendar that has it (from an invitation or the feed) updates it rather than adding another.
 */
export function addMeetingEvent(calendar: ICalCalendar, m: CalendarMeeting, summary: string, url: string): void {
  const start = meetingStart(m);
  calendar.createEvent({
    id: `meeting-${m.id}@improvement-tracker`,
    sequence: m.sequence,
    start,
    end: new Date(start.getTime() + m.durationMinutes * 60_000),
    summary,
    location: m.place,
    description: url,
    url,
    stamp: new Date(m.updatedAt),
  });
}
