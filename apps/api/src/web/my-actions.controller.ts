import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { ActionService, Authenticated, InvitationService } from '@app/core';
import { addDays, OPEN_STATUSES } from '@app/domain';
import { CurrentActor } from '../common/decorators';
import { PageRequest } from './csrf';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';
import { actionRow, ActionSummary } from './action-rows';
import { PeopleDirectory } from './people-directory';

const STALE_DAYS = 28;

/** The owner's start page: what is overdue, what is due soon, what is waiting for their update. */
@Controller()
@UseFilters(PageErrorFilter)
export class MyActionsController {
  constructor(
    private readonly actions: ActionService,
    private readonly directory: PeopleDirectory,
    private readonly pages: PageRenderer,
    private readonly invitations: InvitationService,
  ) {}

  @Get()
  async show(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: Response) {
    const { items } = await this.actions.list(actor, { ownerId: actor.userId, status: [...OPEN_STATUSES], page: 1, pageSize: 500 });
    const names = await this.directory.load(actor.authorityId);
    const groups = groupMine(items as ActionSummary[], this.actions.today());
    const row = (a: ActionSummary) => actionRow(a, names);
    await this.pages.render(req, res, 'my-actions.njk', {
      pageTitle: 'My actions',
      openCount: items.length,
      invitationCount: (await this.invitations.mine(actor)).length,
      overdue: groups.overdue.map(row),
      dueSoon: groups.dueSoon.map(row),
      awaitingUpdate: groups.awaitingUpdate.map(row),
    });
  }
}

/** Splits the owner's open actions; each action appears in the most urgent group it fits. */
export function groupMine(items: ActionSummary[], today: string) {
  const staleBefore = `${addDays(today, -STALE_DAYS)}T00:00:00.000Z`;
  const overdue = items.filter((a) => a.overdue);
  const dueSoon = items.filter((a) => !a.overdue && a.rag.derived === 'amber');
  const awaitingUpdate = items.filter(
    (a) => !a.overdue && a.rag.derived !== 'amber' && (a.status === 'not_started' || a.status === 'blocked' || a.updatedAt < staleBefore),
  );
  return { overdue, dueSoon, awaitingUpdate };
}
