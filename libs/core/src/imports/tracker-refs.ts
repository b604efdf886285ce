import { ACTION_REF_MAX_LENGTH } from '@app/domain';
import type { TrackerProblem, TrackerRow } from '@app/importer/tracker';

export interface TrackerRefs {
  /** The ref each row keeps, or null where it is given the plan's next A number. */
  refs: (string | null)[];
  problems: TrackerProblem[];
}

const NEXT_NUMBER = "it is given the plan's next number (A1, A2, …) instead";

/**
 * The tracker's own refs ("1.1", "2.3") that its actions keep: refs are unique within a plan, so a
 * ref another row (or an action already in the plan) has, one too long, or none where the tracker has
 * a ref column, gives the row the plan's next A number, with the reason as a problem line.
 */
export function trackerRefs(rows: TrackerRow[], refColumn: boolean, taken: ReadonlySet<string> = new Set()): TrackerRefs {
  const seen = new Map<string, number>();
  const problems: TrackerProblem[] = [];
  const refs = rows.map((row): string | null => {
    const ref = row.ref?.trim() ?? '';
    const problem = (message: string) => {
      problems.push({ line: row.line, message });
      return null;
    };
    if (!ref) return refColumn ? problem(`Line ${row.line} has no reference: ${NEXT_NUMBER}.`) : null;
    if (ref.length > ACTION_REF_MAX_LENGTH)
      return problem(`Line ${row.line}'s reference "${ref}" is longer than ${ACTION_REF_MAX_LENGTH} characters: ${NEXT_NUMBER}.`);
    if (seen.has(ref)) return problem(`Line ${row.line}'s reference "${ref}" is also on line ${seen.get(ref)}: ${NEXT_NUMBER}.`);
    seen.set(ref, row.line);
    if (taken.has(ref)) return problem(`Line ${row.line}'s reference "${ref}" is already an action of this plan: ${NEXT_NUMBER}.`);
    return ref;
  });
  return { refs, problems };
}
