import {
  KIND_APA_LETTER,
  KIND_FOCUSED_VISIT_LETTER,
  KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES,
  KIND_LOOKED_AFTER_CHILDREN_2013,
  KIND_MONITORING_VISIT_LETTER,
  KIND_SAFEGUARDING_AND_LOOKED_AFTER,
  KIND_SINGLE_INSPECTION_FRAMEWORK,
  KIND_UNANNOUNCED_INSPECTION_LETTER,
} from './document-kind';
import { ReportDocument } from './report-document';

/** The inspectorates, by the names and abbreviations reports use for them. */
const INSPECTORATES: Array<[string, RegExp]> = [
  ['Ofsted', /\bofsted\b|office for standards in education/i],
  ['CSCI', /commission for social care inspection|\bCSCI\b/i],
  ['CQC', /care quality commission|\bCQC\b/i],
  ['HMICFRS', /inspectorate of constabulary and fire|\bHMICFRS\b/i],
  ['HMIC', /inspectorate of constabulary(?! and fire)|\bHMIC\b(?!FRS)/i],
  ['HMI Probation', /inspectorate of probation|\bHMI ?Probation\b/i],
  ['Healthcare Commission', /healthcare commission/i],
  ['Audit Commission', /audit commission/i],
  ['Adult Learning Inspectorate', /adult learning inspectorate/i],
];

const HEAD_LINES = 60;
/** Frameworks Ofsted leads, for a report that never names its inspectorate in the text. */
const OFSTED_FRAMEWORKS = new Set<string>([
  KIND_SAFEGUARDING_AND_LOOKED_AFTER,
  KIND_LOOKED_AFTER_CHILDREN_2013,
  KIND_SINGLE_INSPECTION_FRAMEWORK,
  KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES,
  KIND_FOCUSED_VISIT_LETTER,
  KIND_MONITORING_VISIT_LETTER,
  KIND_APA_LETTER,
  KIND_UNANNOUNCED_INSPECTION_LETTER,
]);
const SIGN_OFF = /^yours (?:sincerely|faithfully)/i;
const SALUTATION = /^dear\s/i;
/** After "Dear …": the title and the opening paragraph. */
const LINES_AFTER_SALUTATION = 3;

/** A letter names its authors above the salutation; a report on its cover and in its opening. */
function headEnd(doc: ReportDocument): number {
  const salutation = doc.lines.slice(0, HEAD_LINES).findIndex((line) => SALUTATION.test(line.trimmed));
  if (salutation < 0) return HEAD_LINES;
  let end = salutation;
  for (let seen = 0; end < doc.lines.length && seen <= LINES_AFTER_SALUTATION; end += 1) if (!doc.lines[end].blank) seen += 1;
  return end;
}

/** Inspectorates named in a piece of text, in order of first mention. */
export function inspectoratesIn(text: string): string[] {
  return INSPECTORATES.map(([name, pattern]) => ({ name, at: text.search(pattern) }))
    .filter((found) => found.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((found) => found.name);
}

/**
 * Who inspected: named on the cover and in the opening paragraphs, or in a letter's signature.
 * The body is not read, where other bodies are only mentioned ("published to the Audit Commission").
 */
export function findInspectorates(doc: ReportDocument, kind: string): string[] {
  const head = doc.lines.slice(0, headEnd(doc)).map((line) => line.trimmed);
  const signOff = doc.lines.findIndex((line) => SIGN_OFF.test(line.trimmed));
  const tail = signOff >= 0 ? doc.lines.slice(signOff).map((line) => line.trimmed) : [];
  const named = inspectoratesIn([...head, ...tail].join('\n'));
  return named.length === 0 && OFSTED_FRAMEWORKS.has(kind) ? ['Ofsted'] : named;
}
