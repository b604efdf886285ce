import { ACTION_STATUSES, ActionStatus, Rag, RAGS } from '@app/domain';
import { PageRequest } from './csrf';
import { pageNumber, queryValue, queryValues, UUID } from './page-query';
import { ACTION_SORT_FIELDS, ActionSortField } from '@app/core';

export const SORTS = ACTION_SORT_FIELDS;
export type Sort = ActionSortField;
export const PAGE_SIZE = 25;

export interface DashboardFilter {
  status: ActionStatus[];
  rag: Rag[];
  ownerId?: string;
  managerId?: string;
  organisationId?: string;
  overdue: boolean;
  sort: Sort;
  order: 'asc' | 'desc';
  page: number;
}

/** Reads the dashboard's filters from the query string; values that are not allowed are ignored. */
export function readFilter(req: PageRequest): DashboardFilter {
  const ownerId = queryValue(req, 'owner');
  const managerId = queryValue(req, 'manager');
  const organisationId = queryValue(req, 'partner');
  const sort = queryValue(req, 'sort') as Sort;
  return {
    status: queryValues(req, 'status').filter((s): s is ActionStatus => (ACTION_STATUSES as readonly string[]).includes(s)),
    rag: queryValues(req, 'rag').filter((r): r is Rag => (RAGS as readonly string[]).includes(r)),
    ownerId: ownerId && UUID.test(ownerId) ? ownerId : undefined,
    managerId: managerId && UUID.test(managerId) ? managerId : undefined,
    organisationId: organisationId && UUID.test(organisationId) ? organisationId : undefined,
    overdue: queryValue(req, 'overdue') === 'true',
    sort: SORTS.includes(sort) ? sort : 'due',
    order: queryValue(req, 'order') === 'desc' ? 'desc' : 'asc',
    page: pageNumber(req),
  };
}

/** The filter as a query string, with some parts changed (for sort links, paging and the export). */
export function filterQuery(filter: DashboardFilter, change: Partial<DashboardFilter> = {}): string {
  const f = { ...filter, ...change };
  const q = new URLSearchParams();
  for (const s of f.status) q.append('status', s);
  for (const r of f.rag) q.append('rag', r);
  if (f.ownerId) q.set('owner', f.ownerId);
  if (f.managerId) q.set('manager', f.managerId);
  if (f.organisationId) q.set('partner', f.organisationId);
  if (f.overdue) q.set('overdue', 'true');
  if (f.sort !== 'due') q.set('sort', f.sort);
  if (f.order !== 'asc') q.set('order', f.order);
  if (f.page > 1) q.set('page', String(f.page));
  return q.toString();
}
