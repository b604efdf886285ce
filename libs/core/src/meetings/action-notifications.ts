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

/** Who was told about each action, named, oldest first: the agenda's "who has been told". */
export async function toldAbout(
  readers: ActionNotificationsReader[],
  authorityId: string,
  actionIds: string[],
  name: (personId: string) => string,
): Promise<Map<string, { personId: string; name: string; kind: string; at: string }[]>> {
  const told = new Map<string, { personId: string; name: string; kind: string; at: string }[]>();
  if (!actionIds.length) return told;
  for (const reader of readers)
    for (const n of await reader.sentAbout(authorityId, actionIds))
      told.set(n.actionId, [...(told.get(n.actionId) ?? []), { personId: n.personId, name: name(n.personId), kind: n.kind, at: n.at }]);
  return told;
}
