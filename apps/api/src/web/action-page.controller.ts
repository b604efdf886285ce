import { Body, Controller, Get, Param, ParseUUIDPipe, Req, Res, UploadedFile, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ActionService, AppError, Authenticated, EvidenceService } from '@app/core';
import { Rag, RAGS } from '@app/domain';
import { ChangeStatusDto, FileEvidenceDto, LinkEvidenceDto, MilestoneDto, NoteDto, NoteEvidenceDto, UpdateActionDto } from '../actions/actions.dto';
import { CurrentActor } from '../common/decorators';
import { ActionPageView } from './action-page-view';
import { readSnapshot } from './action-snapshot';
import { FormPost, PageRequest } from './csrf';
import { dateFromParts, dateValues } from './date-field';
import { attempt, checkForm, FormErrors, userError } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field } from './page-query';

const SAVED: Record<string, string> = {
  status: 'The status has been changed.',
  rag: 'The RAG rating has been saved.',
  note: 'Your progress note has been added.',
  evidence: 'The evidence has been added.',
  'due-date': 'The due date has been changed.',
  milestone: 'The milestone has been added.',
  'milestone-done': 'The milestone has been marked as done.',
  'milestone-reopened': 'The milestone has been marked as not done.',
};

// Which form field each refusal is about, so the error summary links to it.
const ERROR_FIELDS: Record<string, string> = {
  reason_required: 'reason',
  evidence_required: 'status',
  invalid_transition: 'status',
  already_in_status: 'status',
  board_decision_required: 'status',
  forbidden: 'status',
};

/** One action: its details, finding, history and timeline, and the forms to update it. */
@Controller('actions')
@UseFilters(PageErrorFilter)
export class ActionPageController {
  constructor(
    private readonly actions: ActionService,
    private readonly evidence: EvidenceService,
    private readonly view: ActionPageView,
  ) {}

  @Get(':id')
  async show(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const saved = typeof req.query.saved === 'string' ? SAVED[req.query.saved] : undefined;
    await this.view.render(actor, id, req, res, {}, 200, saved);
  }

  @FormPost(':id/status')
  async changeStatus(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const values = { status: field(body, 'status'), reason: field(body, 'reason') };
    const { input, errors } = checkForm(ChangeStatusDto, values, {
      status: { field: 'status', invalid: 'Choose the new status' },
      reason: { field: 'reason', invalid: 'The reason must be 1,000 characters or fewer' },
    });
    if (errors.any) return this.view.render(actor, id, req, res, { form: 'status', values, errors }, 400);
    await this.save(actor, id, req, res, body, 'status', values, (version) =>
      this.actions.changeStatus(actor, id, { version, status: input.status, reason: input.reason ?? null }),
    );
  }

  @FormPost(':id/rag')
  async changeRag(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const values = { ragOverride: field(body, 'ragOverride'), ragOverrideReason: field(body, 'ragOverrideReason'), atRisk: field(body, 'atRisk') };
    const override = (RAGS as readonly string[]).includes(values.ragOverride) ? (values.ragOverride as Rag) : null;
    const { errors } = checkForm(
      UpdateActionDto,
      { ragOverrideReason: values.ragOverrideReason },
      {
        ragOverrideReason: { field: 'ragOverrideReason', invalid: 'The reason must be 1,000 characters or fewer' },
      },
    );
    if (override && !values.ragOverrideReason) errors.add('ragOverrideReason', 'Give the reason for setting the RAG rating yourself');
    if (errors.any) return this.view.render(actor, id, req, res, { form: 'rag', values, errors }, 400);
    // The rating's choices are left out for people who may only flag the action at risk.
    const rating = body.ragOverride === undefined ? {} : { ragOverride: override, ragOverrideReason: override ? values.ragOverrideReason : null };
    await this.save(actor, id, req, res, body, 'rag', values, (version) =>
      this.actions.update(actor, id, { version, ...rating, atRisk: values.atRisk === 'yes' }),
    );
  }

