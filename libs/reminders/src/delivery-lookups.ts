import { EntityManager, ObjectLiteral } from 'typeorm';
import { chunks } from '@app/database/batches';
import { runSql, selectEntities, SqlParams } from '@app/database/sql';
import { Action, Board, Measure, Membership, Plan, User } from '@app/database/entities';
import { quarterOf } from '@app/domain';
import { NotificationSettings } from './entities';
import { Reminder } from './entities/reminder.entity';
import { DEFAULT_PREFS, NotificationPrefs, Person } from './recipient';
import { DigestItem, DigestKind, DigestReader, digestReaderKey, loadDigestActions } from './digest-actions';
import { isDigestKind } from './reminder-rules';
import { valuesEntered } from './values-entered';
import type { AudienceLookup } from './reminder-schedule.service';

/** Reminder kinds addressed to an action's owner; after an outage only the latest of them is sent. */
export const OWNER_KINDS = ['before_due', 'due_today', 'overdue'];
/** The same for a measure's quarterly value: the owner's reminders, of which only the latest due is sent. */
export const VALUE_OWNER_KINDS = ['value_before_due', 'value_due_today', 'value_overdue'];

/** The column naming a reminder's subject, and the owner kinds of which only the latest is sent. */
const LATEST_ONLY = [
  { column: 'actionId', kinds: OWNER_KINDS },
  { column: 'measureId', kinds: VALUE_OWNER_KINDS },
] as const;

/** Rows per IN (...) list: a whole delivery batch, well inside the bound-parameter limits of SQLite and PostgreSQL. */
const IN_CHUNK = 2000;

export function prefsOf(settings: NotificationSettings | null): NotificationPrefs {
  if (!settings) return DEFAULT_PREFS;
  return {
    email: { ...DEFAULT_PREFS.email, ...settings.email },
    digestOnly: settings.digestOnly,
    onLeave: settings.onLeave,
    leaveUntil: settings.leaveUntil,
    delegateId: settings.delegateId,
  };
}

const personKey = (authorityId: string, userId: string) => `${authorityId}|${userId}`;
const unique = <T>(values: (T | null | undefined)[]) => [...new Set(values.filter((v): v is T => v !== null && v !== undefined))];

/**
 * What delivering reminders reads: actions, measures and whether their quarter's value is in,
 * plans, boards, people and their settings, and whether a later owner reminder supersedes a row. Inside one transaction, memoised; `preload` fetches a
 * whole batch's worth in a few queries, and anything not preloaded is read on first use.
 */
export class DeliveryLookups implements AudienceLookup {
  private readonly actions = new Map<string, Promise<Action | null>>();
  private readonly plans = new Map<string, Promise<Plan | null>>();
  private readonly chairs = new Map<string, Promise<string | null>>();
  private readonly users = new Map<string, Promise<User | null>>();
  private readonly memberships = new Map<string, Promise<Membership | null>>();
  private readonly people = new Map<string, Promise<Person | null>>();
  private readonly digests = new Map<string, Promise<DigestItem[]>>();
  private readonly measures = new Map<string, Promise<Measure | null>>();
  /** Whether a measure has a current value for a quarter, by measure and quarter label. */
  private readonly entered = new Map<string, Promise<boolean>>();
  /** Latest dueAt among live owner reminders due by `latestAt`, per action or measure and due date, for the subjects in `latestFor`. */
  private latestOwnerDue = new Map<string, string>();
  private latestFor = new Set<string>();
  private latestAt: number | null = null;

  constructor(private readonly tx: EntityManager) {}

  async preload(rows: Reminder[], at: Date): Promise<void> {
    const measures = await this.preloadMeasures(rows);
    const actions = await this.findIn(Action, unique(rows.map((r) => r.actionId)));
    const byId = new Map(actions.map((a) => [a.id, a]));
    for (const id of unique(rows.map((r) => r.actionId))) this.actions.set(id, Promise.resolve(byId.get(id) ?? null));
    const plans = await this.findIn(Plan, unique(actions.map((a) => a.planId)));
    for (const p of plans) this.plans.set(p.id, Promise.resolve(p));
    const boards = await this.findIn(Board, unique(plans.map((p) => p.boardId)));
    for (const b of boards) this.chairs.set(b.id, Promise.resolve(b.chairId ?? null));
    const planBoard = new Map(plans.map((p) => [p.id, p.boardId]));
    const chairs = new Map(boards.map((b) => [b.id, b.chairId ?? null]));
    const wanted = [
      ...rows.map((r) => [r.authorityId, r.recipientId] as const),
      ...actions.flatMap(
        (a) =>
          [
            [a.authorityId, a.ownerId],
            [a.authorityId, a.managerId],
          ] as const,
      ),
      ...actions.map((a) => [a.authorityId, chairs.get(planBoard.get(a.planId) ?? '') ?? null] as const),
      ...measures.map((m) => [m.authorityId, m.ownerId] as const),
    ];
    const first = await this.loadPeople(wanted);
    // One hop further: line managers (for leavers) and delegates (for people on leave).
    await this.loadPeople(
      first.flatMap(
        (p) =>
          [
            [p.authorityId, p.person.managerId],
            [p.authorityId, p.person.prefs.delegateId],
          ] as const,
      ),
    );
    await this.loadLatestOwnerDue(rows, at);
    // The batch's digests, read together: one by one, each ran four statements of its own (3,000 digests in the quarter-end bench).
    const readers = rows.filter((r) => isDigestKind(r.kind)).map((r) => ({ authorityId: r.authorityId, userId: r.recipientId, kind: r.kind as DigestKind }));
    if (readers.length) {
      const lists = await loadDigestActions(this.tx, readers);
      for (const [key, items] of lists) this.digests.set(key, Promise.resolve(items));
    }
  }

