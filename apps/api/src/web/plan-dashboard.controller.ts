import { Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ActionService, ActionSort, Authenticated, PlanService, subjectOf } from '@app/core';
import { ActionExportService } from '@app/core/actions/action-export.service';
import { ACTION_STATUSES, may, Rag, RAGS } from '@app/domain';
import { CurrentActor } from '../common/decorators';
import { actionExportName, describeFilter } from './dashboard-wording';
import { actionWorkbook } from './action-export';
import { actionRow, ActionSummary } from './action-rows';
import { barChart } from './bar-chart';
import { PageRequest } from './csrf';
import { DashboardFilter, filterQuery, PAGE_SIZE, readFilter, SORTS } from './dashboard-filter';
import { PageErrorFilter } from './page-error.filter';
import { queryValue } from './page-query';
import { broughtIn } from './tracker-import-view';
import { RAG_COLOURS, RAG_LABELS, STATUS_LABELS } from './page-labels';
import { PageRenderer } from './page-renderer';
import { PeopleDirectory } from './people-directory';

const ALL_ACTIONS = 100_000;

/** Plans and each plan's dashboard: counts, chart, and the filtered, sorted, paged action list with its export. */
@Controller('plans')
@UseFilters(PageErrorFilter)
export class PlanDashboardController {
  constructor(
    private readonly plans: PlanService,
    private readonly actions: ActionService,
    private readonly exports: ActionExportService,
    private readonly directory: PeopleDirectory,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  async list(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const plans = await this.plans.list(actor.authorityId);
    await this.pages.render(req, res, 'plans.njk', { pageTitle: 'Plans', plans, canImport: may(subjectOf(actor), 'documents.import') });
  }

  @Get(':id')
  async dashboard(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const filter = readFilter(req);
    // The filters offer only the plan's people and partners (and any already chosen): they name every row too.
    const [counts, names] = await Promise.all([this.actions.dashboard(actor, id), this.directory.planChoices(actor, id, filter), this.pages.frame(req)]);
    // The service filters, sorts and pages; a page past the end shows the last page. The plan is known.
    let result = await this.actions.list(actor, { ...listFilter(id, filter), page: filter.page, pageSize: PAGE_SIZE }, [counts.plan]);
    const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const page = Math.min(filter.page, pageCount);
    if (page !== filter.page) result = await this.actions.list(actor, { ...listFilter(id, filter), page, pageSize: PAGE_SIZE }, [counts.plan]);
    const rows = (result.items as ActionSummary[]).map((a) => actionRow(a, names));
    await this.pages.render(req, res, 'plan-dashboard.njk', {
      pageTitle: counts.plan.title,
      plan: counts.plan,
      success: queryValue(req, 'saved') === 'activated' ? 'The plan is active: owners will now get reminders.' : broughtIn(queryValue(req, 'imported')),
      today: counts.today,
      rows,
      total: result.total,
      ...this.charts(counts.byStatus, counts.byRag),
      filter,
      filterText: describeFilter(filter, names),
      choices: { owners: names.owners, managers: names.managers, partners: names.partners },
      sortLinks: sortLinks(filter),
      pagination: pagination(filter, page, pageCount, id),
      exportHref: `/plans/${id}/export?${filterQuery(filter, { page: 1 })}`,
      // The owners page: choosing owners while a draft, reassigning (a board decision) once active.
      canEdit: may(subjectOf(actor), counts.plan.status === 'draft' ? 'action.owner.draft' : 'action.owner.active'),
      canActivate: may(subjectOf(actor), 'plan.activate'),
      statuses: ACTION_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s], checked: filter.status.includes(s) })),
      rags: RAGS.map((r) => ({ value: r, text: RAG_LABELS[r], checked: filter.rag.includes(r) })),
    });
  }

  @Get(':id/export')
  async export(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const filter = readFilter(req);
    const [plan, names] = await Promise.all([this.plans.get(actor.authorityId, id), this.directory.load(actor.authorityId)]);
    const [items, notes] = await Promise.all([this.filtered(actor, id, filter), this.exports.latestNotes(actor, id)]);
    const today = this.actions.today();
    const bytes = await actionWorkbook(plan, items, names, today, describeFilter(filter, names), notes);
    res.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.header('Content-Disposition', `attachment; filename="${actionExportName(plan.title, today)}"`);
    res.send(bytes);
  }

  /** The plan's actions the filter selects, all of them, in the chosen order (for the export). */
  private async filtered(actor: Authenticated, planId: string, filter: DashboardFilter): Promise<ActionSummary[]> {
    const { items } = await this.actions.list(actor, { ...listFilter(planId, filter), page: 1, pageSize: ALL_ACTIONS });
    return items as ActionSummary[];
  }

  private charts(byStatus: Record<string, number>, byRag: Record<string, number>) {
    const ragBars = RAGS.map((r) => ({ label: RAG_LABELS[r], count: byRag[r] ?? 0, colour: RAG_COLOURS[r as Rag] }));
    const statusBars = ACTION_STATUSES.filter((s) => byStatus[s] || !['cancelled', 'carried_over'].includes(s)).map((s) => ({
      label: STATUS_LABELS[s],
      count: byStatus[s] ?? 0,
      colour: '#505a5f',
    }));
    return {
      ragChart: barChart('rag-chart', 'Actions by RAG rating', ragBars),
      statusChart: barChart('status-chart', 'Actions by status', statusBars),
      ragCounts: ragBars,
      statusCounts: statusBars,
      actionCount: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
    };
  }
}

/** The dashboard filter in the service's terms: it filters and sorts, so the page and the export list the same actions in the same order. */
function listFilter(planId: string, filter: DashboardFilter) {
  return {
    planId,
    status: filter.status.length ? filter.status : undefined,
    rag: filter.rag.length ? filter.rag : undefined,
    ownerId: filter.ownerId,
    managerId: filter.managerId,
    organisationId: filter.organisationId,
    overdue: filter.overdue ? true : undefined,
    sort: { field: filter.sort, direction: filter.order } as ActionSort,
  };
}

function sortLinks(filter: DashboardFilter) {
  return Object.fromEntries(
    SORTS.map((sort) => {
      const current = filter.sort === sort;
      const order = current && filter.order === 'asc' ? 'desc' : 'asc';
      return [
        sort,
        { href: `?${filterQuery(filter, { sort, order, page: 1 })}`, ariaSort: current ? (filter.order === 'asc' ? 'ascending' : 'descending') : 'none' },
      ];
    }),
  );
}

function pagination(filter: DashboardFilter, page: number, pageCount: number, planId: string) {
  if (pageCount <= 1) return null;
  const href = (p: number) => `/plans/${planId}?${filterQuery(filter, { page: p })}`;
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pageCount ? { href: href(page + 1) } : undefined,
    items: Array.from({ length: pageCount }, (_, i) => ({ number: i + 1, href: href(i + 1), current: i + 1 === page })),
  };
}
