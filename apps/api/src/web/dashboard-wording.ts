import { DashboardFilter } from './dashboard-filter';
import { RAG_LABELS, STATUS_LABELS } from './page-labels';
import { Names } from './people-directory';

/** The filters in words, for the page and the export: 'status: In progress; RAG: Red; overdue only'. */
export function describeFilter(filter: DashboardFilter, names: Names): string {
  const parts: string[] = [];
  if (filter.status.length) parts.push(`status: ${filter.status.map((s) => STATUS_LABELS[s]).join(' or ')}`);
  if (filter.rag.length) parts.push(`RAG: ${filter.rag.map((r) => RAG_LABELS[r]).join(' or ')}`);
  if (filter.ownerId) parts.push(`owner: ${names.personName(filter.ownerId)}`);
  if (filter.managerId) parts.push(`accountable manager: ${names.personName(filter.managerId)}`);
  if (filter.organisationId) parts.push(`partner: ${names.organisationName(filter.organisationId)}`);
  if (filter.overdue) parts.push('overdue only');
  return parts.join('; ');
}

/** A file name safe on every system: 'safeguarding-improvement-plan-actions-2026-11-23.xlsx'. */
export function actionExportName(planTitle: string, today: string): string {
  const slug =
    planTitle
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'plan';
  return `${slug}-actions-${today}.xlsx`;
}