  @FormPost(':id/notes')
  async addNote(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const note = field(body, 'note');
    const { errors } = checkForm(
      NoteDto,
      { body: note },
      {
        body: { field: 'note', missing: 'Enter your progress note', invalid: 'The note must be 10,000 characters or fewer' },
      },
    );
    if (errors.any) return this.view.render(actor, id, req, res, { form: 'note', values: { note }, errors }, 400);
    await this.actions.addNote(actor, id, note);
    res.redirect(`/actions/${id}?saved=note#timeline`, 303);
  }

  @FormPost(':id/evidence', 'file')
  async addEvidence(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
  ) {
    const title = field(body, 'title');
    const { input, errors } = checkForm(
      FileEvidenceDto,
      { title },
      {
        title: { field: 'evidence-title', invalid: 'The title must be 300 characters or fewer' },
      },
    );
    if (!file || file.buffer.length === 0) errors.add('evidence-file', 'Select the evidence file');
    if (errors.any || !file) return this.view.render(actor, id, req, res, { form: 'evidence', values: { title }, errors }, 400);
    const added = await attempt(
      () => this.evidence.addFile(actor, id, { title: input.title, originalName: file.originalname, bytes: file.buffer }),
      'evidence-file',
    );
    if (added.errors) return this.view.render(actor, id, req, res, { form: 'evidence', values: { title }, errors: added.errors }, 400);
    res.redirect(`/actions/${id}?saved=evidence#evidence`, 303);
  }

  /** A due-date change: on an active plan a board decision with a reason, which the service enforces. */
  @FormPost(':id/due-date')
  async changeDueDate(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const values = { ...dateValues(body, 'dueDate'), dueDateReason: field(body, 'dueDateReason') };
    const due = dateFromParts(body, 'dueDate', 'The new due date');
    const { input, errors } = checkForm(
      UpdateActionDto,
      { dueDate: due.value, dueDateReason: values.dueDateReason },
      {
        dueDate: { field: 'dueDate-day', missing: due.error ?? 'Enter the new due date', invalid: 'Enter the new due date' },
        dueDateReason: { field: 'dueDateReason', invalid: 'The reason must be 1,000 characters or fewer' },
      },
    );
    if (!due.value) errors.add('dueDate-day', due.error ?? 'Enter the new due date');
    if (errors.any) return this.view.render(actor, id, req, res, { form: 'due-date', values, errors }, 400);
    await this.save(actor, id, req, res, body, 'due-date', values, (version) =>
      this.actions.update(actor, id, { version, dueDate: input.dueDate, dueDateReason: input.dueDateReason }),
    );
  }

  @FormPost(':id/milestones')
  async addMilestone(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const values = { milestoneTitle: field(body, 'milestoneTitle'), ...dateValues(body, 'milestoneDue') };
    const due = dateFromParts(body, 'milestoneDue', 'The milestone date');
    const { errors } = checkForm(
      MilestoneDto,
      { title: values.milestoneTitle, dueDate: due.value },
      {
        title: { field: 'milestoneTitle', missing: 'Enter what the milestone is', invalid: 'The milestone must be 300 characters or fewer' },
        dueDate: { field: 'milestoneDue-day', invalid: 'The milestone date must be a real date, for example 27 3 2027' },
      },
    );
    if (due.error) errors.add('milestoneDue-day', due.error);
    if (errors.any) return this.view.render(actor, id, req, res, { form: 'milestone', values, errors }, 400);
    try {
      await this.actions.addMilestone(actor, id, values.milestoneTitle, due.value);
    } catch (error) {
      // A date before today, said on the date field; anything else is the page's error.
      const problem = userError(error);
      if (!problem) throw error;
      return this.view.render(actor, id, req, res, { form: 'milestone', values, errors: FormErrors.of('milestoneDue-day', problem.message) }, 400);
    }
    res.redirect(`/actions/${id}?saved=milestone#milestones`, 303);
  }

