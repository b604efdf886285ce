import {
  KIND_APA_LETTER,
  KIND_COUNCIL_PROGRESS_PAPER,
  KIND_FOCUSED_VISIT_LETTER,
  KIND_JOINT_AREA_REVIEW,
  KIND_JOINT_TARGETED_AREA_INSPECTION,
  KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES,
  KIND_LOOKED_AFTER_CHILDREN_2013,
  KIND_MONITORING_VISIT_LETTER,
  KIND_SAFEGUARDING_AND_LOOKED_AFTER,
  KIND_SINGLE_INSPECTION_FRAMEWORK,
  KIND_UNANNOUNCED_INSPECTION_LETTER,
} from './document-kind';
import { apaTableFindings } from './findings-apa-table';
import { headedListFindings, HeadedListSpec } from './findings-headed-lists';
import { sectionName } from './headings';
import { letteredListFindings } from './findings-lettered-list';
import { plainListFindings } from './findings-plain-list';
import { visitLetterFindings } from './findings-visit-letter';
import { numberedListFindings } from './findings-numbered-lists';
import { ParsedFinding } from './parsed-report';
import { ReportDocument } from './report-document';
import { partBefore } from './report-parts';

export interface FindingsContext {
  authority: string | null;
  inspectorates: string[];
}

type Layout = (doc: ReportDocument, context: FindingsContext) => ParsedFinding[];

const asWritten = ({ heading, theme }: { heading: { text: string }; theme: string | null }) => theme ?? heading.text.replace(/[\s:]+$/, '');

/** "Areas for improvement" under a report part: the part names the section. */
const TIMESCALED_AREAS: HeadedListSpec = {
  heading: /^areas for improvement$/,
  section: ({ doc, headingIndex, theme }) => theme ?? partBefore(doc, headingIndex) ?? 'Areas for improvement',
};
const KEY_AREAS: HeadedListSpec = { heading: /^key areas for improvement$/, section: asWritten };
const AREAS_FOR_DEVELOPMENT: HeadedListSpec = { heading: /^areas for development$/, section: asWritten };
/** A footnote marker glued to the heading ("What needs to improve?1") is not part of it. */
const WHAT_NEEDS_TO_IMPROVE: HeadedListSpec = {
  heading: /^what needs to improve\b/,
  section: (context) => sectionName(asWritten(context)),
};
const JOINT_AREAS: HeadedListSpec = {
  heading: /^(?:areas for improvement|priorities for (?:further )?improvement|recommendations)$/,
  section: asWritten,
};

const headed =
  (spec: HeadedListSpec): Layout =>
  (doc, { authority }) =>
    headedListFindings(doc, spec, authority);
const apaTable: Layout = (doc) => apaTableFindings(doc);
const lettered: Layout = (doc, { inspectorates }) => letteredListFindings(doc, inspectorates);
const numbered: Layout = (doc, { authority }) => numberedListFindings(doc, authority);
const visitLetter: Layout = (doc) => visitLetterFindings(doc);

const LAYOUTS: Record<string, Layout[]> = {
  [KIND_SAFEGUARDING_AND_LOOKED_AFTER]: [headed(TIMESCALED_AREAS)],
  [KIND_LOOKED_AFTER_CHILDREN_2013]: [headed(TIMESCALED_AREAS)],
  [KIND_APA_LETTER]: [apaTable, headed(KEY_AREAS)],
  [KIND_UNANNOUNCED_INSPECTION_LETTER]: [headed(AREAS_FOR_DEVELOPMENT)],
  [KIND_COUNCIL_PROGRESS_PAPER]: [lettered],
  [KIND_SINGLE_INSPECTION_FRAMEWORK]: [numbered],
  [KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES]: [headed(WHAT_NEEDS_TO_IMPROVE), plainListFindings],
  [KIND_JOINT_TARGETED_AREA_INSPECTION]: [headed(JOINT_AREAS)],
  [KIND_JOINT_AREA_REVIEW]: [headed(JOINT_AREAS)],
  [KIND_FOCUSED_VISIT_LETTER]: [visitLetter],
  [KIND_MONITORING_VISIT_LETTER]: [visitLetter],
};

/** Tried in turn when the kind's own layouts find nothing, or the kind is unknown. */
const FALLBACKS: Layout[] = [
  headed(TIMESCALED_AREAS),
  numbered,
  apaTable,
  headed(KEY_AREAS),
  headed(AREAS_FOR_DEVELOPMENT),
  headed(WHAT_NEEDS_TO_IMPROVE),
  headed(JOINT_AREAS),
  lettered,
];

export function findFindings(doc: ReportDocument, kind: string, context: FindingsContext): ParsedFinding[] {
  for (const layouts of [LAYOUTS[kind] ?? [], FALLBACKS]) {
    for (const layout of layouts) {
      const found = layout(doc, context);
      if (found.length > 0) return found;
    }
  }
  return [];
}
