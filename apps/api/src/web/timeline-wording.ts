import { formatDate } from './page-format';
import { RAG_LABELS, STATUS_LABELS } from './page-labels';
import { Names } from './people-directory';

export interface TimelineEvent {
  seq: number;
  at: string;
  event: string;
  actorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const label = (map: Record<string, string>, value: unknown) => (typeof value === 'string' ? (map[value] ?? value) : 'none');

/** An audit event in words for the action's timeline: a title and the details under it. */
export function describeEvent(e: TimelineEvent, names: Names): { title: string; details: string[] } {
  const after = e.after ?? {};
  switch (e.event) {
    case 'action_created':
      return { title: 'Action created', details: [] };
    case 'action_status_changed':
    case 'action_verified':
      return {
        title: `Status changed from ${label(STATUS_LABELS, e.before?.status)} to ${label(STATUS_LABELS, after.status)}`,
        details: after.statusReason ? [`Reason: ${after.statusReason}`] : [],
      };
    case 'progress_note_added':
      return { title: 'Progress note added', details: [String(after.body ?? '')] };
    case 'evidence_added':
      return { title: `Evidence added: ${after.title ?? ''}`, details: after.fileName ? [`File: ${after.fileName}`] : after.url ? [`Link: ${after.url}`] : [] };
    case 'milestone_added':
      return { title: `Milestone added: ${after.title ?? ''}`, details: after.dueDate ? [`Due ${formatDate(String(after.dueDate))}`] : [] };
    case 'milestone_done':
      return { title: `Milestone done: ${after.title ?? ''}`, details: [] };
    case 'milestone_reopened':
      return { title: `Milestone reopened: ${after.title ?? ''}`, details: [] };
    case 'action_carried_over':
      return { title: 'Carried over into a new plan', details: [] };
    case 'action_updated':
      return { title: 'Action updated', details: describeChanges(e.before ?? {}, after, names) };
    default:
      return { title: e.event.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), details: [] };
  }
}

/** Each changed field as 'Owner: Jo Bloggs → Sam Okafor'. */
export function describeChanges(before: Record<string, unknown>, after: Record<string, unknown>, names: Names): string[] {
  return Object.keys(after)
    .filter((k) => k in FIELD_NAMES && before[k] !== after[k])
    .map((k) => `${FIELD_NAMES[k]}: ${show(k, before[k], names)} → ${show(k, after[k], names)}`);
}

export const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  status: 'Status',
  statusReason: 'Status reason',
  ownerId: 'Owner',
  managerId: 'Manager',
  organisationId: 'Partner organisation',
  dueDate: 'Due date',
  atRisk: 'Flagged at risk',
  ragOverride: 'RAG set by a person',
  ragOverrideReason: 'Reason for the RAG',
};

export function show(field: string, value: unknown, names: Names): string {
  if (value === null || value === undefined || value === '') return 'none';
  switch (field) {
    case 'ownerId':
    case 'managerId':
      return names.personName(String(value));
    case 'organisationId':
      return names.organisationName(String(value));
    case 'status':
      return label(STATUS_LABELS, value);
    case 'ragOverride':
      return label(RAG_LABELS, value);
    case 'dueDate':
      return formatDate(String(value));
    case 'atRisk':
      return value ? 'yes' : 'no';
    default:
      return String(value);
  }
}
