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

/**
 * The agenda's "who has been told": for each action overdue at the meeting (overdueAtMeeting), who was told
 * about it, named, oldest first; null for an action that is not, or an item that is no action. The drafted
 * agenda and the meeting read it here, so they agree. A meeting already held shows what had been sent by
 * the end of its day, as its agenda said then; messages sent since do not change its record.
 */
export async function whoHasBeenTold(
  readers: ActionNotificationsReader[],
  authorityId: string,
  actions: { id: string; status: string; dueDate: string | null }[],
  meeting: { date: string },
  today: string,
  name: (personId: string) => string,
): Promise<(actionId: string | null) => Told[] | null> {
  const overdue = new Set(actions.filter((a) => overdueAtMeeting(a, meeting.date, today)).map((a) => a.id));
  const told = new Map<string, Told[]>();
  if (overdue.size)
    for (const reader of readers)
      for (const n of await reader.sentAbout(authorityId, [...overdue]))
        if (meeting.date >= today || todayInLondon(new Date(n.at)) <= meeting.date)
          told.set(n.actionId, [...(told.get(n.actionId) ?? []), { personId: n.personId, name: name(n.personId), kind: n.kind, at: n.at }]);
  return (actionId) => (actionId && overdue.has(actionId) ? (told.get(actionId) ?? []) : null);
}
