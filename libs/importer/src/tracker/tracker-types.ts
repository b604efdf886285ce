import type { ActionStatus, Rag } from '@app/domain';

/** The fields a tracker's columns can hold, in the order a mapping lists them. */
export const TRACKER_FIELDS = ['ref', 'recommendation', 'action', 'owner', 'dueDate', 'timescale', 'rag', 'update', 'status'] as const;
export type TrackerField = (typeof TRACKER_FIELDS)[number];

/** One cell as read from a sheet: its value, and where it came from. */
export interface GridCell {
  value: string | number | boolean | Date | null;
  /** The formula, when the cell holds one (its value is the last calculated result). */
  formula?: string;
  /** Part of a merged range but not its first cell (its value repeats the first's). */
  mergedCopy?: boolean;
  /** The RAG its fill colour shows, for trackers that colour the RAG cell and write nothing. */
  fillRag?: Rag;
}

export interface GridRow {
  /** The line a person sees: the spreadsheet's row number, or the CSV line the record starts on. */
  line: number;
  cells: GridCell[];
}

export interface TrackerGrid {
  format: 'xlsx' | 'csv';
  sheet: string | null;
  encoding?: string;
  rows: GridRow[];
}

/** Which column (0-based) holds each field; a person may change it before the import. */
export type ColumnMapping = Partial<Record<TrackerField, number>>;

export interface TrackerProblem {
  line: number | null;
  message: string;
}

export interface TrackerRow {
  line: number;
  ref: string | null;
  section: string | null;
  /** What is tracked: the action to be taken, or the recommendation when there is no action column. */
  text: string;
  /** The recommendation or area for improvement the action answers, when the tracker has both. */
  recommendation: string | null;
  owner: string | null;
  dueDate: string | null;
  timescale: string | null;
  status: ActionStatus | null;
  /** The council's own word for the status, as written. */
  statusText: string | null;
  /** "Delayed", "behind", "at risk": the action is kept in progress and flagged at risk. */
  atRisk: boolean;
  rag: Rag | null;
  update: string | null;
}

export interface TrackerRead {
  format: 'xlsx' | 'csv';
  sheet: string | null;
  encoding: string | null;
  title: string | null;
  headerLine: number;
  /** Each column's header as written, by 0-based index. */
  headers: string[];
  mapping: ColumnMapping;
  rows: TrackerRow[];
  problems: TrackerProblem[];
}
