import { ACTION_REF_MAX_LENGTH, actionRef, planRefNumber } from '@app/domain';
import type { TrackerProblem, TrackerRow } from '@app/importer/tracker';

export interface TrackerRefs {
  /** The ref each row's action is given: its own, or the plan's next A number. */
  refs: string[];
  problems: TrackerProblem[];
}

/**
 * The tracker's own refs ("1.1", "2.3") that its actions keep: refs are unique within a plan, so a
 * ref another row (or an action already in the plan) has, one too long, or none where the tracker has
 * a ref column, gives the row the plan's next A number, with the reason as a problem line. The numbers
 * are given here, before anything is stored, after the highest the plan or the tracker already holds,
 * so no row's own ref can be taken by another row's number.
 */
export function trackerRefs(rows: TrackerRow[], refColumn: boolean, taken: ReadonlySet<string> = new Set(), highest = 0): TrackerRefs {
  const seen = new Map<string, number>();
  const reasons = rows.map((row): { keep: string } | { reason: string | null } => {
    const ref = row.ref?.trim() ?? '';
    if (!ref) return { reason: refColumn ? `Line ${row.line} has no reference` : null };
    if (ref.length > ACTION_REF_MAX_LENGTH) return { reason: `Line ${row.line}'s reference "${ref}" is longer than ${ACTION_REF_MAX_LENGTH} characters` };
    if (seen.has(ref)) return { reason: `Line ${row.line}'s reference "${ref}" is also on line ${seen.get(ref)}` };
    seen.set(ref, row.line);
    if (taken.has(ref)) return { reason: `Line ${row.line}'s reference "${ref}" is already an action of this plan` };
    return { keep: ref };
  });
  let next = [...seen.keys()].reduce((n, ref) => Math.max(n, planRefNumber(ref) ?? 0), highest);
  const problems: TrackerProblem[] = [];
  const refs = reasons.map((r, i) => {
    if ('keep' in r) return r.keep;
    const ref = actionRef(++next);
    if (r.reason) problems.push({ line: rows[i].line, message: `${r.reason}: it is given the plan's next number, ${ref}, instead.` });
    return ref;
  });
  return { refs, problems };
}
