import { JUDGEMENT_SCALES } from './judgement-scales';
import { ParsedReport } from './parsed-report';

/**
 * The CLI's JSON document (`import-report --dry-run --json`). A judgement's scale is shown by
 * its short name ("APA 1-4, 4 best"), which is what a reader checks a grade against.
 */
export function toImportJson(report: ParsedReport): object {
  return {
    kind: report.kind,
    authority: report.authority,
    inspectorates: report.inspectorates,
    published: report.published,
    /** Reports of the current framework give these and no publication date. */
    inspectionDates: report.inspectionDates,
    judgements: report.judgements.map(({ area, grade, label, scale }) => ({
      area,
      grade,
      label,
      scale: JUDGEMENT_SCALES[scale]?.label ?? scale,
    })),
    findings: report.findings.map(({ section, timescale, text, ownerOrg, line }) => ({ section, timescale, text, ownerOrg, line })),
    focusAreas: report.focusAreas,
  };
}
