import { Body, Controller, Get, Param, ParseUUIDPipe, Req, Res, UploadedFile, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Transactions } from '@app/database/transactions';
import { randomUUID } from 'node:crypto';
import { Authenticated, BoardService, DocumentService, ImportProgress, PlanService, ReportImportService, tracked } from '@app/core';
import { rolesFor, TIMESCALES } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { FormPost, PageRequest } from './csrf';
import { CreatePlanDto } from '../plans/plans.dto';
import { UpdateFindingDto } from '../documents/documents.dto';
import { checkForm, FormErrors, userError } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field, fields } from './page-query';
import { TIMESCALE_LABELS } from './page-labels';
import { PageRenderer } from './page-renderer';

const SAVED: Record<string, string> = {
  imported: 'The report has been read. Check each finding below before making the plan.',
  updated: 'The finding has been changed.',
  dropped: 'The finding has been removed.',
  merged: 'The findings have been merged into one.',
  split: 'The finding has been split.',
};

const FINDING_WORDING = {
  text: { field: 'text', required: true, missing: 'Enter the text of the finding', invalid: 'The text of the finding must be at most 10,000 characters' },
  section: {
    field: 'section',
    required: true,
    missing: 'Enter the section of the report the finding is in',
    invalid: 'The section must be at most 300 characters',
  },
  timescale: { field: 'timescale', required: true, missing: 'Choose the timescale the report gives', invalid: 'Choose the timescale the report gives' },
};

/** Import a report: upload, then review the findings (edit, merge, split, drop), then make the draft plan. */
@Controller('import')
// Reviewing findings and making the draft plan come with importing.
@Roles(...rolesFor('documents.import'))
@UseFilters(PageErrorFilter)
export class ReportImportController {
  constructor(
    private readonly transactions: Transactions,
    private readonly imports: ReportImportService,
    private readonly documents: DocumentService,
    private readonly plans: PlanService,
    private readonly boards: BoardService,
    private readonly pages: PageRenderer,
    private readonly progress: ImportProgress,
  ) {}

  @Get()
  async uploadForm(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.uploadPage(actor, req, res, new FormErrors(), '', 200);
  }

  @FormPost('', 'file')
  async upload(
    @CurrentActor() actor: Authenticated,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ) {
    const title = field(body, 'title').slice(0, 300);
    if (!file || file.buffer.length === 0)
      return this.uploadPage(actor, req, res, FormErrors.of('report-file', 'Select the report file (a PDF or a text file)'), title, 400);
    try {
      // The page polls the pages read under the id it sent (GET /api/v1/imports/{id}/progress).
      const tracker = await this.progress.start(actor, field(body, 'progressId'), 'pages');
      const { document } = await tracked(tracker, () => this.imports.import(actor, file.buffer, { title: title || undefined, onProgress: tracker.onProgress }));
      res.redirect(`/import/${document.id}?saved=imported`, 303);
    } catch (error) {
      const problem = userError(error);
      if (!problem) throw error;
      await this.uploadPage(actor, req, res, FormErrors.of('report-file', problem.message), title, 400);
    }
  }

  @Get(':id')
  async review(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.reviewPage(actor, id, req, res, new FormErrors(), {}, 200);
  }

  @Get(':id/findings/:findingId')
  async finding(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('findingId', ParseUUIDPipe) findingId: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
  ) {
    await this.findingPage(actor, id, findingId, req, res, new FormErrors(), null, 200);
  }

  @FormPost(':id/findings/:findingId')
  async updateFinding(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('findingId', ParseUUIDPipe) findingId: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const values = { text: field(body, 'text'), section: field(body, 'section'), timescale: field(body, 'timescale') };
    const { input, errors } = checkForm(UpdateFindingDto, values, FINDING_WORDING);
    if (errors.any) return this.findingPage(actor, id, findingId, req, res, errors, values, 400);
    await this.attempt(
      () => this.documents.updateFinding(actor, id, findingId, input),
      res,
      `/import/${id}?saved=updated`,
      (problem) => this.findingPage(actor, id, findingId, req, res, FormErrors.of('text', problem), values, 400),
    );
  }

  @FormPost(':id/findings/:findingId/split')
  async split(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('findingId', ParseUUIDPipe) findingId: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const parts = field(body, 'parts')
      .split(/\r?\n\s*\r?\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length < 2)
      return this.findingPage(
        actor,
        id,
        findingId,
        req,
        res,
        FormErrors.of('parts', 'Enter at least two parts, with a blank line between them'),
        { parts: field(body, 'parts') },
        400,
      );
    await this.attempt(
      () => this.documents.splitFinding(actor, id, findingId, parts),
      res,
      `/import/${id}?saved=split`,
      (problem) => this.findingPage(actor, id, findingId, req, res, FormErrors.of('parts', problem), { parts: field(body, 'parts') }, 400),
    );
  }

