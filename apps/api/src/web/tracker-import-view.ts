import type { TrackerField, TrackerJsonRow, TrackerRow } from '@app/importer/tracker';
import { RAG_LABELS, STATUS_LABELS, TIMESCALE_LABELS } from './page-labels';

export const FIELD_LABELS: Record<TrackerField, string> = {
  ref: 'Reference',
  recommendation: 'Recommendation or area for improvement',
  action: 'Action to be taken',
  owner: 'Lead officer',
  dueDate: 'Target date',
  timescale: 'Timescale',
  rag: 'RAG rating',
  update: 'Progress update',
  status: 'Status',
};

/** The plan page's banner after an import: how many actions were brought in (the count the import redirected with). */
export function broughtIn(imported: string | undefined): string | undefined {
  if (!imported || !/^\d{1,6}$/.test(imported)) return undefined;
  const n = Number(imported);
  return `${n} ${n === 1 ? 'action was' : 'actions were'} brought in from the tracker.`;
}

/** The rows as the review page shows them: owners by the name of the person matched, statuses and RAG in words, the recommendation each answers. */
export function trackerRowsView(rows: TrackerJsonRow[], names: Map<string, string>, read: Pick<TrackerRow, 'recommendation'>[]) {
  return rows.map((r, i) => ({
    ...r,
    recommendation: read[i]?.recommendation ?? null,
    ownerName: r.ownerId ? names.get(r.ownerId) : null,
    statusLabel: r.status ? (STATUS_LABELS as Record<string, string>)[r.status] : null,
    ragLabel: r.rag ? (RAG_LABELS as Record<string, string>)[r.rag] : null,
    timescaleLabel: r.timescale ? ((TIMESCALE_LABELS as Record<string, string>)[r.timescale] ?? r.timescale) : null,
  }));
}
