import { detectKind } from './document-kind';
import { findFindings } from './findings';
import { findFocusAreas } from './focus-areas';
import { emptyDocument, noFindings } from './import-error';
import { findInspectorates } from './inspectorates';
import { findJudgements } from './judgements';
import { diagnoseLayout } from './layout-diagnosis';
import { ParsedReport } from './parsed-report';
import { readDocument } from './report-document';
import { findAuthority } from './authority';
import { findInspectionDates, findPublished } from './report-dates';

/** Reads a report's text (as extracted from its PDF). Throws ImportError when it holds no findings. */
export function parseReport(text: string): ParsedReport {
  if (text.trim().length === 0) throw emptyDocument('The document has no text');
  const doc = readDocument(text.replace(/^\uFEFF/, ''));
  const kind = detectKind(doc.lines);
  const inspectorates = findInspectorates(doc, kind);
  const authority = findAuthority(doc, kind);
  const findings = findFindings(doc, kind, { authority, inspectorates });
  if (findings.length === 0) throw noFindings(diagnoseLayout(doc, kind));
  return {
    kind,
    authority,
    inspectorates,
    published: findPublished(doc),
    inspectionDates: findInspectionDates(doc),
    judgements: findJudgements(doc, kind),
    findings,
    focusAreas: findFocusAreas(doc),
  };
}
