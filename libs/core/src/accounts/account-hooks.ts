import { DataSource, EntityManager } from 'typeorm';

/** A notice for a person in each of the councils named, shown in the app (reminders keep the inbox). */
export interface PersonNotice {
  userId: string;
  authorityIds: string[];
  /** One unread notice of a kind at a time: a second is not added while the first is unread (unless `each`). */
  kind: string;
  /** Every notice of this kind counts on its own (a board decision about an action): none is held back. */
  each?: boolean;
  /** The action it is about, if any. */
  actionId?: string;
  title: string;
  body: string;
  link: string;
}

/**
 * What the accounts code asks of libs above it, which it cannot import: ending the other things a
 * person was trusted with (calendar feeds), and telling them something. Both run in the caller's
 * transaction. Reminders plug theirs in when their module starts; without them these do nothing.
 */
export interface AccountHooks {
  trustEnded(tx: EntityManager, now: string, userId: string, authorityId: string | null): Promise<void>;
  tellPerson(tx: EntityManager, now: string, notice: PersonNotice): Promise<void>;
}

const NONE: AccountHooks = { trustEnded: async () => undefined, tellPerson: async () => undefined };

// Keyed by the database, so each app (and each test app) has its own and none is left behind.
const plugged = new WeakMap<DataSource, AccountHooks>();

export function plugAccountHooks(db: DataSource, hooks: AccountHooks): void {
  plugged.set(db, hooks);
}

export function accountHooks(tx: EntityManager): AccountHooks {
  return plugged.get(tx.connection) ?? NONE;
}
