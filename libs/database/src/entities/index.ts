import { Action, ActionFinding, DueDateChange, Evidence, Milestone, ProgressNote } from './action.entity';
import { AuditEvent, DONE_STATUS_EVENT, REACHED } from './audit-event.entity';
import { Authority } from './authority.entity';
import { Board, BoardMember } from './board.entity';
import { ActionMeasure, Measure, MeasureValue } from './measure.entity';
import { Review, ReviewFollowUp, ReviewJudgement } from './review.entity';
import { AgendaItem, Meeting, MeetingAttendee, MeetingDecision, MeetingPlanClosure } from './meeting.entity';
import { Invitation } from './invitation.entity';
import { Membership } from './membership.entity';
import { Organisation } from './organisation.entity';
import { Plan, PlanDocument } from './plan.entity';
import { Session } from './session.entity';
import { SignInThrottle } from './sign-in-throttle.entity';
import { Finding, Judgement, SourceDocument } from './source-document.entity';
import { User } from './user.entity';

export {
  DONE_STATUS_EVENT,
  REACHED,
  Action,
  AgendaItem,
  Meeting,
  MeetingAttendee,
  MeetingDecision,
  MeetingPlanClosure,
  ActionFinding,
  ActionMeasure,
  Measure,
  MeasureValue,
  AuditEvent,
  Authority,
  Board,
  BoardMember,
  DueDateChange,
  Evidence,
  Finding,
  Invitation,
  Judgement,
  Membership,
  Milestone,
  Organisation,
  Plan,
  PlanDocument,
  ProgressNote,
  Review,
  ReviewFollowUp,
  ReviewJudgement,
  Session,
  SourceDocument,
  User,
};

/** The core tables' entities (reminders own theirs: libs/reminders/src/entities). */
export const ENTITIES = [
  Action,
  ActionFinding,
  ActionMeasure,
  Measure,
  MeasureValue,
  AuditEvent,
  Authority,
  Board,
  BoardMember,
  DueDateChange,
  Evidence,
  Finding,
  Invitation,
  Judgement,
  Membership,
  Milestone,
  Organisation,
  Plan,
  PlanDocument,
  ProgressNote,
  Review,
  ReviewFollowUp,
  ReviewJudgement,
  Session,
  SourceDocument,
  User,
  SignInThrottle,
  Meeting,
  MeetingAttendee,
  AgendaItem,
  MeetingDecision,
  MeetingPlanClosure,
];
