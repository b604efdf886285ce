import { Timescale } from './timescale';

export interface ParsedFinding {
  /** Where the finding sits: a report part ("Services for looked after children"), an outcome area, a list. */
  section: string;
  timescale: Timescale;
  /** As written: whitespace folded, HTML and the list marker removed, page breaks joined. */
  text: string;
  /** The partner organisation(s) the finding is addressed to, when not the authority itself. */
  ownerOrg: string | null;
  /** 1-based first and last source lines. */
  line: number;
  lineEnd: number;
}

export interface ParsedJudgement {
  area: string;
  grade: number;
  label: string | null;
  /** One of the JUDGEMENT_SCALES ids: scales differ by framework, so a grade means nothing without it. */
  scale: string;
}

export interface ParsedReport {
  kind: string;
  authority: string | null;
  inspectorates: string[];
  /** YYYY-MM-DD: the publication date, or the date of a letter or meeting. */
  published: string | null;
  inspectionDates: { start: string | null; end: string | null };
  judgements: ParsedJudgement[];
  findings: ParsedFinding[];
  /** "Aspects for focus" / "areas for exploration" of a future inspection: not findings. */
  focusAreas: string[];
}
