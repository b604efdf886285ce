import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ActionService, Authenticated, BoardService, InvitationService, MeetingService } from '@app/core';
import { addDays, OPEN_STATUSES } from '@app/domain';
import { CurrentActor } from '../common/decorators';
import { PageRequest } from './csrf';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';
import { actionRow, ActionSummary } from './action-rows';
import { IdsOnPage, PeopleDirectory } from './people-directory';
import { ReviewsToDo } from './reviews-to-do';

const STALE_DAYS = 28;
/** More than anyone answers for in practice; the page says when there are more. */
const MAX_ROWS = 500;

/** The start page: the person's own actions (overdue, due soon, awaiting update) and, for a manager, the actions they are accountable for. */
@Controller()
@UseFilters(PageErrorFilter)
export class MyActionsController {
  constructor(
    private readonly actions: ActionService,
    private readonly directory: PeopleDirectory,
    private readonly pages: PageRenderer,
    private readonly invitations: InvitationService,
    private readonly reviewsToDo: ReviewsToDo,
    private readonly boards: BoardService,
    private readonly meetings: MeetingService,
  ) {}

  @Get()
  async show(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const open = { status: [...OPEN_STATUSES], page: 1, pageSize: MAX_ROWS };
    const [[mine, accountable], invitationCount, reviewsToDo, chairedMeetings] = await Promise.all([
      this.actions.lists(actor, [
        { ...open, ownerId: actor.userId },
        { ...open, managerId: actor.userId, sort: { field: 'due', direction: 'asc' } },
      ]),
      this.invitations.pendingCount(actor),
      this.reviewsToDo.of(actor),
      this.nextMeetingsChaired(actor),
      this.pages.frame(req),
    ]);
    const groups = groupMine(mine.items as ActionSummary[], this.actions.today());
    // Their own actions are listed above; by due date (none last), the overdue come first.
    const team = (accountable.items as ActionSummary[]).filter((a) => a.ownerId !== actor.userId);
    const shown = [...(mine.items as ActionSummary[]), ...team];
    // The rows show owners, not partners.
    const ids = new IdsOnPage().person(...shown.map((a) => a.ownerId));
    // Named only as the rows need; whether they manage anyone (to show the team's section when it is empty) comes with the names.
    const names = await this.directory.named(actor.authorityId, ids, team.length ? undefined : actor.userId);
    const row = (a: ActionSummary) => actionRow(a, names);
    const more = accountable.total > accountable.items.length;
    // Past the rows shown, the count is the service's, less the ones they both own and answer for.
    const ownAndAccountable = more ? (await this.actions.list(actor, { ...open, ownerId: actor.userId, managerId: actor.userId, pageSize: 1 })).total : 0;
    await this.pages.render(req, res, 'my-actions.njk', {
      pageTitle: 'My actions',
      openCount: mine.total,
      invitationCount,
      reviewsToDo,
      overdue: groups.overdue.map(row),
      dueSoon: groups.dueSoon.map(row),
      awaitingUpdate: groups.awaitingUpdate.map(row),
      isManager: team.length > 0 || names.managesAnyone,
      accountable: team.map(row),
      accountableCount: more ? accountable.total - ownAndAccountable : team.length,
      accountableMore: more,
      accountableOverdue: team.filter((a) => a.overdue).length,
      chairedMeetings,
    });
  }

  /** For a board's chair: each board they chair and its next meeting (today or later, planned or under way), if there is one. */
  private async nextMeetingsChaired(actor: Authenticated) {
    // Only a chair has boards to list here: everyone else's home page keeps its few statements.
    if (!actor.roles.includes('board_chair')) return [];
    const today = this.actions.today();
    const chaired = (await this.boards.list(actor.authorityId)).filter((b) => b.chairId === actor.userId);
    return Promise.all(
      chaired.map(async (board) => {
        const upcoming = (await this.meetings.listForBoard(actor, board.id))
          .filter((m) => m.date >= today && (m.status === 'planned' || m.status === 'in_progress'))
          .sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
        return { board: { id: board.id, name: board.name }, next: upcoming[0] ? { id: upcoming[0].id, date: upcoming[0].date } : null };
      }),
    );
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
