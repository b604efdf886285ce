import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { BoardRepositories } from '@app/database/repositories/board.repository';
import { Transactions } from '@app/database/transactions';
import { contentHash, DryRun, extractText, ImportError, PageProgress, parseReport, ParsedReport, readDryRun } from '@app/importer';
import { AppError, AppErrorKind, badRequest } from '../app-error';
import { DocumentService, DocumentView } from '../documents/document.service';
import { PlanService } from '../plans/plan.service';
import { Actor } from '../request-context';

export interface ReadReport {
  text: string;
  report: ParsedReport;
}

export interface ImportOptions {
  title?: string;
  createPlan?: { boardId?: string; title?: string; startDate?: string };
  /** Told after each page of a PDF is read, for a long import's progress. */
  onProgress?: PageProgress;
}

function asAppError(error: unknown): unknown {
  return error instanceof ImportError ? new AppError(IMPORT_ERROR_KIND[error.code], error.code, error.message, error.details) : error;
}

const IMPORT_ERROR_KIND: Record<ImportError['code'], AppErrorKind> = {
  empty: 'bad_request',
  too_large: 'payload_too_large',
  not_a_document: 'unsupported_media_type',
  encrypted_pdf: 'unprocessable',
  broken_pdf: 'unprocessable',
  no_findings: 'unprocessable',
};

/** Reads an inspection report (text or PDF) into a document with findings, and optionally a draft plan. */
@Injectable()
export class ReportImportService {
  constructor(
    private readonly transactions: Transactions,
    private readonly boards: BoardRepositories,
    private readonly documents: DocumentService,
    private readonly plans: PlanService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Parses without storing anything. */
  async read(bytes: Buffer, onProgress?: PageProgress): Promise<ReadReport> {
    const text = await this.readText(bytes, onProgress);
    try {
      return { text, report: parseReport(text) };
    } catch (error) {
      throw asAppError(error);
    }
  }

  /** Parses for a dry run, without storing anything: a paper with figures but no findings is read too. */
  async dryRun(bytes: Buffer, onProgress?: PageProgress): Promise<DryRun> {
    const text = await this.readText(bytes, onProgress);
    try {
      return readDryRun(text);
    } catch (error) {
      throw asAppError(error);
    }
  }

  /** The document's text (text, PDF or Word), refused as the report import refuses it; not parsed. */
  async readText(bytes: Buffer, onProgress?: PageProgress): Promise<string> {
    try {
      return await extractText(bytes, this.config.reportMaxBytes, onProgress);
    } catch (error) {
      throw asAppError(error);
    }
  }

  /** Stores the document and its findings (once per content) and, if asked, a draft plan; all or nothing. */
  async import(actor: Actor, bytes: Buffer, options: ImportOptions = {}) {
    const { text, report } = await this.read(bytes, options.onProgress);
    if (options.createPlan && !options.createPlan.startDate && !report.published) throw startDateRequired(report);
    return this.transactions.run(async () => {
      const { document, created } = await this.documents.create(actor, {
        title: options.title ?? defaultTitle(report),
        kind: report.kind,
        inspectorates: report.inspectorates,
        inspectionStart: report.inspectionDates.start,
        inspectionEnd: report.inspectionDates.end,
        publishedOn: report.published,
        judgements: report.judgements,
        findings: report.findings.map((f) => ({
          section: f.section,
          timescale: f.timescale,
          text: f.text,
          ownerOrg: f.ownerOrg,
          lineStart: f.line,
          lineEnd: f.lineEnd,
        })),
        body: text,
        contentHash: contentHash(text),
      });
      const plan = options.createPlan ? await this.createPlan(actor, document, options.createPlan) : null;
      return { document, created, report, plan };
    });
  }

  private async createPlan(actor: Actor, document: DocumentView, opts: { boardId?: string; title?: string; startDate?: string }) {
    const boardId = opts.boardId ?? (await this.boards.for(actor.authorityId).first())?.id;
    if (!boardId) throw badRequest('board_required', 'Create a board first: a plan belongs to a board');
    const plan = await this.plans.create(actor, {
      title: opts.title ?? `Improvement plan: ${document.title}`,
      boardId,
      documentIds: [document.id],
      startDate: opts.startDate,
    });
    const actionsAdded = await this.plans.addActionsFromFindings(actor, plan.id);
    return { ...plan, actionsAdded };
  }
}

/** Reports of the current framework carry inspection dates but no publication date: the start is asked for, not guessed. */
function startDateRequired(report: ParsedReport) {
  const { start, end } = report.inspectionDates;
  const inspected = start ? ` (it was inspected ${end && end !== start ? `from ${start} to ${end}` : `on ${start}`})` : '';
  return badRequest(
    'start_date_required',
    `The report gives no publication date${inspected}: give the plan's start date, the date its due dates count from (YYYY-MM-DD).`,
    { inspectionDates: report.inspectionDates },
  );
}

function defaultTitle(report: ParsedReport): string {
  const kind = report.kind.replace(/_/g, ' ');
  return [report.authority, kind, report.published].filter(Boolean).join(' — ').slice(0, 300);
}
