import {
  KIND_APA_LETTER,
  KIND_COUNCIL_PROGRESS_PAPER,
  KIND_FOCUSED_VISIT_LETTER,
  KIND_JOINT_AREA_REVIEW,
  KIND_JOINT_TARGETED_AREA_INSPECTION,
  KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES,
  KIND_MONITORING_VISIT_LETTER,
  KIND_SINGLE_INSPECTION_FRAMEWORK,
  KIND_UNANNOUNCED_INSPECTION_LETTER,
  titlesOf,
} from './document-kind';
import { SourceLine } from './page-cleaner';
import { headLines, ReportDocument } from './report-document';
import { escapeRegExp } from './text';

const AUTHORITY_LABEL = /^(?:local authority|authority|local area|council)\s*[:\t]\s*(.+)$/i;

/**
 * The authority as the document names it: the area a report is about ("Westmarsh"), the
 * council a letter is addressed to ("Westmarsh Council"), or the council writing its own paper.
 */
export function findAuthority(doc: ReportDocument, kind: string): string | null {
  const head = headLines(doc);
  for (const line of head) {
    const labelled = AUTHORITY_LABEL.exec(line.trimmed);
    if (labelled) return labelled[1].trim();
  }
  if (kind === KIND_COUNCIL_PROGRESS_PAPER) return councilHeading(head);
  const named = (kind === KIND_SINGLE_INSPECTION_FRAMEWORK ? judgedPlace(head) : null) ?? kindTitleName(doc, kind) ?? lineBesideTitle(head);
  if (!named) return null;
  const written = asWritten(doc, named);
  return isLetterToCouncil(kind) ? withCouncil(doc, written) : written;
}

function isLetterToCouncil(kind: string): boolean {
  return kind === KIND_APA_LETTER || kind === KIND_UNANNOUNCED_INSPECTION_LETTER;
}

/** A council's paper carries its name at the top. */
function councilHeading(head: SourceLine[]): string | null {
  for (const line of head.slice(0, 5)) {
    const name = line.trimmed.split('\t')[0].trim();
    if (/\b(?:council|borough|county)\b/i.test(name) && name.split(/\s+/).length <= 8) return name;
  }
  return null;
}

/** The single inspection framework's overall judgement: "Children's services in Eastbridge require improvement". */
const JUDGED_PLACE = /^children(?:'|\u2019)?s services in (?:the )?(.+?) (?:are|is|require|requires)\b/i;

function judgedPlace(head: SourceLine[]): string | null {
  for (const line of head) {
    const name = JUDGED_PLACE.exec(line.trimmed)?.[1].trim();
    if (name && isNameLike(name)) return name;
  }
  return null;
}

const TITLE_NAMES: Array<[string[], RegExp]> = [
  // 2005: "2005 ANNUAL PERFORMANCE ASSESSMENT OF MARLHAVEN BOROUGH COUNCIL'S EDUCATION AND CHILDREN'S SOCIAL CARE SERVICES"
  [[KIND_APA_LETTER], /annual performance assessment of (?:the )?(.+?)(?:'|\u2019)s(?:\s+(?:education|children|social|services)\b|$)/i],
  [[KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES], /inspection of (.+?)(?:'s)? local authority children(?:'|\u2019)?s services/i],
  [[KIND_FOCUSED_VISIT_LETTER, KIND_MONITORING_VISIT_LETTER], /visit (?:to|of) (.+?)(?:'s)? children(?:'|\u2019)?s services/i],
  [[KIND_JOINT_AREA_REVIEW], /joint area review of (?:the )?(.+)$/i],
  [
    [KIND_APA_LETTER, KIND_UNANNOUNCED_INSPECTION_LETTER, KIND_JOINT_TARGETED_AREA_INSPECTION, KIND_JOINT_AREA_REVIEW],
    /.*\b(?:in|within)\s+(?!need\b)(?:the\s+)?(.+)$/i,
  ],
];
const NAME_SUFFIX = /(?:\s+(?:local authority|council|children(?:'|\u2019)?s services(?: authority)?|area|partnership|\d{4}))+[\s.]*$/i;

/** The place a title names: "… in Saltmere", "Inspection of Northfold local authority children's services". */
function kindTitleName(doc: ReportDocument, kind: string): string | null {
  // The first line with the title may not name the place ("What needs to improve in this local authority …"); a later one may.
  for (const title of titlesOf(doc.lines, kind)) {
    for (const [kinds, pattern] of TITLE_NAMES) {
      if (!kinds.includes(kind)) continue;
      const name = pattern
        .exec(title)?.[1]
        .replace(NAME_SUFFIX, '')
        .replace(/[\s.:]+$/, '')
        .trim();
      if (name && isNameLike(name)) return name;
    }
  }
  return null;
}

const REPORT_TITLE = /^(?:inspection|review|joint|annual)\b/i;

const TITLE_WRAP = 3;

/** The place named on its own line just after the report's title (which may wrap), or just before it. */
function lineBesideTitle(head: SourceLine[]): string | null {
  const title = head.findIndex((line) => REPORT_TITLE.test(line.trimmed));
  if (title < 0) return null;
  for (const candidate of head.slice(title + 1, title + 1 + TITLE_WRAP)) {
    if (isNameLike(candidate.trimmed)) return candidate.trimmed.replace(NAME_SUFFIX, '');
    if (candidate.trimmed.includes(':')) break;
  }
  const before = head[title - 1];
  return before && isNameLike(before.trimmed) ? before.trimmed.replace(NAME_SUFFIX, '') : null;
}

/** Words that join a name but are never one on their own: a title's "And" on a line of its own is no place. */
const JOINING_WORD = /^(?:and|&|of|the|in|on|upon|for|by|with|at|to|under)$/i;

function isNameLike(text: string): boolean {
  if (text.length < 3 || text.length > 60 || /[\d:;,\t|?]/.test(text)) return false;
  if (/\b(?:inspection|review|services?|report|effectiveness|children|and protection)\b/i.test(text.replace(NAME_SUFFIX, ''))) return false;
  const words = text.split(/\s+/);
  return /^[A-Z]/.test(text) && words.length <= 8 && !words.every((word) => JOINING_WORD.test(word));
}

/** Titles are often in capitals: take the name as the document writes it elsewhere in mixed case. */
function asWritten(doc: ReportDocument, name: string): string {
  if (name !== name.toUpperCase()) return name;
  const found = findMixedCase(doc, name, false) ?? findMixedCase(doc, name, true);
  return found ?? titleCase(name);
}

function withCouncil(doc: ReportDocument, name: string): string {
  if (/\bcouncil$/i.test(name)) return name;
  const found = findMixedCase(doc, `${name} Council`, false) ?? findMixedCase(doc, `${name} Council`, true);
  return found ?? name;
}

function findMixedCase(doc: ReportDocument, name: string, ampersands: boolean): string | null {
  const words = name
    .trim()
    .split(/\s+/)
    .map((word) => (ampersands && /^(?:and|&)$/i.test(word) ? '(?:and|&)' : escapeRegExp(word)));
  const pattern = new RegExp(`\\b${words.join('\\s+')}\\b`, 'gi');
  for (const line of doc.lines) {
    for (const match of line.trimmed.matchAll(pattern)) if (match[0] !== match[0].toUpperCase()) return match[0].replace(/\s+/g, ' ');
  }
  return null;
}

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(' ')
    .map((word, index) => (index > 0 && /^(?:and|of|the|upon|on|in)$/.test(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}
