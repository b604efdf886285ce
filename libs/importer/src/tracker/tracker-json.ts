import { columnLetter } from './tracker-columns';
import { TRACKER_FIELDS, TrackerField, TrackerProblem, TrackerRead } from './tracker-types';

export interface TrackerJsonRow {
  line: number;
  ref: string | null;
  section: string | null;
  text: string;
  owner: string | null;
  ownerId: string | null;
  dueDate: string | null;
  timescale: string | null;
  status: string | null;
  rag: string | null;
  update: string | null;
  /** The ref its action is given: the tracker's own, or the plan's next A number (null where not worked out). */
  actionRef: string | null;
}

export interface TrackerJson {
  columns: Partial<Record<TrackerField, { column: string; header: string }>>;
  rows: TrackerJsonRow[];
  problems: TrackerProblem[];
}

/**
 * The command line's and the API's account of a tracker read: each field's column (letter and header
 * as written), the rows, and the problems. `ownerIds` are the people matched to each row's owner,
 * `actionRefs` the refs their actions are given.
 */
export function toTrackerJson(
  read: TrackerRead,
  ownerIds: (string | null)[] = [],
  extraProblems: TrackerProblem[] = [],
  actionRefs: string[] = [],
): TrackerJson {
  const columns: TrackerJson['columns'] = {};
  for (const field of TRACKER_FIELDS) {
    const index = read.mapping[field];
    if (index !== undefined) columns[field] = { column: columnLetter(index), header: read.headers[index] ?? '' };
  }
  const rows = read.rows.map((r, i) => ({
    line: r.line,
    ref: r.ref,
    section: r.section,
    text: r.text,
    owner: r.owner,
    ownerId: ownerIds[i] ?? null,
    dueDate: r.dueDate,
    timescale: r.timescale,
    status: r.status,
    rag: r.rag,
    update: r.update,
    actionRef: actionRefs[i] ?? null,
  }));
  const problems = [...read.problems, ...extraProblems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { columns, rows, problems };
}
