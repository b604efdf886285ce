import { Injectable } from '@nestjs/common';
import { Meeting } from '@app/database/entities';
import { ActionChangeEvent, MeetingRepositories } from '@app/database/repositories/meeting.repository';
import { BoardRepositories } from '@app/database/repositories/board.repository';
import { PeopleRepositories } from '@app/database/repositories/people.repository';
import { AppError, forbidden, notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../request-context';

/** Loading a meeting within the actor's authority, refusing changes once its minutes are approved, and auditing its changes. */
@Injectable()
export class MeetingAccess {
  constructor(
    private readonly meetings: MeetingRepositories,
    private readonly boards: BoardRepositories,
    private readonly audit: AuditService,
    private readonly people: PeopleRepositories,
  ) {}

  /** Names for the people a meeting shows, in one statement: someone no longer in the council is "someone who has left". */
  async namer(authorityId: string, ids: Iterable<string | null>): Promise<(userId: string | null) => string | null> {
    const names = await this.people.for(authorityId).names([...ids].filter((i): i is string => !!i));
    return (userId) => (userId ? (names.people.get(userId) ?? 'someone who has left') : null);
  }

  /**
   * The meeting, open for change by someone who sits on its board (its chair or a member); the
   * council's admin may also plan it (`asAdmin`). The roles themselves are the policy's (authorize).
   */
  async loadForBoard(actor: Actor, id: string, asAdmin = false): Promise<Meeting> {
    const meeting = await this.loadOpen(actor.authorityId, id);
    const board = await this.boards.for(actor.authorityId).withMembers(meeting.boardId);
    assertSitsOnBoard(actor, board!, asAdmin);
    return meeting;
  }

  async load(authorityId: string, id: string): Promise<Meeting> {
    const meeting = await this.meetings.for(authorityId).get(id);
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }

  /** The meeting, if it can still change: approved minutes lock it, and so does its cancellation (409). */
  async loadOpen(authorityId: string, id: string): Promise<Meeting> {
    const meeting = await this.load(authorityId, id);
    assertOpen(meeting);
    return meeting;
  }

  /**
   * What happened to the plan's actions since the previous meeting: after its minutes were approved
   * (by the audit trail's order), else after its day.
   */
  async changesSince(authorityId: string, previous: Meeting): Promise<ActionChangeEvent[]> {
    const approved = previous.minutesApprovedAt
      ? (await this.audit.timeline(authorityId, 'meeting', previous.id)).find((e) => e.event === 'minutes_approved')
      : undefined;
    const since = approved ? { seq: Number(approved.seq) } : { at: `${previous.date}T23:59:59.999Z` };
    return this.meetings.for(authorityId).actionChangesSince(previous.planId, since);
  }

  record(actor: Actor, meetingId: string, event: string, after: unknown, before?: unknown): Promise<void> {
    return this.recordOn(actor, 'meeting', meetingId, event, after, before);
  }

  recordOn(actor: Actor, entityType: string, entityId: string, event: string, after: unknown, before?: unknown): Promise<void> {
    return this.audit.record({ authorityId: actor.authorityId, entityType, entityId, event, actorId: actor.userId, before, after });
  }
}

/** The chair and members of a board change its meetings; the council's admin may also plan them (`asAdmin`). */
export function assertSitsOnBoard(actor: Actor, board: { name: string; chairId: string | null; memberIds: string[] }, asAdmin: boolean): void {
  if (asAdmin && actor.roles.includes('admin')) return;
  if (board.chairId !== actor.userId && !board.memberIds.includes(actor.userId))
    throw forbidden(`Only the chair and members of the ${board.name} can change its meetings.`);
}

export function assertOpen(meeting: Meeting): void {
  if (meeting.status === 'cancelled')
    throw new AppError(
      'conflict',
      'meeting_cancelled',
      `The meeting on ${meeting.date} was cancelled, so nothing more can be recorded at it: its agenda carries to the board's next meeting.`,
    );
  if (meeting.status === 'minutes_approved')
    throw new AppError(
      'conflict',
      'minutes_approved',
      `The minutes of the meeting on ${meeting.date} are approved, so the meeting is locked: record further decisions at the next meeting.`,
    );
}

/** A person of another council, or nobody: not found here, as every other council's id is (the message says what to do). */
export const notAMember = (message: string) => new AppError('not_found', 'not_a_member', message);
