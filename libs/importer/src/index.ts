export type { Timescale } from './timescale';
export { TIMESCALES } from './timescale';
export type { ParsedFinding, ParsedJudgement, ParsedReport } from './parsed-report';
export {
  KIND_APA_LETTER,
  KIND_COUNCIL_PROGRESS_PAPER,
  KIND_JOINT_AREA_REVIEW,
  KIND_JOINT_TARGETED_AREA_INSPECTION,
  KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES,
  KIND_LOOKED_AFTER_CHILDREN_2013,
  KIND_SAFEGUARDING_AND_LOOKED_AFTER,
  KIND_SINGLE_INSPECTION_FRAMEWORK,
  KIND_UNANNOUNCED_INSPECTION_LETTER,
  KIND_UNKNOWN,
  REPORT_KINDS,
} from './document-kind';
export type { ReportKind } from './document-kind';
export {
  JUDGEMENT_SCALES,
  SCALE_APA_4_BEST,
  SCALE_ILACS_1_OUTSTANDING,
  SCALE_JAR_4_BEST,
  SCALE_OFSTED_1_OUTSTANDING,
  SCALE_SIF_1_OUTSTANDING,
} from './judgement-scales';
export type { JudgementScale } from './judgement-scales';
export { ImportError } from './import-error';
export type { ImportErrorCode } from './import-error';
export type { LayoutDiagnosis } from './layout-diagnosis';
export { parseReport, readReportText } from './parse-report';
export type { ReadReportText } from './parse-report';
export { readDryRun, toDryRunJson } from './dry-run';
export type { DryRun } from './dry-run';
export { extractText } from './pdf-text';
export { readReport } from './read-report';
export { toImportJson } from './import-json';
export { contentHash } from './content-hash';
export { findPaperFigures } from './paper-figures';
export type { FigurePolarity, PaperMeasure } from './paper-figures';
export { paperDate } from './paper-date';
export type { PageProgress } from './pdf-worker';
