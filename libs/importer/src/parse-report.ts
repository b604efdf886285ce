import { detectKind } from './document-kind';
import { findFindings } from './findings';
import { findFocusAreas } from './focus-areas';
import { emptyDocument, noFindings } from './import-error';
import { findInspectorates } from './inspectorates';
import { findJudgements } from './judgements';
import { diagnoseLayout, LayoutDiagnosis } from './layout-diagnosis';
import { ParsedReport } from './parsed-report';
import { readDocument } from './report-document';
import { findAuthority } from './authority';
import { findInspectionDates, findPublished } from './report-dates';

/** A report as read, findings or not; the layout diagnosis is there only when it has no findings. */
export interface ReadReportText {
  report: ParsedReport;
  noFindings: LayoutDiagnosis | null;
}

/** Reads a report's text (as extracted from its PDF). Throws ImportError when it holds no findings. */
export function parseReport(text: string): ParsedReport {
  const { report, noFindings: diagnosis } = readReportText(text);
  if (diagnosis) throw noFindings(diagnosis);
  return report;
}

/** Reads a report's text without asking for findings (a dry run shows a paper's figures even without them). */
export function readReportText(text: string): ReadReportText {
  if (text.trim().length === 0) throw emptyDocument('The document has no text');
  const doc = readDocument(text.replace(/^\uFEFF/, ''));
  const kind = detectKind(doc.lines);
  const inspectorates = findInspectorates(doc, kind);
  const authority = findAuthority(doc, kind);
  const findings = findFindings(doc, kind, { authority, inspectorates });
  const report = {
    kind,
    authority,
    inspectorates,
    published: findPublished(doc),
    inspectionDates: findInspectionDates(doc),
    judgements: findJudgements(doc, kind),
    findings,
    focusAreas: findFocusAreas(doc),
  };
  return { report, noFindings: findings.length === 0 ? diagnoseLayout(doc, kind) : null };
}
