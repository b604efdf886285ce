import { ACTION_STATUSES, ActionStatus, openStatusSql, Rag, RAGS } from '@app/domain';
import { SqlParams } from '@app/database/sql';
import { ACCOUNTABLE_MANAGER_SQL } from './accountable-manager';
import { ragSql, ragSqlParams } from './action-rag';

export interface ActionFilter {
  planId?: string;
  status?: ActionStatus[];
  rag?: Rag[];
  ownerId?: string;
  /** The accountable manager (accountable-manager.ts): the action's own manager, or where it has none its owner's line manager. */
  managerId?: string;
  organisationId?: string;
  overdue?: boolean;
  dueFrom?: string;
  dueTo?: string;
  /** Without it: due date, then reference. */
  sort?: ActionSort;
  page: number;
  pageSize: number;
}

/** The columns an action list may be sorted by (a whitelist: each maps to a fixed SQL expression). */
export const ACTION_SORT_FIELDS = ['due', 'ref', 'title', 'owner', 'status', 'rag'] as const;
export type ActionSortField = (typeof ACTION_SORT_FIELDS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export interface ActionSort {
  field: ActionSortField;
  direction: (typeof SORT_DIRECTIONS)[number];
}

const RAG_RANK: Record<Rag, number> = { red: 0, amber: 1, green: 2, blue: 3 };

/**
 * ORDER BY terms for a sort: a missing value (no due date, no owner, no RAG) counts as the highest,
 * and ties fall back to due date then reference number, so paging is stable. Only fixed expressions.
 */
export function sortTerms(sort: ActionSort): [string, 'ASC' | 'DESC'][] {
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const missingLast = (expr: string): [string, 'ASC' | 'DESC'][] => [
    [`(CASE WHEN ${expr} IS NULL THEN 1 ELSE 0 END)`, dir],
    [expr, dir],
  ];
  const primary: Record<ActionSortField, [string, 'ASC' | 'DESC'][]> = {
    due: missingLast('a."dueDate"'),
    ref: [
      ['LENGTH(a."ref")', dir],
      ['a."ref"', dir],
    ],
    title: [['LOWER(a."title")', dir]],
    owner: missingLast('(SELECT LOWER(u."displayName") FROM "app_user" u WHERE u."id" = a."ownerId")'),
    status: [[`(CASE a."status" ${ACTION_STATUSES.map((st, i) => `WHEN '${st}' THEN ${i}`).join(' ')} ELSE ${ACTION_STATUSES.length} END)`, dir]],
    rag: [[`(CASE ${ragSql('a')} ${RAGS.map((r) => `WHEN '${r}' THEN ${RAG_RANK[r]}`).join(' ')} ELSE 9 END)`, dir]],
  };
  const ties: [string, 'ASC' | 'DESC'][] = [
    ['(CASE WHEN a."dueDate" IS NULL THEN 1 ELSE 0 END)', 'ASC'],
    ['a."dueDate"', 'ASC'],
    ['LENGTH(a."ref")', 'ASC'],
    ['a."ref"', 'ASC'],
    ['a."id"', 'ASC'],
  ];
  // TypeORM keys ORDER BY terms by expression, so a tie-breaker must not repeat a primary term.
  const first = primary[sort.field];
  return [...first, ...ties.filter(([expr]) => !first.some(([e]) => e === expr))];
}

export const DEFAULT_ORDER: [string, 'ASC' | 'DESC'][] = [
  ['a."dueDate"', 'ASC'],
  ['a."ref"', 'ASC'],
];
const OPEN_SQL = openStatusSql('a."status"');

/** The list filter as SQL conditions on \`action a\`, with named parameters. */
export function listWhere(authorityId: string, filter: ActionFilter, today: string): { where: string; params: SqlParams } {
  const terms = ['a."authorityId" = :authorityId'];
  const params: SqlParams = { authorityId, ...ragSqlParams(today) };
  const add = (term: string, values: SqlParams) => {
    terms.push(term);
    Object.assign(params, values);
  };
  if (filter.planId) add('a."planId" = :planId', { planId: filter.planId });
  if (filter.status?.length) add('a."status" IN (:...status)', { status: filter.status });
  if (filter.ownerId) add('a."ownerId" = :ownerId', { ownerId: filter.ownerId });
  if (filter.managerId) add(ACCOUNTABLE_MANAGER_SQL, { managerId: filter.managerId });
  if (filter.organisationId) add('a."organisationId" = :organisationId', { organisationId: filter.organisationId });
  if (filter.dueFrom) add('a."dueDate" >= :dueFrom', { dueFrom: filter.dueFrom });
  if (filter.dueTo) add('a."dueDate" <= :dueTo', { dueTo: filter.dueTo });
  if (filter.overdue !== undefined) add(filter.overdue ? `a."dueDate" < :today AND ${OPEN_SQL}` : `NOT (a."dueDate" < :today AND ${OPEN_SQL})`, { today });
  if (filter.rag?.length) add(`${ragSql('a')} IN (:...rag)`, { rag: filter.rag });
  return { where: terms.join(' AND '), params };
}