  @FormPost(':id/findings/:findingId/drop')
  async drop(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('findingId', ParseUUIDPipe) findingId: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
  ) {
    await this.attempt(
      () => this.documents.dropFinding(actor, id, findingId),
      res,
      `/import/${id}?saved=dropped`,
      (problem) => this.findingPage(actor, id, findingId, req, res, FormErrors.of('drop', problem), null, 400),
    );
  }

  @FormPost(':id/merge')
  async merge(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const chosen = fields(body, 'findingIds');
    if (chosen.length < 2) return this.reviewPage(actor, id, req, res, FormErrors.of('merge', 'Select at least two findings to merge'), {}, 400);
    await this.attempt(
      () => this.documents.mergeFindings(actor, id, chosen),
      res,
      `/import/${id}?saved=merged`,
      (problem) => this.reviewPage(actor, id, req, res, FormErrors.of('merge', problem), {}, 400),
    );
  }

  @FormPost(':id/plan')
  async createPlan(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const values = { boardId: field(body, 'boardId'), title: field(body, 'title'), startDate: field(body, 'startDate') };
    const { errors } = checkForm(CreatePlanDto, values, {
      title: { field: 'plan-title', missing: 'Enter a title for the plan', invalid: 'The title must be 300 characters or fewer' },
      boardId: { field: 'boardId', invalid: 'Choose the board that owns the plan' },
      startDate: { field: 'startDate', invalid: 'Enter the start date as a date written like 2026-04-01, or leave it blank' },
    });
    if (errors.any) return this.reviewPage(actor, id, req, res, errors, values, 400);
    try {
      const plan = await this.transactions.run(async () => {
        const created = await this.plans.create(actor, {
          title: values.title,
          boardId: values.boardId,
          documentIds: [id],
          startDate: values.startDate || null,
        });
        await this.plans.addActionsFromFindings(actor, created.id);
        return created;
      });
      res.redirect(`/plans/${plan.id}/owners?saved=created`, 303);
    } catch (error) {
      const problem = userError(error);
      if (!problem) throw error;
      await this.reviewPage(
        actor,
        id,
        req,
        res,
        FormErrors.of(problem.code === 'start_date_required' ? 'startDate' : 'plan-title', problem.message),
        values,
        400,
      );
    }
  }

  private async attempt(work: () => Promise<unknown>, res: FastifyReply, next: string, refused: (message: string) => Promise<void>) {
    try {
      await work();
    } catch (error) {
      const problem = userError(error);
      if (!problem) throw error;
      return refused(problem.message);
    }
    res.redirect(next, 303);
  }

  private async uploadPage(actor: Authenticated, req: PageRequest, res: FastifyReply, errors: FormErrors, title: string, status: number) {
    const documents = await this.documents.list(actor.authorityId);
    await this.pages.render(
      req,
      res,
      'import-upload.njk',
      { pageTitle: 'Import a report', documents: documents.slice(0, 10), title, progressId: randomUUID(), ...errors.view() },
      status,
    );
  }

  private async reviewPage(
    actor: Authenticated,
    id: string,
    req: PageRequest,
    res: FastifyReply,
    errors: FormErrors,
    values: Record<string, string>,
    status: number,
  ) {
    const [document, boards] = await Promise.all([this.documents.get(actor.authorityId, id), this.boards.list(actor.authorityId)]);
    const saved = typeof req.query.saved === 'string' ? SAVED[req.query.saved] : undefined;
    await this.pages.render(
      req,
      res,
      'import-review.njk',
      {
        pageTitle: `Review findings: ${document.title}`,
        document,
        success: saved,
        values: { title: `Improvement plan: ${document.title}`.slice(0, 300), ...values },
        boardItems: [
          { value: '', text: 'Choose a board' },
          ...boards.map((b) => ({ value: b.id, text: b.name, selected: b.id === values.boardId || boards.length === 1 })),
        ],
        ...errors.view(),
      },
      status,
    );
  }

  private async findingPage(
    actor: Authenticated,
    id: string,
    findingId: string,
    req: PageRequest,
    res: FastifyReply,
    errors: FormErrors,
    values: Record<string, string> | null,
    status: number,
  ) {
    const document = await this.documents.get(actor.authorityId, id);
    const finding = document.findings.find((f) => f.id === findingId);
    if (!finding)
      return this.reviewPage(
        actor,
        id,
        req,
        res,
        FormErrors.of('findings', 'That finding is no longer in the report: it may have been merged or removed'),
        {},
        404,
      );
    const shown = { text: finding.text, section: finding.section, timescale: finding.timescale, parts: '', ...(values ?? {}) };
    await this.pages.render(
      req,
      res,
      'import-finding.njk',
      {
        pageTitle: 'Change a finding',
        document,
        finding,
        values: shown,
        timescaleItems: TIMESCALES.map((t) => ({ value: t, text: TIMESCALE_LABELS[t], checked: t === shown.timescale })),
        ...errors.view(),
      },
      status,
    );
  }
}
