import { Injectable } from '@nestjs/common';
import { In, LessThan, MoreThan, Not } from 'typeorm';
import { Action, AgendaItem, Evidence, Meeting, MeetingAttendee, MeetingDecision, MeetingPlanClosure, ProgressNote } from '../entities';
import { runSql } from '../sql';
import { TenantRepositories, TenantRepository } from './tenant-repository';

/** A change to one of a plan's actions, from the audit trail. */
export interface ActionChangeEvent {
  actionId: string;
  event: string;
  at: string;
}

/** Board meetings, their attendance, agenda and decisions, in one authority (TypeORM finders). */
export class MeetingRepository extends TenantRepository {
  private get a() {
    return { authorityId: this.authorityId };
  }

  get(id: string): Promise<Meeting | null> {
    return this.manager.findOneBy(Meeting, { id, ...this.a });
  }

  forBoard(boardId: string): Promise<Meeting[]> {
    return this.manager.find(Meeting, { where: { boardId, ...this.a }, order: { date: 'DESC', startTime: 'DESC' } });
  }

  forPlan(planId: string): Promise<Meeting[]> {
    return this.manager.find(Meeting, { where: { planId, ...this.a }, order: { date: 'ASC', startTime: 'ASC' } });
  }

  /** The plan's meeting before this one, if any. */
  previous(meeting: Meeting): Promise<Meeting | null> {
    return this.manager.findOne(Meeting, {
      where: { planId: meeting.planId, date: LessThan(meeting.date), id: Not(meeting.id), ...this.a },
      order: { date: 'DESC', startTime: 'DESC' },
    });
  }

  /** The plan's meeting after this one, if one is planned (a cancelled one is not). */
  next(meeting: Meeting): Promise<Meeting | null> {
    return this.firstPlannedAfter(meeting, { planId: meeting.planId });
  }

  /** The board's first meeting after this one's date (whatever its plan), if one is planned (a cancelled one is not). */
  nextOnBoard(meeting: Meeting): Promise<Meeting | null> {
    return this.firstPlannedAfter(meeting, { boardId: meeting.boardId });
  }

  /** The first meeting of the plan or board after this one's date that is not cancelled. */
  private firstPlannedAfter(meeting: Meeting, of: { planId: string } | { boardId: string }): Promise<Meeting | null> {
    return this.manager.findOne(Meeting, {
      where: { ...of, date: MoreThan(meeting.date), id: Not(meeting.id), status: Not('cancelled' as const), ...this.a },
      order: { date: 'ASC', startTime: 'ASC' },
    });
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
    return this.manager.find(MeetingAttendee, { where: { meetingId, ...this.a }, order: { guestName: 'ASC', id: 'ASC' } });
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
    return this.manager.find(AgendaItem, { where: { meetingId, ...this.a }, order: { position: 'ASC' } });
  }

  agendaItem(meetingId: string, id: string): Promise<AgendaItem | null> {
    return this.manager.findOneBy(AgendaItem, { id, meetingId, ...this.a });
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
    return this.manager.find(MeetingDecision, { where: { meetingId, ...this.a }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async insertDecision(decision: Omit<MeetingDecision, 'authorityId'>): Promise<MeetingDecision> {
    const row = { ...decision, ...this.a };
    await this.manager.insert(MeetingDecision, row);
    return row;
  }

  /** The board's decisions at the meeting to close its plan (one, in practice). */
  planClosures(meetingId: string): Promise<MeetingPlanClosure[]> {
    return this.manager.find(MeetingPlanClosure, { where: { meetingId, ...this.a }, order: { createdAt: 'ASC' } });
  }

  async insertPlanClosure(closure: Omit<MeetingPlanClosure, 'authorityId'>): Promise<MeetingPlanClosure> {
    const row = { ...closure, ...this.a };
    await this.manager.insert(MeetingPlanClosure, row);
    return row;
  }

  /** The copies carry-over made of these actions in one plan (each copy's carriedFromId is its original). */
  carriedCopies(originalIds: string[], planId: string): Promise<Action[]> {
    return originalIds.length ? this.manager.find(Action, { where: { carriedFromId: In(originalIds), planId, ...this.a } }) : Promise.resolve([]);
  }

  /** The plan's actions, in plan order. */
  planActions(planId: string): Promise<Action[]> {
    return this.manager.find(Action, { where: { planId, ...this.a }, order: { ref: 'ASC' } });
  }

  actionsById(ids: string[]): Promise<Action[]> {
    return ids.length ? this.manager.find(Action, { where: { id: In(ids), ...this.a } }) : Promise.resolve([]);
  }

  /** Evidence offered for each action, newest first. */
  async evidence(actionIds: string[]): Promise<Map<string, Evidence[]>> {
    const rows = actionIds.length ? await this.manager.find(Evidence, { where: { actionId: In(actionIds), ...this.a }, order: { createdAt: 'DESC' } }) : [];
    return groupBy(rows, (r) => r.actionId);
  }

  /** Each action's latest progress note. */
  async latestNotes(actionIds: string[]): Promise<Map<string, ProgressNote>> {
    const rows = actionIds.length ? await this.manager.find(ProgressNote, { where: { actionId: In(actionIds), ...this.a }, order: { createdAt: 'ASC' } }) : [];
    return new Map(rows.map((r) => [r.actionId, r]));
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
