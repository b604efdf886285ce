import { Column, Entity, Index } from 'typeorm';
import type { ProgressJudgement } from '@app/domain';
import { Action } from './action.entity';
import { Authority } from './authority.entity';
import { IdColumn, InstantColumn, RefColumn, References, TextColumn } from './columns';
import { Plan } from './plan.entity';
import { User } from './user.entity';

/** A commissioner's review of a plan for a financial-year quarter; signed, its pack is frozen as shown. */
@Entity('review')
@Index('ux_review_plan_quarter', ['planId', 'quarter'], { unique: true })
// A council's reviews as a list shows them, from the index alone (migration 1795394800000-list-indexes says why).
@Index('ix_review_list', ['authorityId', 'quarter', 'planId', 'status', 'id', 'createdById', 'createdAt', 'signedById', 'signedAt'])
export class Review {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Plan) planId: string;
  /** "2026/27 Q3". */
  @TextColumn(10) quarter: string;
  @TextColumn(10) status: 'draft' | 'signed';
  /** The review as it was signed (pack, judgements, follow-ups), JSON; null while a draft. */
  @Column({ type: 'text', nullable: true }) frozen: string | null;
  @RefColumn() @References(() => User) createdById: string;
  @InstantColumn() createdAt: string;
  @RefColumn({ nullable: true }) @References(() => User) signedById: string | null;
  @InstantColumn({ nullable: true }) signedAt: string | null;
}

@Entity('review_judgement')
@Index('ux_review_judgement_area', ['reviewId', 'area'], { unique: true })
export class ReviewJudgement {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Review, 'CASCADE') reviewId: string;
  @TextColumn(300) area: string;
  @TextColumn(20) judgement: ProgressJudgement;
  @Column({ type: 'text' }) comment: string;
  @RefColumn() @References(() => User) recordedById: string;
  @InstantColumn() recordedAt: string;
}

/** An action the commissioner asked for at a review: tracked on the plan like any other. */
@Entity('review_follow_up')
@Index('ix_review_follow_up_review', ['reviewId'])
@Index('ux_review_follow_up_action', ['actionId'], { unique: true })
export class ReviewFollowUp {
  @IdColumn() id: string;
  @RefColumn() @References(() => Authority) authorityId: string;
  @RefColumn() @References(() => Review, 'CASCADE') reviewId: string;
  @RefColumn() @References(() => Action, 'CASCADE') actionId: string;
  @InstantColumn() createdAt: string;
}
