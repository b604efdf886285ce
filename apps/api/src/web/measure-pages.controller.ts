import { Body, Controller, Get, Req, Res, UploadedFile, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Authenticated, badRequest, MeasureService, MeasureValueService, subjectOf } from '@app/core';
import { may, measureRag, rolesFor, ValueDue } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { MeasureValueDto } from '../measures/measure-values.dto';
import { readValueFile } from '../measures/value-file';
import { figure, ragName, targetText } from '../reviews/review-format';
import { FormPost, PageRequest } from './csrf';
import { attempt, checkForm, FormErrors, notFoundProblem } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { formatDate } from './page-format';
import { field } from './page-query';
import { PageRenderer } from './page-renderer';
import { PeopleDirectory } from './people-directory';

const number = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

const SAVED: Record<string, string> = {
  value: 'The value has been saved.',
  upload: "The file's values have been saved.",
  owner: "The measure's owner has been changed.",
};

const DUE_TAGS: Record<ValueDue['status'], { status: string; tag: string }> = {
  due: { status: 'Value due', tag: 'govuk-tag--yellow' },
  overdue: { status: 'Overdue', tag: 'govuk-tag--red' },
  upcoming: { status: 'Not yet due', tag: 'govuk-tag--grey' },
  entered: { status: 'Entered', tag: 'govuk-tag--green' },
};

/** "2026/27 Q3 by 15 January 2027", and how it stands. */
const nextValueView = (next: ValueDue) => ({ period: `${next.period} by ${formatDate(next.dueDate)}`, ...DUE_TAGS[next.status] });

/** Performance measures with their latest values; their owners (and the people who set plans up) enter values by form or file. */
@Controller('measures')
@UseFilters(PageErrorFilter)
export class MeasurePagesController {
  constructor(
    private readonly measures: MeasureService,
    private readonly values: MeasureValueService,
    private readonly directory: PeopleDirectory,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  async show(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const saved = SAVED[String(req.query.saved)];
    await this.page(actor, req, res, new FormErrors(), {}, 200, saved);
  }

  // Whether the person may enter a value is the service's to decide (their role, or owning the measure).
  @FormPost('values')
  async enter(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply, @Body() body: Record<string, unknown>) {
    const form = Object.fromEntries(['measureId', 'period', 'value', 'national', 'comparator', 'commentary', 'reason'].map((k) => [k, field(body, k)]));
    const values = { ...form, value: number(form.value), national: number(form.national), comparator: number(form.comparator) };
    const { input, errors } = checkForm(MeasureValueDto, values, {
      period: { field: 'period', missing: 'Give the period, for example 2026/27 Q3 or 2026-11', invalid: 'Give the period, for example 2026/27 Q3 or 2026-11' },
      value: { field: 'value', missing: 'Give the value', invalid: 'The value must be a number, for example 21.5' },
      national: { field: 'national', invalid: 'The national average must be a number' },
      comparator: { field: 'comparator', invalid: 'The comparator average must be a number' },
      commentary: { field: 'commentary', invalid: 'The commentary must be 2000 characters or fewer' },
      reason: { field: 'reason', invalid: 'The reason must be 1000 characters or fewer' },
    });
    if (!form.measureId) errors.add('measureId', 'Choose the measure');
    const problemField = (p: { code: string }) => (p.code === 'reason_required' ? 'reason' : p.code === 'invalid_quarter' ? 'period' : 'value');
    const done = errors.any ? { errors } : await attempt(() => this.values.enter(actor, form.measureId, input), problemField);
    if (done.errors) return this.page(actor, req, res, done.errors, form, 400);
    res.redirect('/measures?saved=value', 303);
  }

  @FormPost('upload', 'file')
  async upload(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply, @UploadedFile() file: { buffer: Buffer } | undefined) {
    const done = await attempt(async () => {
      if (!file || !file.buffer.length) throw badRequest('file_required', 'Choose a CSV or Excel file of values');
      return this.values.upload(actor, await readValueFile(file.buffer));
    }, 'file');
    if (done.errors) return this.page(actor, req, res, done.errors, {}, 400);
    res.redirect('/measures?saved=upload', 303);
  }

  @Roles(...rolesFor('measures.create'))
  @FormPost('owner')
  async setOwner(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply, @Body() body: Record<string, unknown>) {
    const form = { ownerMeasureId: field(body, 'ownerMeasureId'), ownerId: field(body, 'ownerId') };
    const errors = new FormErrors();
    if (!form.ownerMeasureId) errors.add('ownerMeasureId', 'Choose the measure');
    const done = errors.any
      ? { errors }
      : await attempt(
          () => this.measures.setOwner(actor, form.ownerMeasureId, form.ownerId || null),
          (p) => (p.message.startsWith('Person') ? 'ownerId' : 'ownerMeasureId'),
          notFoundProblem,
        );
    if (done.errors) return this.page(actor, req, res, done.errors, form, 400);
    res.redirect('/measures?saved=owner', 303);
  }

  private async page(
    actor: Authenticated,
    req: PageRequest,
    res: FastifyReply,
    errors: FormErrors,
    form: Record<string, string>,
    status: number,
    success?: string,
  ) {
    const [measures, names] = await Promise.all([this.measures.listWithNextValue(actor.authorityId), this.directory.load(actor.authorityId)]);
    const rows = await Promise.all(
      measures.map(async (m) => {
        const latest = (await this.values.list(actor.authorityId, m.id)).at(-1) ?? null;
        return {
          ...m,
          target: targetText(m),
          owner: m.ownerId ? names.personName(m.ownerId) : 'No owner',
          latest: latest ? `${figure(m.unit, latest.value)} (${latest.period})` : 'No value yet',
          rag: latest && latest.quarter === latest.period ? ragName(measureRag(m, latest.value)) : '',
          next: nextValueView(m.nextValue),
        };
      }),
    );
    const canEnter = may(subjectOf(actor), 'measure.values') || measures.some((m) => m.ownerId === actor.userId);
    const view = errors.view();
    await this.pages.render(
      req,
      res,
      'measures/index.njk',
      {
        pageTitle: 'Performance measures',
        success,
        ...view,
        rows,
        form,
        canEnter,
        canAssign: may(subjectOf(actor), 'measures.create'),
        ownerItems: [
          { value: '', text: 'Nobody' },
          ...names.people.filter((p) => p.active).map((p) => ({ value: p.id, text: p.displayName, selected: form.ownerId === p.id })),
        ],
        ownerMeasureItems: [
          { value: '', text: 'Choose a measure' },
          ...measures.map((m) => ({ value: m.id, text: m.name, selected: form.ownerMeasureId === m.id })),
        ],
        measureItems: [{ value: '', text: 'Choose a measure' }, ...measures.map((m) => ({ value: m.id, text: m.name, selected: form.measureId === m.id }))],
      },
      status,
    );
  }
}
