import { Body, Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Authenticated, AuthService, Clock, PlanService, ReviewService, ReviewView, subjectOf } from '@app/core';
import { may, PROGRESS_JUDGEMENT_NAMES, PROGRESS_JUDGEMENTS, quarterOf, rolesFor } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { FollowUpDto, JudgementDto } from '../reviews/reviews.dto';
import { signedReviewPaper } from '../reviews/scrutiny-paper';
import { FormPost, PageRequest } from './csrf';
import { dateFromParts, dateItems } from './date-field';
import { attempt, checkForm, FormErrors, notFoundProblem } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field } from './page-query';
import { PageRenderer } from './page-renderer';
import { IdsOnPage, PeopleDirectory } from './people-directory';
import { reviewPageView } from './review-page-view';

const SAVED: Record<string, string> = {
  built: 'The review has been built from the plan and its measures as they stand today.',
  judged: 'The judgement has been recorded.',
  followUp: 'The follow-up action has been added to the plan.',
  signed: 'The review is signed off. It is frozen as it is shown here: later changes to the plan or its measures never alter it.',
};

/** The commissioner's quarterly reviews: this quarter's to do, a review's pack, judgements, follow-ups and sign-off. */
@Controller('reviews')
@UseFilters(PageErrorFilter)
export class ReviewPagesController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly plans: PlanService,
    private readonly directory: PeopleDirectory,
    private readonly pages: PageRenderer,
    private readonly clock: Clock,
    private readonly auth: AuthService,
  ) {}

  @Get()
  async list(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const quarter = quarterOf(this.clock.today());
    const [plans, reviews] = await Promise.all([this.plans.list(actor.authorityId), this.reviews.summaries(actor.authorityId)]);
    const titles = new Map(plans.map((p) => [p.id, p.title]));
    await this.pages.render(req, res, 'reviews/list.njk', {
      pageTitle: 'Quarterly reviews',
      quarter: quarter.label,
      canBuild: may(subjectOf(actor), 'review.create'),
      current: plans
        .filter((p) => p.status === 'active')
        .map((p) => ({ plan: p, review: reviews.find((r) => r.planId === p.id && r.quarter === quarter.label) ?? null })),
      earlier: reviews.filter((r) => r.quarter !== quarter.label).map((r) => ({ ...r, planTitle: titles.get(r.planId) ?? '' })),
    });
  }

  @Roles(...rolesFor('review.create'))
  @FormPost('')
  async build(@CurrentActor() actor: Authenticated, @Res() res: FastifyReply, @Body() body: Record<string, unknown>) {
    const review = await this.reviews.create(actor, field(body, 'planId'), field(body, 'quarter'));
    res.redirect(`/reviews/${review.id}?saved=built`, 303);
  }

  @Get(':id')
  async show(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const saved = typeof req.query.saved === 'string' ? SAVED[req.query.saved] : undefined;
    await this.page(actor, await this.reviews.get(actor.authorityId, id), req, res, new FormErrors(), {}, 200, saved);
  }

  /** The paper for scrutiny as a printable page, with the Word document to edit. */
  @Get(':id/paper')
  async paper(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const { review, paper } = await signedReviewPaper(this.reviews, this.auth, actor, id);
    await this.pages.render(req, res, 'reviews/paper.njk', { pageTitle: paper.title, review, paper });
  }

  @Roles(...rolesFor('review.judgement'))
  @FormPost(':id/judgements')
  async judge(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const values = { area: field(body, 'area'), judgement: field(body, 'judgement'), comment: field(body, 'comment') };
    const { input, errors } = checkForm(JudgementDto, values, {
      area: { field: 'area', missing: 'Choose the area you are judging', invalid: 'Choose an area from the list' },
      judgement: { field: 'judgement', missing: 'Choose a judgement', invalid: 'Choose a judgement from the list' },
      comment: { field: 'comment', missing: 'Say why: the comment goes in the review', invalid: 'The comment must be 5000 characters or fewer' },
    });
    const done = errors.any
      ? { errors }
      : await attempt(
          () => this.reviews.judge(actor, id, input),
          (p) => (p.code === 'unknown_area' ? 'area' : 'judgement'),
        );
    if (done.errors) return this.page(actor, await this.reviews.get(actor.authorityId, id), req, res, done.errors, values, 400);
    res.redirect(`/reviews/${id}?saved=judged#judgements`, 303);
  }

  @Roles(...rolesFor('review.followUp'))
  @FormPost(':id/follow-ups')
  async followUp(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const due = dateFromParts(body, 'dueDate', 'The due date');
    const values = { title: field(body, 'title'), ownerId: field(body, 'ownerId'), dueDate: due.value ?? '' };
    const { input, errors } = checkForm(FollowUpDto, values, {
      title: { field: 'title', missing: 'Say what should be done', invalid: 'The action must be 300 characters or fewer' },
      ownerId: { field: 'ownerId', missing: 'Choose who will own the action', invalid: 'Choose an owner from the list' },
      dueDate: { field: 'dueDate-day', missing: 'Give the date it is due by', invalid: 'The due date must be a real date' },
    });
    if (due.error) errors.add('dueDate-day', due.error);
    const done = errors.any ? { errors } : await attempt(() => this.reviews.followUp(actor, id, input), 'title', notFoundProblem);
    const form = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
    if (done.errors) return this.page(actor, await this.reviews.get(actor.authorityId, id), req, res, done.errors, form, 400);
    res.redirect(`/reviews/${id}?saved=followUp#follow-ups`, 303);
  }

  @Roles(...rolesFor('review.signOff'))
  @FormPost(':id/sign-off')
  async signOff(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const done = await attempt(() => this.reviews.signOff(actor, id), 'sign-off');
    if (done.errors) return this.page(actor, await this.reviews.get(actor.authorityId, id), req, res, done.errors, {}, 409);
    res.redirect(`/reviews/${id}?saved=signed`, 303);
  }

  private async page(
    actor: Authenticated,
    review: ReviewView,
    req: PageRequest,
    res: FastifyReply,
    errors: FormErrors,
    form: Record<string, string>,
    status: number,
    success?: string,
  ) {
    const subject = subjectOf(actor);
    const draft = review.status === 'draft';
    const canFollowUp = draft && may(subject, 'review.followUp');
    // Only the follow-up form offers the council's people; otherwise the page reads just the names it shows.
    const directory = canFollowUp ? await this.directory.load(actor.authorityId) : null;
    const shown = new IdsOnPage().person(review.signedById, ...review.judgements.map((j) => j.recordedById));
    const names = directory ?? (await this.directory.named(actor.authorityId, shown));
    const view = errors.view();
    await this.pages.render(
      req,
      res,
      'reviews/review.njk',
      {
        pageTitle: `${review.quarter} review: ${review.pack.plan.title}`,
        success,
        ...view,
        ...reviewPageView(review, names),
        form,
        canJudge: draft && may(subject, 'review.judgement'),
        canFollowUp,
        canSignOff: draft && may(subject, 'review.signOff'),
        judgementItems: [
          { value: '', text: 'Choose a judgement' },
          ...PROGRESS_JUDGEMENTS.map((j) => ({ value: j, text: PROGRESS_JUDGEMENT_NAMES[j], selected: form.judgement === j })),
        ],
        areaItems: review.pack.areas.map((a) => ({ value: a, text: a, selected: form.area === a })),
        ownerItems: [
          { value: '', text: 'Choose an owner' },
          ...(directory?.people ?? []).filter((p) => p.active).map((p) => ({ value: p.id, text: p.displayName, selected: form.ownerId === p.id })),
        ],
        dueDateItems: dateItems('dueDate', form, !!view.errors['dueDate-day']),
      },
      status,
    );
  }
}
