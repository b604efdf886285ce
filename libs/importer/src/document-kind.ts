import { SourceLine } from './page-cleaner';

/** The kinds of source document in DOMAIN.md ("Source documents and what they contain"). */
export const KIND_SAFEGUARDING_AND_LOOKED_AFTER = 'inspection_report_safeguarding_and_looked_after_children';
export const KIND_LOOKED_AFTER_CHILDREN_2013 = 'inspection_report_looked_after_children';
export const KIND_SINGLE_INSPECTION_FRAMEWORK = 'inspection_report_single_inspection_framework';
export const KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES = 'inspection_report_local_authority_childrens_services';
export const KIND_APA_LETTER = 'annual_performance_assessment_letter';
export const KIND_UNANNOUNCED_INSPECTION_LETTER = 'annual_unannounced_inspection_letter';
export const KIND_COUNCIL_PROGRESS_PAPER = 'council_progress_paper';
export const KIND_JOINT_TARGETED_AREA_INSPECTION = 'joint_targeted_area_inspection_letter';
export const KIND_JOINT_AREA_REVIEW = 'joint_area_review';
export const KIND_FOCUSED_VISIT_LETTER = 'focused_visit_letter';
export const KIND_MONITORING_VISIT_LETTER = 'monitoring_visit_letter';
/** A document in none of the layouts above; its findings are still looked for. */
export const KIND_UNKNOWN = 'unknown';

export type ReportKind =
  | typeof KIND_SAFEGUARDING_AND_LOOKED_AFTER
  | typeof KIND_LOOKED_AFTER_CHILDREN_2013
  | typeof KIND_SINGLE_INSPECTION_FRAMEWORK
  | typeof KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES
  | typeof KIND_APA_LETTER
  | typeof KIND_UNANNOUNCED_INSPECTION_LETTER
  | typeof KIND_COUNCIL_PROGRESS_PAPER
  | typeof KIND_JOINT_TARGETED_AREA_INSPECTION
  | typeof KIND_JOINT_AREA_REVIEW
  | typeof KIND_FOCUSED_VISIT_LETTER
  | typeof KIND_MONITORING_VISIT_LETTER
  | typeof KIND_UNKNOWN;

export const REPORT_KINDS: Record<ReportKind, string> = {
  [KIND_SAFEGUARDING_AND_LOOKED_AFTER]: 'Inspection of safeguarding and looked after children services (2009-2012)',
  [KIND_LOOKED_AFTER_CHILDREN_2013]: 'Inspection of looked after children services (2013)',
  [KIND_SINGLE_INSPECTION_FRAMEWORK]: 'Single inspection framework report, with the review of the LSCB (2013-2018)',
  [KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES]: "Inspection of local authority children's services (ILACS, 2018 on)",
  [KIND_APA_LETTER]: 'Annual performance assessment (APA) letter',
  [KIND_UNANNOUNCED_INSPECTION_LETTER]: 'Annual unannounced inspection letter (contact, referral and assessment)',
  [KIND_COUNCIL_PROGRESS_PAPER]: "Council's own progress paper to a panel or board",
  [KIND_JOINT_TARGETED_AREA_INSPECTION]: 'Joint targeted area inspection letter',
  [KIND_JOINT_AREA_REVIEW]: 'Joint area review or progress inspection',
  [KIND_FOCUSED_VISIT_LETTER]: 'Focused visit letter (ILACS framework, 2018 on)',
  [KIND_MONITORING_VISIT_LETTER]: 'Monitoring visit letter to an authority judged inadequate (ILACS framework, 2018 on)',
  [KIND_UNKNOWN]: 'A document of no known layout',
};

/** Title phrases, matched in the document's opening lines; the earliest one names the kind. */
const TITLES: Array<[RegExp, ReportKind]> = [
  [/inspection of safeguarding and looked after children(?:'s)? services/i, KIND_SAFEGUARDING_AND_LOOKED_AFTER],
  [/inspection of (?:services for looked after children|looked after children(?:'s)? services)/i, KIND_LOOKED_AFTER_CHILDREN_2013],
  [
    /inspection of services for children in need of help and protection|review of the effectiveness of the (?:local )?safeguarding children(?:'s)? board/i,
    KIND_SINGLE_INSPECTION_FRAMEWORK,
  ],
  [
    /inspection of .{0,60}local authority children(?:'|\u2019)?s services|what needs to improve in this local authority/i,
    KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES,
  ],
  // Some covers name the council, then "Inspection of children's social care services".
  [/inspection of children(?:'|\u2019)?s social care services/i, KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES],
  [/focused visit to .{2,60}? children(?:'|\u2019)?s services/i, KIND_FOCUSED_VISIT_LETTER],
  [/monitoring visit (?:to|of) .{2,60}? children(?:'|\u2019)?s services/i, KIND_MONITORING_VISIT_LETTER],
  [/annual performance assessment/i, KIND_APA_LETTER],
  [/unannounced inspection of .{0,40}contact,? referral and assessment/i, KIND_UNANNOUNCED_INSPECTION_LETTER],
  [/joint targeted area inspection/i, KIND_JOINT_TARGETED_AREA_INSPECTION],
  [/joint area review|progress inspection of .{0,60}children(?:'|\u2019)?s services/i, KIND_JOINT_AREA_REVIEW],
];

/** A council committee paper opens with a cover sheet of labelled fields. */
const COVER_SHEET =
  /^(?:meeting(?:\s*\/\s*decision maker)?|decision maker|(?:meeting\s*\/\s*)?decision date|date of meeting|meeting date|report (?:to|of|author)|agenda item|executive forward plan|wards? affected|title|purpose of (?:the )?report|(?:\d\s+)?the issue)\s*[:\t]/i;

const HEAD_LINES = 120;

/**
 * Every line in the opening that carries the kind's title (a running header or footer may), each
 * joined with a lower-case line that continues it.
 */
export function titlesOf(lines: SourceLine[], kind: string): string[] {
  const pattern = TITLES.find(([, titled]) => titled === kind)?.[0];
  if (!pattern) return [];
  const head = lines.slice(0, HEAD_LINES).filter((line) => !line.blank);
  const titles: string[] = [];
  for (const [index, line] of head.entries()) {
    const next = head[index + 1];
    const title = next && /^[a-z]/.test(next.trimmed) ? `${line.trimmed} ${next.trimmed}` : line.trimmed;
    if (pattern.test(title)) titles.push(title);
  }
  return titles;
}

export function detectKind(lines: SourceLine[]): ReportKind {
  const head = lines.slice(0, HEAD_LINES).filter((line) => !line.blank);
  if (head.slice(0, 20).filter((line) => COVER_SHEET.test(line.trimmed)).length >= 2) return KIND_COUNCIL_PROGRESS_PAPER;
  // Joined, so that a title wrapped over two lines still matches.
  const text = head.map((line) => line.trimmed).join(' ');
  let best: { index: number; kind: ReportKind } | null = null;
  for (const [pattern, kind] of TITLES) {
    const index = text.search(pattern);
    if (index >= 0 && (!best || index < best.index)) best = { index, kind };
  }
  return best?.kind ?? KIND_UNKNOWN;
}
