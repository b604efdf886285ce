import { overdueAtMeeting, todayInLondon } from '@app/domain';

/** One message someone was sent about an action: a reminder, an overdue notice or an escalation. */
export interface ActionNotice {
  actionId: string;
  personId: string;
  /** The reminders' kind, e.g. overdue, escalation_manager, escalation_chair. */
  kind: string;
  at: string;
}

/**
 * What the agenda asks of the reminders layer, which core cannot import: who has been told about an
 * action, and when. Provide implementations under ACTION_NOTIFICATIONS_READERS (as ACTION_HOOKS, the
 * list starts empty and RemindersModule adds its reader when it starts); without one, nobody is shown.
 */
export interface ActionNotificationsReader {
  /** The messages sent about these actions of one authority, oldest first. */
  sentAbout(authorityId: string, actionIds: string[]): Promise<ActionNotice[]>;
}

export const ACTION_NOTIFICATIONS_READERS = Symbol('ACTION_NOTIFICATIONS_READERS');

export interface Told {
  personId: string;
  name: string;
  kind: string;
  at: string;
}

/** Who was told about each action on an agenda: everyone to name, then the lookup once they are named. */
export interface ToldAbout {
  personIds: string[];
  /** For an action overdue at the meeting, who was told, oldest first; null for any other action, or an item that is no action. */
  named(name: (personId: string) => string): (actionId: string | null) => Told[] | null;
}

/**
 * The agenda's "who has been told": for each action overdue at the meeting (overdueAtMeeting), who was told
 * about it and when. The drafted agenda and the meeting read it here, so they agree; each names the people
 * with the rest of its page. A meeting already held shows what had been sent by the end of its day, as its
 * agenda said then; messages sent since do not change its record.
 */
export async function whoHasBeenTold(
  readers: ActionNotificationsReader[],
  authorityId: string,
  actions: { id: string; status: string; dueDate: string | null }[],
  meeting: { date: string },
  today: string,
): Promise<ToldAbout> {
  const overdue = new Set(actions.filter((a) => overdueAtMeeting(a, meeting.date, today)).map((a) => a.id));
  const sent: ActionNotice[] = [];
  if (overdue.size)
    for (const reader of readers)
      for (const n of await reader.sentAbout(authorityId, [...overdue]))
        if (overdue.has(n.actionId) && (meeting.date >= today || todayInLondon(new Date(n.at)) <= meeting.date)) sent.push(n);
  return {
    personIds: [...new Set(sent.map((n) => n.personId))],
    named(name) {
      const told = new Map<string, Told[]>();
      for (const n of sent) told.set(n.actionId, [...(told.get(n.actionId) ?? []), { personId: n.personId, name: name(n.personId), kind: n.kind, at: n.at }]);
      return (actionId) => (actionId && overdue.has(actionId) ? (told.get(actionId) ?? []) : null);
    },
  };
}
