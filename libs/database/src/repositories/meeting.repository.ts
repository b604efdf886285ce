import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Action, AgendaItem, Evidence, Meeting, MeetingAttendee, MeetingDecision, MeetingPlanClosure } from '../entities';
import { runSql, selectEntities, selectEntitiesWithRows, selectEntity } from '../sql';
import { TenantRepositories, TenantRepository } from './tenant-repository';

/** A change to one of a plan's actions, from the audit trail. */
export interface ActionChangeEvent {
  actionId: string;
  event: string;
  at: string;
}

/** A meeting with what its page heads it with: its board, and the board's next meeting if one is planned. */
export interface MeetingInContext {
  meeting: Meeting;
  board: { id: string; name: string; chairId: string | null };
  nextOnBoard: { id: string; date: string; status: Meeting['status'] } | null;
}

/** A meeting as a list shows it, with its board's name and its plan's title. */
export type ListedMeeting = Meeting & { boardName: string; planTitle: string };

/** An action with its latest progress note, if it has one. */
export type ActionWithNote = Action & { latestNote: { body: string; createdAt: string } | null };

/**
 * The id of the first meeting of a plan or board after a meeting's date that is not cancelled (nor that
 * meeting): the series' next meeting. Each argument is SQL: a column of the outer query or a parameter.
 */
const FIRST_PLANNED_AFTER = (scope: 'planId' | 'boardId', of: { a: string; scope: string; date: string; id: string }) =>
  `(SELECT x."id" FROM "meeting" x WHERE x."authorityId" = ${of.a} AND x."${scope}" = ${of.scope} AND x."date" > ${of.date}
    AND x."id" <> ${of.id} AND x."status" <> 'cancelled' ORDER BY x."date" ASC, x."startTime" ASC LIMIT 1)`;

// With the board's next meeting, whatever its plan.
const MEETING_IN_CONTEXT_SQL = `SELECT m.*, b."name" AS "board_name", b."chairId" AS "board_chairId",
    n."id" AS "next_id", n."date" AS "next_date", n."status" AS "next_status"
  FROM "meeting" m JOIN "board" b ON b."id" = m."boardId" AND b."authorityId" = m."authorityId"
  LEFT JOIN "meeting" n ON n."id" = ${FIRST_PLANNED_AFTER('boardId', { a: 'm."authorityId"', scope: 'm."boardId"', date: 'm."date"', id: 'm."id"' })}
  WHERE m."authorityId" = :a AND m."id" = :id`;

const NEXT_OF_PLAN_SQL = `SELECT * FROM "meeting" WHERE "authorityId" = :a
  AND "id" = ${FIRST_PLANNED_AFTER('planId', { a: ':a', scope: ':planId', date: ':date', id: ':id' })}`;

const LATEST_NOTE = (column: string) => `(SELECT n."${column}" FROM "progress_note" n WHERE n."authorityId" = a."authorityId" AND n."actionId" = a."id"
    ORDER BY n."createdAt" DESC, n."id" DESC LIMIT 1)`;

const ACTIONS_WITH_NOTE_SQL = `SELECT a.*, ${LATEST_NOTE('body')} AS "note_body", ${LATEST_NOTE('createdAt')} AS "note_createdAt"
  FROM "action" a WHERE a."authorityId" = :a AND a."id" IN (:...ids)`;

const LISTED = `SELECT m.*, b."name" AS "boardName", p."title" AS "planTitle" FROM "meeting" m
    JOIN "board" b ON b."id" = m."boardId" AND b."authorityId" = m."authorityId"
    JOIN "improvement_plan" p ON p."id" = m."planId" AND p."authorityId" = m."authorityId"
    WHERE m."authorityId" = :a`;

// Upcoming meetings (from today), soonest first, and one page of earlier ones, newest first: one statement.
// The id breaks ties, so meetings at the same day and time keep their order from one page to the next.
const LIST_SQL = `SELECT * FROM (${LISTED} AND m."date" >= :today ORDER BY m."date" ASC, m."startTime" ASC, m."id" ASC LIMIT :upcoming) u
  UNION ALL SELECT * FROM (${LISTED} AND m."date" < :today ORDER BY m."date" DESC, m."startTime" DESC, m."id" DESC LIMIT :limit OFFSET :offset) e`;

