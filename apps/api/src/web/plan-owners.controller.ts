import { Body, Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ActionService, AppError, Authenticated, EDITOR_ROLES, PlanService, subjectOf } from '@app/core';
import { may, refusal } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { ActionSummary } from './action-rows';
import { FormPost, PageRequest } from './csrf';
import { FormErrors, userError } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field, UUID } from './page-query';
import { PageRenderer } from './page-renderer';
import { PeopleDirectory } from './people-directory';

const SAVED: Record<string, string> = {
  created: 'The draft plan has been created with an action for each finding. Now give each action an owner.',
  owners: 'The owners have been saved.',
};

/** Step after import: give each action of a plan an owner, then (the chair) activate the plan. */
@Controller('plans')
@UseFilters(PageErrorFilter)
export class PlanOwnersController {
  constructor(
    private readonly plans: PlanService,
    private readonly actions: ActionService,
    private readonly directory: PeopleDirectory,
    private readonly pages: PageRenderer,
  ) {}

  @Roles(...EDITOR_ROLES)
  @Get(':id/owners')
  async show(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const saved = typeof req.query.saved === 'string' ? SAVED[req.query.saved] : undefined;
    await this.page(actor, id, req, res, new FormErrors(), 200, saved);
  }

  @Roles(...EDITOR_ROLES)
  @FormPost(':id/owners')
  async save(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    // Another council's plan lists no actions here, so it must be found first: else it would answer "saved".
    const plan = await this.plans.get(actor.authorityId, id);
    if (ownersFixed(actor, plan)) return this.page(actor, id, req, res, new FormErrors(), 403);
    const items = await this.planActions(actor, id);
    const errors = new FormErrors();
    for (const a of items) {
      const chosen = field(body, `owner-${a.id}`);
      if (chosen === (a.ownerId ?? '') || (chosen && !UUID.test(chosen))) continue;
      try {
        await this.actions.update(actor, a.id, { version: Number(field(body, `version-${a.id}`)), ownerId: chosen || null });
      } catch (error) {
        const problem =
          error instanceof AppError && error.code === 'stale_version'
            ? { message: `${a.ref} was changed by someone else while you were assigning owners: check its owner and save again` }
            : userError(error);
        if (!problem) throw error;
        errors.add(`owner-${a.id}`, problem.message);
      }
    }
    if (errors.any) return this.page(actor, id, req, res, errors, 409);
    res.redirect(`/plans/${id}/owners?saved=owners`, 303);
  }

  @Roles('admin', 'board_chair')
  @FormPost(':id/activate')
  async activate(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    try {
      await this.plans.activate(actor, id, Number(field(body, 'version')));
    } catch (error) {
      const problem =
        error instanceof AppError && error.code === 'stale_version'
          ? { message: 'Someone else changed the plan while you were looking at it: check it and activate it again' }
          : userError(error);
      if (!problem) throw error;
      return this.page(actor, id, req, res, FormErrors.of('activate', problem.message), 409);
    }
    res.redirect(`/plans/${id}?saved=activated`, 303);
  }

  private async planActions(actor: Authenticated, planId: string): Promise<ActionSummary[]> {
    const { items } = await this.actions.list(actor, { planId, page: 1, pageSize: 100_000 });
    return (items as ActionSummary[]).sort((a, b) => Number(a.ref.slice(1)) - Number(b.ref.slice(1)));
  }

  private async page(actor: Authenticated, id: string, req: PageRequest, res: FastifyReply, errors: FormErrors, status: number, success?: string) {
    const [plan, items, names] = await Promise.all([
      this.plans.get(actor.authorityId, id),
      this.planActions(actor, id),
      this.directory.load(actor.authorityId),
    ]);
    const view = errors.view();
    await this.pages.render(
      req,
      res,
      'plan-owners.njk',
      {
        pageTitle: `Owners: ${plan.title}`,
        plan,
        success,
        ...view,
        fixed: ownersFixed(actor, plan),
        canActivate: plan.status === 'draft' && may(subjectOf(actor), 'plan.activate'),
        rows: items.map((a) => ({
          id: a.id,
          ref: a.ref,
          title: a.title,
          version: a.version,
          dueDate: a.dueDate,
          error: view.errors[`owner-${a.id}`],
          ownerName: names.personName(a.ownerId) || 'No owner yet',
          ownerItems: [
            { value: '', text: 'No owner yet' },
            ...names.people.filter((p) => p.active).map((p) => ({ value: p.id, text: p.displayName, selected: p.id === a.ownerId })),
          ],
        })),
      },
      status,
    );
  }
}

/** Why this person may not choose owners on this plan now (the policy's refusal), or null when they may. */
function ownersFixed(actor: Authenticated, plan: { status: string }): string | null {
  if (plan.status === 'closed') return 'The plan is closed, so its owners no longer change.';
  const decision = plan.status === 'draft' ? 'action.owner.draft' : 'action.owner.active';
  return may(subjectOf(actor), decision) ? null : refusal(decision);
}
