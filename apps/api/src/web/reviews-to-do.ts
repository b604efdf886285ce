import { Injectable } from '@nestjs/common';
import { Authenticated, Clock, PlanService, ReviewService, subjectOf } from '@app/core';
import { may, quarterOf } from '@app/domain';

export interface ReviewToDo {
  planTitle: string;
  quarter: string;
  reviewId: string | null;
  status: 'not built' | 'draft' | 'signed';
}

/** A commissioner's start page: this quarter's review of each active plan, and how far it has got. */
@Injectable()
export class ReviewsToDo {
  constructor(
    private readonly plans: PlanService,
    private readonly reviews: ReviewService,
    private readonly clock: Clock,
  ) {}

  async of(actor: Authenticated): Promise<ReviewToDo[]> {
    if (!may(subjectOf(actor), 'review.signOff')) return [];
    const quarter = quarterOf(this.clock.today()).label;
    const [plans, reviews] = await Promise.all([this.plans.list(actor.authorityId), this.reviews.summaries(actor.authorityId)]);
    return plans
      .filter((p) => p.status === 'active')
      .map((p) => {
        const review = reviews.find((r) => r.planId === p.id && r.quarter === quarter);
        return { planTitle: p.title, quarter, reviewId: review?.id ?? null, status: review?.status ?? 'not built' };
      });
  }
}