  @FormPost(':id/milestones/:milestoneId')
  async setMilestoneDone(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('milestoneId', ParseUUIDPipe) milestoneId: string,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const done = field(body, 'done') !== 'no';
    await this.actions.setMilestoneDone(actor, id, milestoneId, done);
    res.redirect(`/actions/${id}?saved=${done ? 'milestone-done' : 'milestone-reopened'}#milestones`, 303);
  }

  @FormPost(':id/evidence/link')
  async addLink(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const values = { linkTitle: field(body, 'linkTitle'), linkUrl: field(body, 'linkUrl') };
    const { errors } = checkForm(
      LinkEvidenceDto,
      { title: values.linkTitle, url: values.linkUrl },
      {
        title: { field: 'linkTitle', missing: 'Enter what the linked evidence shows', invalid: 'The title must be 300 characters or fewer' },
        url: {
          field: 'linkUrl',
          missing: 'Enter the web address of the evidence',
          invalid: 'Enter a web address starting with https:// or http://, like https://intranet.example.gov.uk/report',
        },
      },
    );
    if (errors.any) return this.view.render(actor, id, req, res, { form: 'evidence-link', values, errors }, 400);
    await this.evidence.addLink(actor, id, values.linkTitle, values.linkUrl);
    res.redirect(`/actions/${id}?saved=evidence#evidence`, 303);
  }

  @FormPost(':id/evidence/note')
  async addEvidenceNote(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const values = { noteTitle: field(body, 'noteTitle'), noteText: field(body, 'noteText') };
    const { errors } = checkForm(
      NoteEvidenceDto,
      { title: values.noteTitle, note: values.noteText },
      {
        title: { field: 'noteTitle', missing: 'Enter what the evidence is', invalid: 'The title must be 300 characters or fewer' },
        note: {
          field: 'noteText',
          missing: 'Enter the evidence, for example what was checked and what was found',
          invalid: 'The evidence must be 10,000 characters or fewer',
        },
      },
    );
    if (errors.any) return this.view.render(actor, id, req, res, { form: 'evidence-note', values, errors }, 400);
    await this.evidence.addNote(actor, id, values.noteTitle, values.noteText);
    res.redirect(`/actions/${id}?saved=evidence#evidence`, 303);
  }

  /** A versioned change: a stale version shows what changed and keeps the user's values to save again. */
  private async save(
    actor: Authenticated,
    id: string,
    req: PageRequest,
    res: FastifyReply,
    body: Record<string, unknown>,
    form: 'status' | 'rag' | 'due-date',
    values: Record<string, string>,
    work: (version: number) => Promise<unknown>,
  ) {
    const version = Number(field(body, 'version'));
    try {
      await work(Number.isSafeInteger(version) ? version : -1);
    } catch (error) {
      if (error instanceof AppError && error.code === 'stale_version') {
        const errors = FormErrors.of('conflict', 'Someone else changed this action after you opened it. Check what they changed, then save your change again.');
        return this.view.render(actor, id, req, res, { form, values, errors, conflict: { seen: readSnapshot(field(body, 'seen')) } }, 409);
      }
      const problem = userError(error) ?? (error instanceof AppError && error.kind === 'forbidden' ? { code: 'forbidden', message: error.message } : null);
      if (!problem) throw error;
      const target =
        form === 'rag'
          ? problem.code === 'reason_required'
            ? 'ragOverrideReason'
            : 'ragOverride'
          : form === 'due-date'
            ? problem.code === 'reason_required'
              ? 'dueDateReason'
              : 'dueDate-day'
            : (ERROR_FIELDS[problem.code] ?? 'status');
      // The service names the API field for API clients; the page has its own label for it.
      return this.view.render(actor, id, req, res, { form, values, errors: FormErrors.of(target, problem.message.replace(/ \(dueDateReason\)$/, '')) }, 400);
    }
    res.redirect(`/actions/${id}?saved=${form}${form === 'due-date' ? '#due-dates' : ''}`, 303);
  }
}
