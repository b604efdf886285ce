import { ActionSummary } from './action-rows';
import { FIELD_NAMES, show } from './timeline-wording';
import { Names } from './people-directory';

const FIELDS = [
  'title',
  'description',
  'status',
  'statusReason',
  'ownerId',
  'organisationId',
  'dueDate',
  'atRisk',
  'ragOverride',
  'ragOverrideReason',
] as const;

/** What the user saw when they opened the form, carried in a hidden field so a refused save can show what changed since. */
export function snapshot(action: ActionSummary): string {
  const seen = Object.fromEntries(FIELDS.map((f) => [f, action[f] ?? null]));
  return Buffer.from(JSON.stringify(seen)).toString('base64url');
}

export function readSnapshot(value: string): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    return parsed && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

/** The fields someone else changed: as the user saw them, and as they are now. */
export function changesSince(seen: Record<string, unknown> | null, current: ActionSummary, names: Names) {
  if (!seen) return [];
  return FIELDS.filter((f) => (seen[f] ?? null) !== (current[f] ?? null)).map((f) => ({
    field: FIELD_NAMES[f],
    before: show(f, seen[f], names),
    after: show(f, current[f], names),
  }));
}
