import { EMAIL_GROUPS, EmailGroup, isDigestKind, KIND_GROUP, ReminderKind } from './reminder-rules';

/** A user's notification preferences; a user who never chose has the defaults. */
export interface NotificationPrefs {
  email: Record<EmailGroup, boolean>;
  digestOnly: boolean;
  onLeave: boolean;
  leaveUntil: string | null;
  delegateId: string | null;
}

export const DEFAULT_PREFS: NotificationPrefs = Object.freeze({
  email: Object.freeze(Object.fromEntries(EMAIL_GROUPS.map((g) => [g, true]))) as Record<EmailGroup, boolean>,
  digestOnly: false,
  onLeave: false,
  leaveUntil: null,
  delegateId: null,
});

export interface Person {
  id: string;
  email: string;
  displayName: string;
  active: boolean;
  /** Line manager in this authority. */
  managerId: string | null;
  prefs: NotificationPrefs;
}

export type Delivery =
  | { to: Person; redirectedFrom: Person | null; reason: 'left' | 'on_leave' | null; email: boolean; inApp: boolean }
  | { skip: 'no_recipient' | 'left' | 'on_leave' };

export const isOnLeave = (prefs: NotificationPrefs, today: string) => prefs.onLeave && (!prefs.leaveUntil || today <= prefs.leaveUntil);

const MAX_HOPS = 6;

/**
 * Who actually receives a reminder addressed to `userId`: a leaver's reminders go to their line
 * manager; someone on leave with a delegate passes them to the delegate; someone on leave without
 * one still sees them in the app but gets no email. Digests are personal and never redirected.
 */
export async function resolveDelivery(
  userId: string | null,
  kind: ReminderKind,
  today: string,
  lookup: (id: string) => Promise<Person | null>,
): Promise<Delivery> {
  const digest = isDigestKind(kind);
  const seen = new Set<string>();
  let first: Person | null = null;
  let reason: 'left' | 'on_leave' | null = null;
  let nextId = userId;
  for (let hop = 0; nextId && hop < MAX_HOPS && !seen.has(nextId); hop++) {
    seen.add(nextId);
    const person = await lookup(nextId);
    if (!person) break;
    first ??= person;
    const away = person.active && isOnLeave(person.prefs, today);
    if (person.active && !away) return channels(person, first === person ? null : first, reason, kind, false);
    if (digest) return { skip: person.active ? 'on_leave' : 'left' };
    if (!person.active) {
      reason ??= 'left';
      nextId = person.managerId;
    } else if (person.prefs.delegateId && !seen.has(person.prefs.delegateId)) {
      reason ??= 'on_leave';
      nextId = person.prefs.delegateId;
    } else {
      return channels(person, first === person ? null : first, reason, kind, true);
    }
  }
  return { skip: first && !first.active ? 'left' : 'no_recipient' };
}

/** Every reminder, digests included, is kept in the app; email follows the person's choices. */
function channels(to: Person, redirectedFrom: Person | null, reason: 'left' | 'on_leave' | null, kind: ReminderKind, emailPaused: boolean): Delivery {
  const digest = isDigestKind(kind);
  const email = !emailPaused && to.prefs.email[KIND_GROUP[kind]] !== false && (digest || !to.prefs.digestOnly);
  return { to, redirectedFrom, reason, email, inApp: true };
}
