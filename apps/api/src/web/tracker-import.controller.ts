import { Body, Controller, Get, Req, Res, UploadedFile, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Authenticated, BoardService, ImportProgress, PlanService, tracked, UserService } from '@app/core';
import { TrackerImportService, TrackerPreview } from '@app/core/imports/tracker-import.service';
import { rolesFor } from '@app/domain';
import { columnLetter, TRACKER_FIELDS } from '@app/importer/tracker';
import { CurrentActor, Roles } from '../common/decorators';
import { mappingOf, TrackerImportDto, TrackerMappingDto } from '../trackers/trackers.dto';
import { FormPost, PageRequest } from './csrf';
import { checkForm, FormErrors, userError } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field } from './page-query';
import { PageRenderer } from './page-renderer';
import { FIELD_LABELS, trackerRowsView } from './tracker-import-view';

const MAPPING_WORDING = Object.fromEntries(
  TRACKER_FIELDS.map((f) => [
    f,
    { field: `column-${f}`, invalid: `Choose the column that holds the ${FIELD_LABELS[f].toLowerCase()}, or "Not in the tracker"` },
  ]),
);

const PLAN_WORDING = {
  title: { field: 'title', invalid: 'The plan’s title must be at most 300 characters' },
  startDate: { field: 'startDate', invalid: 'Enter the plan’s start date as a real date' },
  planId: { field: 'planId', invalid: 'Choose the plan to add the actions to' },
  boardId: { field: 'boardId', invalid: 'Choose the board the plan belongs to' },
};

// The file travels base64-encoded in one form field between the steps; a multipart field holds up to 1 MB.
const PAGE_MAX_BYTES = 760 * 1024;

interface Upload {
  bytes: Buffer;
  name: string;
}

/**
 * Bring in a council's existing tracker: upload, then check the column mapping and the problems
 * (changing the mapping reads it again), then make the plan. Nothing is stored before the last step:
 * the file travels in the form between the steps.
 */
@Controller('trackers')
@Roles(...rolesFor('plan.importTracker'))
@UseFilters(PageErrorFilter)
export class TrackerImportController {
  constructor(
    private readonly trackers: TrackerImportService,
    private readonly boards: BoardService,
    private readonly plans: PlanService,
    private readonly users: UserService,
    private readonly pages: PageRenderer,
    private readonly progress: ImportProgress,
  ) {}

  @Get()
  async uploadForm(@Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.pages.render(req, res, 'trackers/upload.njk', { pageTitle: 'Bring in an existing tracker' });
  }

  /** The first read of an uploaded file, or a read again with the person's own columns. */
  @FormPost('', 'file')
  async preview(
    @CurrentActor() actor: Authenticated,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
  ) {
    // A file chosen, even an empty one (the reader says what is wrong with it), or the one the page carries.
    const chosenFile = file && (file.buffer.length || file.originalname) ? { bytes: file.buffer, name: file.originalname } : null;
    const upload = chosenFile ?? carried(body);
    if (!upload) return this.uploadError(req, res, 'Select the tracker file (an Excel workbook .xlsx, or .csv)');
    if (upload.bytes.length > PAGE_MAX_BYTES)
      return this.uploadError(
        req,
        res,
        'The tracker is over 760 KB, too large to check in the page: bring it in with the command line or the API (see the README).',
      );
    const chosen = chosenFile ? null : this.mapping(body);
    if (chosen?.errors.any) return this.reviewPage(actor, req, res, upload, await this.read(actor, upload), chosen.errors, body);
    try {
      const preview = await this.trackers.preview(actor, upload.bytes, { mapping: mappingOf(chosen?.input) });
      await this.reviewPage(actor, req, res, upload, preview, new FormErrors(), body);
    } catch (error) {
      const problem = userError(error);
      if (!problem) throw error;
      if (chosen) return this.reviewPage(actor, req, res, upload, await this.read(actor, upload), FormErrors.of('column-action', problem.message), body);
      await this.uploadError(req, res, problem.message);
    }
  }