// Whom the board's decision form offers: active people who own or manage one of the plan's actions, line-manage one of
// its owners (whom an escalation goes to), or sit on its board. The plan's owners and managers are read once (MATERIALIZED):
// each use of them read the plan's actions again.
const DECISION_PEOPLE_SQL = `WITH "plan_people" AS MATERIALIZED (
    SELECT DISTINCT x."ownerId", x."managerId" FROM "action" x WHERE x."authorityId" = :a AND x."planId" = :planId),
  "offered" AS (SELECT "ownerId" AS "id" FROM "plan_people" UNION SELECT "managerId" FROM "plan_people"
    UNION SELECT lm."managerId" FROM "membership" lm WHERE lm."authorityId" = :a AND lm."userId" IN (SELECT "ownerId" FROM "plan_people")
    UNION SELECT bm."userId" FROM "board_member" bm WHERE bm."authorityId" = :a AND bm."boardId" = :boardId
    UNION SELECT b."chairId" FROM "board" b WHERE b."authorityId" = :a AND b."id" = :boardId)
  SELECT u."id", u."displayName" FROM "offered" o JOIN "membership" m ON m."userId" = o."id" AND m."authorityId" = :a
  JOIN "app_user" u ON u."id" = m."userId" WHERE m."active" = :active AND u."active" = :active
  ORDER BY u."displayName" ASC, u."id" ASC`;

// A meeting's rows of one kind.
const OF_MEETING = (table: string, order: string) => `SELECT * FROM "${table}" WHERE "authorityId" = :a AND "meetingId" = :meetingId ORDER BY ${order}`;
const ATTENDEES_SQL = OF_MEETING('meeting_attendee', '"guestName" ASC, "id" ASC');
const AGENDA_SQL = OF_MEETING('agenda_item', '"position" ASC');
const DECISIONS_SQL = OF_MEETING('meeting_decision', '"createdAt" ASC, "id" ASC');
const PLAN_CLOSURES_SQL = OF_MEETING('meeting_plan_closure', '"createdAt" ASC');
const EVIDENCE_SQL = `SELECT * FROM "evidence" WHERE "authorityId" = :a AND "actionId" IN (:...actionIds) ORDER BY "createdAt" DESC`;

/** Board meetings, their attendance, agenda and decisions, in one authority: read by fixed statements, written through TypeORM. */
export class MeetingRepository extends TenantRepository {
  private get a() {
    return { authorityId: this.authorityId };
  }

  get(id: string): Promise<Meeting | null> {
    return selectEntity(this.manager, Meeting, `SELECT * FROM "meeting" WHERE "authorityId" = :a AND "id" = :id`, { a: this.authorityId, id });
  }

  /** The meeting with its board and the board's next meeting, in one statement. */
  async inContext(id: string): Promise<MeetingInContext | null> {
    const [found] = await selectEntitiesWithRows(this.manager, Meeting, MEETING_IN_CONTEXT_SQL, { a: this.authorityId, id });
    if (!found) return null;
    const [meeting, row] = found;
    const next = row.next_id ? { id: String(row.next_id), date: String(row.next_date), status: row.next_status as Meeting['status'] } : null;
    return { meeting, board: { id: meeting.boardId, name: String(row.board_name), chairId: (row.board_chairId as string | null) ?? null }, nextOnBoard: next };
  }

  /**
   * The meetings of the authority's boards a list shows, in one statement: those from `today` on, soonest
   * first (at most `upcoming`), and `limit` earlier ones after skipping `offset`, newest first.
   */
  async listed(today: string, upcoming: number, limit: number, offset: number): Promise<ListedMeeting[]> {
    const rows = await selectEntitiesWithRows(this.manager, Meeting, LIST_SQL, { a: this.authorityId, today, upcoming, limit, offset });
    return rows.map(([meeting, row]) => ({ ...meeting, boardName: String(row.boardName), planTitle: String(row.planTitle) }));
  }