  /** The batch's measures, and whether each has its value in for the quarter its rows are about: one read each (a quarter's rows are together). */
  private async preloadMeasures(rows: Reminder[]): Promise<Measure[]> {
    const ids = unique(rows.map((r) => r.measureId));
    if (!ids.length) return [];
    const measures = await this.findIn(Measure, ids);
    const byId = new Map(measures.map((m) => [m.id, m]));
    for (const id of ids) this.measures.set(id, Promise.resolve(byId.get(id) ?? null));
    const byQuarter = new Map<string, Set<string>>();
    for (const r of rows) {
      if (!r.measureId || !byId.has(r.measureId)) continue;
      const label = quarterOf(r.forDate).label;
      (byQuarter.get(label) ?? byQuarter.set(label, new Set()).get(label)!).add(r.measureId);
    }
    for (const [quarter, set] of byQuarter) {
      const of = [...set];
      const found = new Set<string>();
      for (const part of chunks(of, IN_CHUNK)) for (const id of await valuesEntered(this.tx, part, quarter)) found.add(id);
      for (const id of of) this.entered.set(`${id}|${quarter}`, Promise.resolve(found.has(id)));
    }
    return measures;
  }

  measure(id: string, authorityId: string): Promise<Measure | null> {
    return this.memo(this.measures, id, () => this.tx.findOneBy(Measure, { id })).then((m) => (m && m.authorityId === authorityId ? m : null));
  }

  /** Whether the measure's value for the quarter (its label) is in. */
  valueEntered(measureId: string, quarter: string): Promise<boolean> {
    return this.memo(this.entered, `${measureId}|${quarter}`, async () => (await valuesEntered(this.tx, [measureId], quarter)).has(measureId));
  }

  /** What a reader's Monday digest lists (see loadDigestActions). */
  digestItems(reader: DigestReader): Promise<DigestItem[]> {
    return this.memo(this.digests, digestReaderKey(reader), async () => (await loadDigestActions(this.tx, [reader])).get(digestReaderKey(reader))!);
  }

  action(id: string, authorityId: string): Promise<Action | null> {
    return this.memo(this.actions, id, () => this.tx.findOneBy(Action, { id })).then((a) => (a && a.authorityId === authorityId ? a : null));
  }

  plan(id: string): Promise<Plan | null> {
    return this.memo(this.plans, id, () => this.tx.findOneBy(Plan, { id }));
  }

  chairOf(boardId: string): Promise<string | null> {
    return this.memo(
      this.chairs,
      boardId,
      async () => (await this.tx.findOne(Board, { where: { id: boardId }, select: { id: true, chairId: true } }))?.chairId ?? null,
    );
  }

  async lineManagerOf(authorityId: string, userId: string): Promise<string | null> {
    return (await this.membership(authorityId, userId))?.managerId ?? null;
  }

  membership(authorityId: string, userId: string): Promise<Membership | null> {
    return this.memo(this.memberships, personKey(authorityId, userId), () => this.tx.findOneBy(Membership, { authorityId, userId }));
  }

  user(id: string): Promise<User | null> {
    return this.memo(this.users, id, () => this.tx.findOneBy(User, { id }));
  }

  person(authorityId: string, userId: string): Promise<Person | null> {
    return this.memo(this.people, personKey(authorityId, userId), async () => {
      const [user, membership, settings] = await Promise.all([
        this.user(userId),
        this.membership(authorityId, userId),
        this.tx.findOneBy(NotificationSettings, { authorityId, userId }),
      ]);
      return toPerson(user, membership, settings);
    });
  }