  @FormPost('import', 'file')
  async import(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply, @Body() body: Record<string, unknown>) {
    const upload = carried(body);
    if (!upload) return this.uploadError(req, res, 'Select the tracker file again: the page had lost it');
    const chosen = this.mapping(body);
    const into = field(body, 'into');
    const values = into === 'existing' ? { planId: field(body, 'planId') } : { title: field(body, 'title'), boardId: field(body, 'boardId') };
    const plan = checkForm(TrackerImportDto, values, PLAN_WORDING);
    if (into === 'existing' && !values.planId) plan.errors.add('planId', PLAN_WORDING.planId.invalid);
    const errors = chosen.errors.any ? chosen.errors : plan.errors;
    if (errors.any) return this.reviewPage(actor, req, res, upload, await this.read(actor, upload), errors, body);
    try {
      // The page polls the rows stored under the id it sent (GET /api/v1/imports/{id}/progress).
      const tracker = await this.progress.start(actor, field(body, 'progressId'), 'rows');
      const result = await tracked(tracker, () =>
        this.trackers.import(actor, upload.bytes, { ...plan.input, mapping: mappingOf(chosen.input), fileName: upload.name, onProgress: tracker.onProgress }),
      );
      res.redirect(`/plans/${result.plan.id}?imported=${result.actionsAdded}`, 303);
    } catch (error) {
      const problem = userError(error);
      if (!problem) throw error;
      await this.reviewPage(actor, req, res, upload, await this.read(actor, upload), FormErrors.of('into', problem.message), body);
    }
  }

  private mapping(body: Record<string, unknown>) {
    const values = Object.fromEntries(TRACKER_FIELDS.map((f) => [f, field(body, `column-${f}`)]));
    return checkForm(TrackerMappingDto, values, MAPPING_WORDING);
  }

  /** The read as the header gives it, to show beside errors in the person's own mapping. */
  private read(actor: Authenticated, upload: Upload) {
    return this.trackers.preview(actor, upload.bytes);
  }

  private async uploadError(req: PageRequest, res: FastifyReply, message: string) {
    const errors = FormErrors.of('tracker-file', message);
    await this.pages.render(req, res, 'trackers/upload.njk', { pageTitle: 'Bring in an existing tracker', ...errors.view() }, 400);
  }

  private async reviewPage(
    actor: Authenticated,
    req: PageRequest,
    res: FastifyReply,
    upload: Upload,
    preview: TrackerPreview,
    errors: FormErrors,
    body: Record<string, unknown>,
  ) {
    const [people, boards, plans] = await Promise.all([
      this.users.list(actor.authorityId),
      this.boards.list(actor.authorityId),
      this.plans.list(actor.authorityId),
    ]);
    const names = new Map(people.map((p) => [p.id, p.displayName]));
    const { read, json } = preview;
    const columns = read.headers.map((header, i) => ({ value: columnLetter(i), text: `${columnLetter(i)}: ${header || '(no header)'}` }));
    await this.pages.render(
      req,
      res,
      'trackers/review.njk',
      {
        pageTitle: 'Check the tracker',
        fileName: upload.name,
        content: upload.bytes.toString('base64'),
        progressId: randomUUID(),
        read,
        fields: TRACKER_FIELDS.map((f) => ({
          name: f,
          label: FIELD_LABELS[f],
          chosen: field(body, `column-${f}`) || (json.columns[f]?.column ?? ''),
          items: [{ value: '', text: 'Not in the tracker' }, ...columns],
        })),
        rows: trackerRowsView(json.rows, names, read.rows),
        problems: json.problems,
        unassigned: json.rows.filter((r) => !r.ownerId).length,
        boardItems: boards.map((b) => ({ value: b.id, text: b.name, selected: b.id === field(body, 'boardId') })),
        planItems: [
          { value: '', text: 'Choose a plan' },
          ...plans
            .filter((p) => p.status !== 'closed')
            .map((p) => ({ value: p.id, text: `${p.title} (${p.status})`, selected: p.id === field(body, 'planId') })),
        ],
        form: {
          into: field(body, 'into') || 'new',
          title: field(body, 'title') || read.title || '',
          boardId: field(body, 'boardId'),
          planId: field(body, 'planId'),
        },
        ...errors.view(),
      },
      errors.any ? 400 : 200,
    );
  }
}

/** The file the review page carries between its steps. */
function carried(body: Record<string, unknown>): Upload | null {
  const content = field(body, 'content');
  if (!content || !/^[A-Za-z0-9+/=\s]+$/.test(content)) return null;
  const bytes = Buffer.from(content, 'base64');
  return bytes.length ? { bytes, name: field(body, 'fileName').slice(0, 200) || 'tracker' } : null;
}
