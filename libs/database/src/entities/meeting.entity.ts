import { Column, Entity, Index } from 'typeorm';
import type { Attendance, DecisionKind, MeetingStatus } from '@app/domain';
import { Action } from './action.entity';
import { Authority } from './authority.entity';
import { Board } from './board.entity';
import { DateColumn, IdColumn, InstantColumn, RefColumn, References, TextColumn } from './columns';
import { Plan } from './plan.entity';
import { User } from './user.entity';

/** A board meeting about one plan: planned → in progress → held → minutes approved (then locked), or cancelled. */
@Entity('meeting')
@Index('ix_meeting_board_date', ['authorityId', 'boardId', 'date'])
@Index('ix_meeting_plan_date', ['planId', 'date'])
// The council's meetings in the order its list shows them (migration 1795394800000-list-indexes).
@Index('ix_meeting_list', ['authorityId', 'date', 'startTime', 'id'])
export class Meeting {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Board) boardId: string;
  @RefColumn() @References(() => Plan) planId: string;
  @DateColumn() date: string;
  /** Local time in Europe/London, 'HH:MM'. */
  @TextColumn(5) startTime: string;
  @Column({ type: 'integer' }) durationMinutes: number;
  @TextColumn(300) place: string;
  @TextColumn(20) status: MeetingStatus;
  /** The chair's narrative for the minutes; the rest is drafted from attendance and decisions. */
  @Column({ type: 'text', nullable: true }) minutesNarrative: string | null;
  /** The approved minutes as approved: the locked record. */
  @Column({ type: 'text', nullable: true }) minutesText: string | null;
  @InstantColumn({ nullable: true }) minutesApprovedAt: string | null;
  @RefColumn({ nullable: true }) @References(() => User) minutesApprovedById: string | null;
  /** Raised whenever the date, time or place changes, so calendar invitations update. */
  @Column({ type: 'integer' }) sequence: number;
  /** Why the chair or admin cancelled it (status cancelled). */
  @Column({ type: 'text', nullable: true }) cancelReason: string | null;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}

/** Who was invited, came or sent apologies: a board member (userId) or a named guest. */
@Entity('meeting_attendee')
@Index('ix_meeting_attendee_meeting', ['meetingId'])
export class MeetingAttendee {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Meeting, 'CASCADE') meetingId: string;
  @RefColumn({ nullable: true }) @References(() => User) userId: string | null;
  @TextColumn(200, { nullable: true }) guestName: string | null;
  @TextColumn(20) attendance: Attendance;
}

/** One item of a meeting's agenda: an action (with why it is there) or a free item. */
@Entity('agenda_item')
@Index('ix_agenda_item_meeting', ['meetingId', 'position'])
export class AgendaItem {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Meeting, 'CASCADE') meetingId: string;
  @RefColumn({ nullable: true }) @References(() => Action) actionId: string | null;
  @TextColumn(300) title: string;
  @TextColumn(100, { nullable: true }) section: string | null;
  @RefColumn({ nullable: true }) @References(() => User) presenterId: string | null;
  @Column({ type: 'integer', nullable: true }) minutesAllotted: number | null;
  @Column({ type: 'integer' }) position: number;
  /** The agenda reasons, comma-separated (libs/domain AGENDA_REASONS). */
  @TextColumn(200) reasons: string;
  /** The chair changed or added it: re-drafting keeps it as it is. */
  @Column({ type: 'boolean' }) chairEdited: boolean;
  @RefColumn({ nullable: true }) @References(() => AgendaItem, 'SET NULL') carriedFromId: string | null;
  @InstantColumn() createdAt: string;
}

/** A decision the board recorded at a meeting about an action. */
@Entity('meeting_decision')
@Index('ix_meeting_decision_meeting', ['meetingId', 'createdAt'])
@Index('ix_meeting_decision_action', ['actionId'])
export class MeetingDecision {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Meeting, 'CASCADE') meetingId: string;
  @RefColumn() @References(() => Action) actionId: string;
  @RefColumn({ nullable: true }) @References(() => AgendaItem, 'SET NULL') agendaItemId: string | null;
  @TextColumn(20) kind: DecisionKind;
  @Column({ type: 'text' }) comment: string;
  @DateColumn({ nullable: true }) dueDate: string | null;
  @RefColumn({ nullable: true }) @References(() => User) ownerId: string | null;
  @RefColumn({ nullable: true }) @References(() => User) managerId: string | null;
  @RefColumn({ nullable: true }) @References(() => User) escalateToId: string | null;
  @RefColumn() @References(() => User) decidedById: string;
  @InstantColumn() createdAt: string;
}

/** The board's decision at a meeting to close its plan, and the successor plan its open actions were carried into. */
@Entity('meeting_plan_closure')
@Index('ix_meeting_plan_closure_meeting', ['meetingId'])
export class MeetingPlanClosure {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Meeting, 'CASCADE') meetingId: string;
  @RefColumn() @References(() => Plan) planId: string;
  @RefColumn({ nullable: true }) @References(() => Plan) successorPlanId: string | null;
  @Column({ type: 'text' }) comment: string;
  @Column({ type: 'integer' }) actionsCarried: number;
  @RefColumn() @References(() => User) decidedById: string;
  @InstantColumn() createdAt: string;
}