  /**
   * After an outage several of an owner's reminders about an action's due date, or a measure's
   * quarter, may be due at once: only the latest is worth sending.
   */
  async superseded(row: Reminder, at: Date): Promise<boolean> {
    const latestOnly = LATEST_ONLY.find((s) => s.kinds.includes(row.kind));
    const subject = latestOnly && row[latestOnly.column];
    if (!subject) return false;
    // Called for every row of a batch, whose subjects preload read: only a row outside it reads now.
    if (this.latestAt !== at.getTime() || !this.latestFor.has(subject)) await this.loadLatestOwnerDue([row], at);
    const latest = this.latestOwnerDue.get(`${subject}|${row.forDate}`);
    return !!latest && latest > row.dueAt;
  }

  /** Reads the latest owner reminders of the rows' actions and measures not read yet for `at`. */
  private async loadLatestOwnerDue(rows: Reminder[], at: Date): Promise<void> {
    if (this.latestAt !== at.getTime()) {
      this.latestOwnerDue.clear();
      this.latestFor.clear();
      this.latestAt = at.getTime();
    }
    for (const { column, kinds } of LATEST_ONLY) {
      const subjects = unique(rows.filter((r) => kinds.includes(r.kind)).map((r) => r[column])).filter((id) => !this.latestFor.has(id));
      for (const ids of chunks(subjects, IN_CHUNK)) {
        const found = await runSql(
          this.tx,
          `SELECT "${column}" AS "subject", "forDate", MAX("dueAt") AS "latest" FROM "reminder"
          WHERE "${column}" IN (:...ids) AND "kind" IN (:...kinds) AND "runAt" <= :at AND "state" NOT IN ('cancelled', 'failed')
          GROUP BY "${column}", "forDate"`,
          { ids, kinds, at: at.toISOString() },
        );
        for (const r of found) this.latestOwnerDue.set(`${r.subject}|${r.forDate}`, String(r.latest));
        for (const id of ids) this.latestFor.add(id);
      }
    }
  }

  /** Loads the people not yet known; returns those found. */
  private async loadPeople(pairs: (readonly [string, string | null])[]): Promise<{ authorityId: string; person: Person }[]> {
    const keys = new Map<string, { authorityId: string; userId: string }>();
    for (const [authorityId, userId] of pairs) {
      if (userId && !this.people.has(personKey(authorityId, userId))) keys.set(personKey(authorityId, userId), { authorityId, userId });
    }
    if (!keys.size) return [];
    const userIds = unique([...keys.values()].map((k) => k.userId));
    const authorityIds = unique([...keys.values()].map((k) => k.authorityId));
    const users = new Map((await this.findIn(User, userIds)).map((u) => [u.id, u]));
    for (const id of userIds) this.users.set(id, Promise.resolve(users.get(id) ?? null));
    const ofAuthorities = { where: '"authorityId" IN (:...authorityIds)', params: { authorityIds } };
    const memberships = new Map((await this.findIn(Membership, userIds, 'userId', ofAuthorities)).map((m) => [personKey(m.authorityId, m.userId), m]));
    const settings = new Map((await this.findIn(NotificationSettings, userIds, 'userId', ofAuthorities)).map((s) => [personKey(s.authorityId, s.userId), s]));
    const found: { authorityId: string; person: Person }[] = [];
    for (const [key, { authorityId, userId }] of keys) {
      this.memberships.set(key, Promise.resolve(memberships.get(key) ?? null));
      const person = toPerson(users.get(userId) ?? null, memberships.get(key) ?? null, settings.get(key) ?? null);
      this.people.set(key, Promise.resolve(person));
      if (person) found.push({ authorityId, person });
    }
    return found;
  }

  /** Rows whose `column` is one of `values` (and, optionally, that meet a further condition), in fixed SQL. */
  private async findIn<T extends ObjectLiteral>(
    entity: new () => T,
    values: string[],
    column = 'id',
    also?: { where: string; params: SqlParams },
  ): Promise<T[]> {
    const table = this.tx.connection.getMetadata(entity).tableName;
    const out: T[] = [];
    for (const part of chunks(values, IN_CHUNK)) {
      const text = `SELECT * FROM "${table}" WHERE "${column}" IN (:...values)${also ? ` AND ${also.where}` : ''}`;
      out.push(...(await selectEntities(this.tx, entity, text, { ...also?.params, values: part })));
    }
    return out;
  }

  private memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let found = cache.get(key);
    if (!found) cache.set(key, (found = load()));
    return found;
  }
}

function toPerson(user: User | null, membership: Membership | null, settings: NotificationSettings | null): Person | null {
  if (!user || !membership) return null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    active: user.active && membership.active,
    managerId: membership.managerId,
    prefs: prefsOf(settings),
  };
}