  /** The active people who own or manage the plan's actions, line-manage one of its owners, or sit on the board, by name. */
  async decisionPeople(planId: string, boardId: string): Promise<{ id: string; displayName: string }[]> {
    const rows = await runSql(this.manager, DECISION_PEOPLE_SQL, { a: this.authorityId, planId, boardId, active: true });
    return rows.map((r) => ({ id: String(r.id), displayName: String(r.displayName) }));
  }

  forBoard(boardId: string): Promise<Meeting[]> {
    const text = `SELECT * FROM "meeting" WHERE "authorityId" = :a AND "boardId" = :boardId ORDER BY "date" DESC, "startTime" DESC`;
    return selectEntities(this.manager, Meeting, text, { a: this.authorityId, boardId });
  }

  forPlan(planId: string): Promise<Meeting[]> {
    const text = `SELECT * FROM "meeting" WHERE "authorityId" = :a AND "planId" = :planId ORDER BY "date" ASC, "startTime" ASC`;
    return selectEntities(this.manager, Meeting, text, { a: this.authorityId, planId });
  }

  /** The plan's meeting before this one, if any. */
  previous(meeting: Meeting): Promise<Meeting | null> {
    const text = `SELECT * FROM "meeting" WHERE "authorityId" = :a AND "planId" = :planId AND "date" < :date AND "id" <> :id
      ORDER BY "date" DESC, "startTime" DESC LIMIT 1`;
    return selectEntity(this.manager, Meeting, text, { a: this.authorityId, planId: meeting.planId, date: meeting.date, id: meeting.id });
  }

  /** The plan's meeting after this one, if one is planned (a cancelled one is not). */
  next(meeting: Meeting): Promise<Meeting | null> {
    return selectEntity(this.manager, Meeting, NEXT_OF_PLAN_SQL, { a: this.authorityId, planId: meeting.planId, date: meeting.date, id: meeting.id });
  }

  async insert(meeting: Omit<Meeting, 'authorityId'>): Promise<Meeting> {
    const row = { ...meeting, ...this.a };
    await this.manager.insert(Meeting, row);
    return row;
  }

  async update(id: string, changes: Partial<Meeting>): Promise<void> {
    await this.manager.update(Meeting, { id, ...this.a }, changes);
  }

  attendees(meetingId: string): Promise<MeetingAttendee[]> {
    return selectEntities(this.manager, MeetingAttendee, ATTENDEES_SQL, { a: this.authorityId, meetingId });
  }

  async replaceAttendees(meetingId: string, rows: Omit<MeetingAttendee, 'authorityId' | 'meetingId'>[]): Promise<void> {
    await this.manager.delete(MeetingAttendee, { meetingId, ...this.a });
    if (rows.length)
      await this.manager.insert(
        MeetingAttendee,
        rows.map((r) => ({ ...r, meetingId, ...this.a })),
      );
  }

  agenda(meetingId: string): Promise<AgendaItem[]> {
    return selectEntities(this.manager, AgendaItem, AGENDA_SQL, { a: this.authorityId, meetingId });
  }

  agendaItem(meetingId: string, id: string): Promise<AgendaItem | null> {
    const text = `SELECT * FROM "agenda_item" WHERE "authorityId" = :a AND "meetingId" = :meetingId AND "id" = :id`;
    return selectEntity(this.manager, AgendaItem, text, { a: this.authorityId, meetingId, id });
  }

  async insertAgenda(items: Omit<AgendaItem, 'authorityId'>[]): Promise<void> {
    if (items.length)
      await this.manager.insert(
        AgendaItem,
        items.map((i) => ({ ...i, ...this.a })),
      );
  }

  async updateAgendaItem(id: string, changes: Partial<AgendaItem>): Promise<void> {
    await this.manager.update(AgendaItem, { id, ...this.a }, changes);
  }

  async deleteAgendaItems(ids: string[]): Promise<void> {
    if (ids.length) await this.manager.delete(AgendaItem, { id: In(ids), ...this.a });
  }

