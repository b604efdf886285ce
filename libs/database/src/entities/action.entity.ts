import { Column, Entity, Index } from 'typeorm';
import type { ActionStatus, Rag, Timescale } from '@app/domain';
import { Authority } from './authority.entity';
import { DateColumn, IdColumn, InstantColumn, RefColumn, References, TextColumn } from './columns';
import { Organisation } from './organisation.entity';
import { Plan } from './plan.entity';
import { Finding } from './source-document.entity';
import { User } from './user.entity';

@Entity('action')
@Index('ix_action_plan_status', ['authorityId', 'planId', 'status'])
@Index('ix_action_owner', ['authorityId', 'ownerId'])
@Index('ix_action_manager', ['authorityId', 'managerId'])
@Index('ix_action_due', ['authorityId', 'dueDate'])
@Index('ix_action_plan_due', ['planId', 'dueDate'])
@Index('ux_action_ref', ['planId', 'ref'], { unique: true })
export class Action {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Plan) planId: string;
  @TextColumn(20) ref: string;
  @TextColumn(300) title: string;
  @Column({ type: 'text' }) description: string;
  @TextColumn(20) timescale: Timescale;
  @RefColumn({ nullable: true }) @References(() => User, 'SET NULL') ownerId: string | null;
  @RefColumn({ nullable: true }) @References(() => User, 'SET NULL') managerId: string | null;
  @RefColumn({ nullable: true }) @References(() => Organisation, 'SET NULL') organisationId: string | null;
  @DateColumn({ nullable: true }) dueDate: string | null;
  /** dueDate less the plan's warning window: from this day the action is amber. Kept so RAG filters are plain SQL. */
  @DateColumn({ nullable: true }) warnFrom: string | null;
  @TextColumn(20) status: ActionStatus;
  @TextColumn(1000, { nullable: true }) statusReason: string | null;
  @Column({ type: 'boolean' }) atRisk: boolean;
  @TextColumn(10, { nullable: true }) ragOverride: Rag | null;
  @TextColumn(1000, { nullable: true }) ragOverrideReason: string | null;
  @RefColumn({ nullable: true }) @References(() => Action, 'SET NULL') carriedFromId: string | null;
  @Column({ type: 'integer' }) version: number;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}

/**
 * Traceability: which findings an action answers. Each link also holds its action's plan (which never
 * changes) and its finding's section (which cannot change once an action answers the finding:
 * DocumentService refuses, finding_in_use), so that a plan's themes (what its quarterly review judges)
 * are read from the plan's links alone: through each action and finding they cost a review page a third
 * of its SQL at a million actions. ActionRepository.linkFindings writes them.
 */
@Entity('action_finding')
@Index('ix_action_finding_action', ['actionId'])
@Index('ix_action_finding_finding', ['findingId'])
@Index('ix_action_finding_plan', ['authorityId', 'planId', 'section'])
export class ActionFinding {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Action, 'CASCADE') actionId: string;
  @RefColumn() @References(() => Finding) findingId: string;
  @RefColumn() @References(() => Plan) planId: string;
  @TextColumn(300) section: string;
}

@Entity('milestone')
@Index('ix_milestone_action', ['actionId'])
export class Milestone {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Action, 'CASCADE') actionId: string;
  @TextColumn(300) title: string;
  @DateColumn({ nullable: true }) dueDate: string | null;
  @InstantColumn({ nullable: true }) doneAt: string | null;
  @InstantColumn() createdAt: string;
}

@Entity('progress_note')
@Index('ix_progress_note_action', ['actionId', 'createdAt', 'id'])
export class ProgressNote {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Action, 'CASCADE') actionId: string;
  @RefColumn() @References(() => User) authorId: string;
  @Column({ type: 'text' }) body: string;
  @InstantColumn() createdAt: string;
}

/** A file, link or note offered as proof that an action is done. Files live on disk; metadata here. */
@Entity('evidence')
@Index('ix_evidence_action', ['actionId'])
export class Evidence {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Action, 'CASCADE') actionId: string;
  @TextColumn(10) kind: 'file' | 'link' | 'note';
  @TextColumn(300) title: string;
  @TextColumn(2000, { nullable: true }) url: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @TextColumn(300, { nullable: true }) fileName: string | null;
  @TextColumn(100, { nullable: true }) mimeType: string | null;
  @Column({ type: 'integer', nullable: true }) sizeBytes: number | null;
  @TextColumn(64, { nullable: true }) sha256: string | null;
  @RefColumn() @References(() => User) addedById: string;
  @InstantColumn() createdAt: string;
}

/** Every due-date change, kept and shown; on an active plan only with a reason. */
@Entity('due_date_change')
@Index('ix_due_date_change_action', ['actionId', 'createdAt'])
export class DueDateChange {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Action, 'CASCADE') actionId: string;
  @DateColumn({ nullable: true }) fromDate: string | null;
  @DateColumn({ nullable: true }) toDate: string | null;
  @TextColumn(1000, { nullable: true }) reason: string | null;
  @RefColumn() @References(() => User) changedById: string;
  @InstantColumn() createdAt: string;
}
