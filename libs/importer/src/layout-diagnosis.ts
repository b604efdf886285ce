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
  REPORT_KINDS,
} from './document-kind';
import { ReportDocument } from './report-document';

/** What the importer looked for in a document it found no findings in, and what headings it saw. */
export interface LayoutDiagnosis {
  kind: string;
  /** The kind as people call it, or null when the layout was not recognised. */
  recognisedAs: string | null;
  lookedFor: string[];
  found: string[];
}

const TIMESCALED = 'Areas for improvement (with "Immediately", "Within three months", "Within six months")';
const SIF = ['What does the local authority need to improve?', 'Priority and immediate action', 'Areas for improvement', 'Recommendations'];
const ILACS = ['What needs to improve?', 'What needs to improve in this local authority’s children’s services?'];
const VISITS = ['Areas for priority action', 'Areas for improvement', 'What needs to improve in this area of social work practice?'];
const JOINT = ['Areas for improvement', 'Priorities for further improvement', 'Recommendations'];

/** The sections each kind's layouts read findings from, as a person would look for them. */
const SECTIONS: Record<string, string[]> = {
  [KIND_SAFEGUARDING_AND_LOOKED_AFTER]: [TIMESCALED],
  [KIND_LOOKED_AFTER_CHILDREN_2013]: [TIMESCALED],
  [KIND_APA_LETTER]: ['A table with an "Areas for improvement" column', 'Key areas for improvement'],
  [KIND_UNANNOUNCED_INSPECTION_LETTER]: ['Areas for development'],
  [KIND_COUNCIL_PROGRESS_PAPER]: ['A lettered list of key areas, "(a) … (b) …"'],
  [KIND_SINGLE_INSPECTION_FRAMEWORK]: SIF,
  [KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES]: ILACS,
  [KIND_FOCUSED_VISIT_LETTER]: VISITS,
  [KIND_MONITORING_VISIT_LETTER]: VISITS,
  [KIND_JOINT_TARGETED_AREA_INSPECTION]: JOINT,
  [KIND_JOINT_AREA_REVIEW]: JOINT,
};

const MAX_FOUND = 12;
const MAX_HEADING = 90;

export function diagnoseLayout(doc: ReportDocument, kind: string): LayoutDiagnosis {
  const known = SECTIONS[kind];
  const lookedFor = known ?? [...new Set(Object.values(SECTIONS).flat())];
  return { kind, recognisedAs: known ? REPORT_KINDS[kind as keyof typeof REPORT_KINDS] : null, lookedFor, found: headingsIn(doc) };
}

/** The document's own headings, in order, each once: what a person would scan for the findings. */
function headingsIn(doc: ReportDocument): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  for (const block of doc.blocks) {
    if (block.type !== 'heading' || block.text.length > MAX_HEADING || block.text.split(' ').length < 2) continue;
    if (!/^[A-Z]/.test(block.text) || /\d{4}|:$/.test(block.text) || seen.has(block.key)) continue;
    seen.add(block.key);
    found.push(block.text);
    if (found.length === MAX_FOUND) break;
  }
  return found;
}
