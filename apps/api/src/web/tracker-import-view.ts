import type { TrackerField, TrackerJsonRow } from '@app/importer/tracker';
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

/** The rows as the review page shows them: owners by the name of the person matched, statuses and RAG in words. */
export function trackerRowsView(rows: TrackerJsonRow[], names: Map<string, string>) {
  return rows.map((r) => ({
    ...r,
    ownerName: r.ownerId ? names.get(r.ownerId) : null,
    statusLabel: r.status ? (STATUS_LABELS as Record<string, string>)[r.status] : null,
    ragLabel: r.rag ? (RAG_LABELS as Record<string, string>)[r.rag] : null,
    timescaleLabel: r.timescale ? ((TIMESCALE_LABELS as Record<string, string>)[r.timescale] ?? r.timescale) : null,
  }));
}
