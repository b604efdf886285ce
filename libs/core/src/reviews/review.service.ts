import { Injectable } from '@nestjs/common';
import { assertQuarterBegun, OVERALL_AREA, parseQuarter, ProgressJudgement, quarterInstants } from '@app/domain';
import { Review } from '@app/database/entities';
import { Transactions } from '@app/database/transactions';
import { AppError, notFound, unprocessable } from '../app-error';
import { ActionService } from '../actions/action.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { MeasureValueRepositories } from '../measures/measure-value.repository';
import { PlanService } from '../plans/plan.service';
import { Actor, authorize } from '../request-context';
import { buildPack, ReviewPack, trendQuarters } from './review-pack';
import { FollowUpRow, ReviewRepositories, ReviewSummary } from './review.repository';

export interface ReviewView {
  id: string;
  planId: string;
  quarter: string;
  status: Review['status'];
  createdAt: string;
  signedById: string | null;
  signedAt: string | null;
  pack: ReviewPack;
  judgements: { area: string; judgement: ProgressJudgement; comment: string; recordedById: string; recordedAt: string }[];
  followUps: FollowUpRow[];
}

const signedAlready = (review: Review) =>
  new AppError('conflict', 'review_signed', `The ${review.quarter} review was signed off on ${review.signedAt!.slice(0, 10)}: a signed review cannot change.`);

