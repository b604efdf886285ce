import { toImportJson } from './import-json';
import { noFindings } from './import-error';
import { LayoutDiagnosis } from './layout-diagnosis';
import { findPaperFigures, PaperMeasure } from './paper-figures';
import { ParsedReport } from './parsed-report';
import { readReportText } from './parse-report';

/** What a dry run read: the report, its performance figures and, when it has no findings, its layout diagnosis. */
export interface DryRun {
  report: ParsedReport;
  layout: LayoutDiagnosis | null;
  measures: PaperMeasure[];
}

/**
 * A dry run (`import-report --dry-run`, `POST /api/v1/documents/import` with dryRun) reads a paper that
 * gives figures but no findings; a document with neither is refused as storing it is.
 */
export function readDryRun(text: string): DryRun {
  const { report, noFindings: layout } = readReportText(text);
  const measures = findPaperFigures(text, report.published);
  if (layout && measures.length === 0) throw noFindings(layout);
  return { report, layout, measures };
}

/** The dry run's JSON: the report, `layout` (null when findings were found) and `measures`. */
export function toDryRunJson({ report, layout, measures }: DryRun): object {
  return { ...toImportJson(report), layout, measures };
}