  decisions(meetingId: string): Promise<MeetingDecision[]> {
    return selectEntities(this.manager, MeetingDecision, DECISIONS_SQL, { a: this.authorityId, meetingId });
  }

  async insertDecision(decision: Omit<MeetingDecision, 'authorityId'>): Promise<MeetingDecision> {
    const row = { ...decision, ...this.a };
    await this.manager.insert(MeetingDecision, row);
    return row;
  }

  /** The board's decisions at the meeting to close its plan (one, in practice). */
  planClosures(meetingId: string): Promise<MeetingPlanClosure[]> {
    return selectEntities(this.manager, MeetingPlanClosure, PLAN_CLOSURES_SQL, { a: this.authorityId, meetingId });
  }

  async insertPlanClosure(closure: Omit<MeetingPlanClosure, 'authorityId'>): Promise<MeetingPlanClosure> {
    const row = { ...closure, ...this.a };
    await this.manager.insert(MeetingPlanClosure, row);
    return row;
  }

  /** The copies carry-over made of these actions in one plan (each copy's carriedFromId is its original). */
  carriedCopies(originalIds: string[], planId: string): Promise<Action[]> {
    const text = `SELECT * FROM "action" WHERE "authorityId" = :a AND "planId" = :planId AND "carriedFromId" IN (:...originalIds)`;
    return originalIds.length ? selectEntities(this.manager, Action, text, { a: this.authorityId, planId, originalIds }) : Promise.resolve([]);
  }

  /** The plan's actions, in plan order. */
  planActions(planId: string): Promise<Action[]> {
    const text = `SELECT * FROM "action" WHERE "authorityId" = :a AND "planId" = :planId ORDER BY "ref" ASC`;
    return selectEntities(this.manager, Action, text, { a: this.authorityId, planId });
  }

  actionsById(ids: string[]): Promise<Action[]> {
    const text = `SELECT * FROM "action" WHERE "authorityId" = :a AND "id" IN (:...ids)`;
    return ids.length ? selectEntities(this.manager, Action, text, { a: this.authorityId, ids }) : Promise.resolve([]);
  }

  /** Evidence offered for each action, newest first. */
  async evidence(actionIds: string[]): Promise<Map<string, Evidence[]>> {
    const rows = actionIds.length ? await selectEntities(this.manager, Evidence, EVIDENCE_SQL, { a: this.authorityId, actionIds }) : [];
    return groupBy(rows, (r) => r.actionId);
  }

  /** These actions, each with its latest progress note, in one statement. */
  async actionsWithLatestNote(ids: string[]): Promise<ActionWithNote[]> {
    if (!ids.length) return [];
    const rows = await selectEntitiesWithRows(this.manager, Action, ACTIONS_WITH_NOTE_SQL, { a: this.authorityId, ids });
    return rows.map(([action, row]) => ({
      ...action,
      latestNote: row.note_createdAt ? { body: String(row.note_body), createdAt: String(row.note_createdAt) } : null,
    }));
  }

  /** What happened to the plan's actions after a point in the audit trail (an event's seq) or an instant, oldest first. */
  async actionChangesSince(planId: string, since: { seq: number } | { at: string }): Promise<ActionChangeEvent[]> {
    const after = 'seq' in since ? 'e."seq" > :seq' : 'e."at" > :at';
    const text = `SELECT e."entityId" AS "actionId", e."event" AS "event", e."at" AS "at" FROM "audit_event" e
      JOIN "action" a ON a."id" = e."entityId" AND a."authorityId" = e."authorityId"
      WHERE e."authorityId" = :a AND e."entityType" = 'action' AND a."planId" = :planId AND ${after} ORDER BY e."seq" ASC`;
    const rows = await runSql(this.manager, text, { a: this.authorityId, planId, ...since });
    return rows.map((r) => ({ actionId: String(r.actionId), event: String(r.event), at: String(r.at) }));
  }
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

@Injectable()
export class MeetingRepositories extends TenantRepositories<MeetingRepository> {
  protected readonly make = MeetingRepository;
}