/** A commissioner's quarterly review of a plan: built live while a draft, frozen as shown when signed off. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repositories: ReviewRepositories,
    private readonly values: MeasureValueRepositories,
    private readonly plans: PlanService,
    private readonly actions: ActionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, planId: string, quarterLabel: string): Promise<ReviewView> {
    authorize(actor, 'review.create');
    const quarter = parseQuarter(quarterLabel);
    assertQuarterBegun(quarter, this.clock.today());
    const reviews = this.repositories.for(actor.authorityId);
    const review = await this.transactions.run(async () => {
      await this.plans.get(actor.authorityId, planId);
      if (await reviews.findFor(planId, quarter.label)) {
        throw new AppError('conflict', 'review_exists', `This plan already has a review for ${quarter.label}: open it instead.`);
      }
      const row = await reviews.insert({
        id: newId(),
        planId,
        quarter: quarter.label,
        status: 'draft',
        frozen: null,
        createdById: actor.userId,
        createdAt: this.clock.nowIso(),
        signedById: null,
        signedAt: null,
      });
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'review',
        entityId: row.id,
        event: 'review_created',
        actorId: actor.userId,
        after: row,
      });
      return row;
    });
    return this.view(actor.authorityId, review);
  }

  list(authorityId: string, planId?: string): Promise<Review[]> {
    return this.repositories.for(authorityId).list(planId);
  }

  /** The reviews without their frozen packs: what a list shows. */
  summaries(authorityId: string, planId?: string): Promise<ReviewSummary[]> {
    return this.repositories.for(authorityId).summaries(planId);
  }

  async get(authorityId: string, id: string): Promise<ReviewView> {
    return this.view(authorityId, await this.load(authorityId, id));
  }

  async judge(actor: Actor, id: string, input: { area: string; judgement: ProgressJudgement; comment: string }): Promise<ReviewView> {
    authorize(actor, 'review.judgement');
    const reviews = this.repositories.for(actor.authorityId);
    await this.transactions.run(async () => {
      const review = await this.loadDraft(actor.authorityId, id);
      const judgement = {
        id: newId(),
        reviewId: review.id,
        area: knownArea(await this.areas(actor.authorityId, review.planId), input.area),
        judgement: input.judgement,
        comment: input.comment.trim(),
        recordedById: actor.userId,
        recordedAt: this.clock.nowIso(),
      };
      const earlier = await reviews.judge(judgement);
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'review',
        entityId: review.id,
        event: 'review_judgement_recorded',
        actorId: actor.userId,
        before: earlier ?? undefined,
        after: judgement,
      });
    });
    return this.get(actor.authorityId, id);
  }

  /** A follow-up: a new action on the plan, owned and dated, linked to the review. */
  async followUp(actor: Actor, id: string, input: { title: string; ownerId: string; dueDate: string }) {
    authorize(actor, 'review.followUp');
    return this.transactions.run(async () => {
      const review = await this.loadDraft(actor.authorityId, id);
      const action = await this.actions.create(actor, review.planId, { title: input.title, ownerId: input.ownerId, dueDate: input.dueDate }, 'review.followUp');
      await this.repositories.for(actor.authorityId).addFollowUp(newId(), review.id, action.id, this.clock.nowIso());
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'review',
        entityId: review.id,
        event: 'review_follow_up_added',
        actorId: actor.userId,
        after: { actionId: action.id, title: action.title, ownerId: action.ownerId, dueDate: action.dueDate },
      });
      return action;
    });
  }

  /** Freezes the review as it is shown now: later changes to actions, measures or values never alter it. */
  async signOff(actor: Actor, id: string): Promise<ReviewView> {
    authorize(actor, 'review.signOff');
    const reviews = this.repositories.for(actor.authorityId);
    await this.transactions.run(async () => {
      const review = await this.loadDraft(actor.authorityId, id);
      const signedAt = this.clock.nowIso();
      const shown = await this.view(actor.authorityId, review);
      const frozen = JSON.stringify({ pack: shown.pack, judgements: shown.judgements, followUps: shown.followUps });
      if (!(await reviews.sign(review.id, actor.userId, signedAt, frozen))) throw signedAlready({ ...review, signedAt });
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'review',
        entityId: review.id,
        event: 'review_signed',
        actorId: actor.userId,
        after: { status: 'signed', signedAt },
      });
    });
    return this.get(actor.authorityId, id);
  }

  private async load(authorityId: string, id: string): Promise<Review> {
    const review = await this.repositories.for(authorityId).find(id);
    if (!review) throw notFound('Review');
    return review;
  }

  private async loadDraft(authorityId: string, id: string): Promise<Review> {
    const review = await this.load(authorityId, id);
    if (review.status === 'signed') throw signedAlready(review);
    return review;
  }

  private async view(authorityId: string, review: Review): Promise<ReviewView> {
    const { id, planId, quarter, status, createdAt, signedById, signedAt } = review;
    const head = { id, planId, quarter, status, createdAt, signedById, signedAt };
    if (review.frozen) return { ...head, ...(JSON.parse(review.frozen) as Pick<ReviewView, 'pack' | 'judgements' | 'followUps'>) };
    const reviews = this.repositories.for(authorityId);
    const judgements = (await reviews.judgements(id)).map(({ area, judgement, comment, recordedById, recordedAt }) => ({
      area,
      judgement,
      comment,
      recordedById,
      recordedAt,
    }));
    return { ...head, pack: await this.pack(authorityId, review), judgements, followUps: await reviews.followUps(id) };
  }

  private async pack(authorityId: string, review: Review): Promise<ReviewPack> {
    const reviews = this.repositories.for(authorityId);
    const values = this.values.for(authorityId);
    const quarter = parseQuarter(review.quarter);
    const { from, to } = quarterInstants(quarter);
    const plan = await this.plans.get(authorityId, review.planId);
    const { measures, ownerNames } = await values.measuresOfPlan(plan.id);
    const ids = measures.map((m) => m.id);
    const last = await reviews.previousSigned(plan.id, review.quarter);
    const shownQuarters = trendQuarters(quarter).map((q) => q.label);
    const { actions, statusesReached } = await reviews.quarterActions(plan.id, from, to);
    return buildPack({
      plan,
      quarter,
      today: this.clock.today(),
      actions,
      statusesReached,
      dueDateChanges: await reviews.dueDateChanges(plan.id, from, to),
      boardDecisions: await reviews.boardDecisions(plan.id, quarter.start, quarter.end),
      measures,
      ownerNames,
      values: await values.valuesInQuarters(ids, shownQuarters),
      history: last ? await values.correctionsSince(ids, last.signedAt) : [],
      lastSigned: last,
      areas: await this.areas(authorityId, plan.id),
    });
  }

  /** What a review judges: each area of the inspection's judgements, each theme of the plan, and overall. */
  private async areas(authorityId: string, planId: string): Promise<string[]> {
    return [...new Set([...(await this.repositories.for(authorityId).areas(planId)), OVERALL_AREA])];
  }
}

/** The area as the review names it (matched ignoring case and spacing); anything else is refused, naming the areas there are. */
function knownArea(areas: string[], area: string): string {
  const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  const found = areas.find((a) => key(a) === key(area));
  if (found) return found;
  throw unprocessable('unknown_area', `"${area.trim()}" is not an area of this review: judge one of ${areas.map((a) => `"${a}"`).join(', ')}.`);
}
