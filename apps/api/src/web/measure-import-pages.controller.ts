import { Body, Controller, Get, Req, Res, UploadedFile, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Authenticated, FigureChoice, FigureImport, MeasureImportService } from '@app/core';
import { Polarity, POLARITIES, rolesFor } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { FormPost, PageRequest } from './csrf';
import { FormErrors, userError } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field, fields, queryValue } from './page-query';
import { PageRenderer } from './page-renderer';

// The paper travels base64-encoded in one form field between the steps, as a tracker does.
const PAGE_MAX_BYTES = 760 * 1024;
const TITLE = 'Import figures from a paper';
const UNIT_WORDS: Record<string, string> = { '%': 'per cent', count: 'count', days: 'days' };

interface Upload {
  bytes: Buffer;
  name: string;
}

/**
 * A council paper's performance figures into the measures: upload the paper, tick the figures to
 * bring in (choosing whether higher or lower is better where the paper does not say), import.
 * Nothing is stored before the last step.
 */
@Controller('measures/import-figures')
@Roles(...rolesFor('measures.create'))
@UseFilters(PageErrorFilter)
export class MeasureImportPagesController {
  constructor(
    private readonly imports: MeasureImportService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  async uploadForm(@Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.pages.render(req, res, 'measures/import-figures.njk', { pageTitle: TITLE });
  }

  /** The result of an import, reached by the redirect after it. */
  @Get('done')
  async done(@Req() req: PageRequest, @Res() res: FastifyReply) {
    const done = { measuresCreated: count(queryValue(req, 'created')), valuesStored: count(queryValue(req, 'stored')) };
    if (done.measuresCreated === null || done.valuesStored === null) return res.redirect('/measures/import-figures', 303);
    await this.pages.render(req, res, 'measures/import-figures.njk', { pageTitle: TITLE, done });
  }

  @FormPost('', 'file')
  async read(
    @CurrentActor() actor: Authenticated,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
  ) {
    if (!file?.buffer.length) return this.uploadError(req, res, 'Select the paper (a PDF, a Word document or a text file)');
    if (file.buffer.length > PAGE_MAX_BYTES)
      return this.uploadError(req, res, 'The paper is over 760 KB, too large to check in the page: import its figures with the API (see the README).');
    const upload = { bytes: file.buffer, name: file.originalname.slice(0, 200) };
    try {
      await this.listPage(actor, req, res, upload, await this.dryRun(actor, upload), new FormErrors(), null);
    } catch (error) {
      const problem = userError(error);
      if (!problem) throw error;
      await this.uploadError(req, res, problem.message);
    }
  }

  @FormPost('import', 'file')
  async import(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply, @Body() body: Record<string, unknown>) {
    const upload = carried(body);
    if (!upload) return this.uploadError(req, res, 'Select the paper again: the page had lost it');
    const choices = choicesOf(body);
    if (!choices.length) {
      const errors = FormErrors.of('figures', 'Tick at least one figure to import');
      return this.listPage(actor, req, res, upload, await this.dryRun(actor, upload), errors, body, 400);
    }
    const figures = await this.imports.read(upload.bytes);
    try {
      const result = await this.imports.import(actor, figures, { choices });
      // Redirect after the POST, so that refreshing the result page does not send the paper again.
      res.redirect(`/measures/import-figures/done?created=${result.measuresCreated}&stored=${result.valuesStored}`, 303);
    } catch (error) {
      const problem = userError(error);
      if (!problem) throw error;
      const read = await this.imports.import(actor, figures, { dryRun: true, choices });
      await this.listPage(actor, req, res, upload, read, FormErrors.of('figures', problem.message), body, 400);
    }
  }

  private async dryRun(actor: Authenticated, upload: Upload): Promise<FigureImport> {
    return this.imports.import(actor, await this.imports.read(upload.bytes), { dryRun: true });
  }

  private async uploadError(req: PageRequest, res: FastifyReply, message: string) {
    await this.pages.render(req, res, 'measures/import-figures.njk', { pageTitle: TITLE, ...FormErrors.of('paper-file', message).view() }, 400);
  }

  private async listPage(
    actor: Authenticated,
    req: PageRequest,
    res: FastifyReply,
    upload: Upload,
    read: FigureImport,
    errors: FormErrors,
    body: Record<string, unknown> | null,
    status = 200,
  ) {
    const ticked = body ? new Set(fields(body, 'figure')) : null;
    const figures = read.figures.map((f) => {
      const chosenPolarity = body ? field(body, `polarity-${f.index}`) : '';
      return {
        index: f.index,
        name: f.name,
        value: f.value === null ? '—' : withUnit(String(f.value), f.unit),
        band: f.band ? withUnit(`${f.band.low} to ${f.band.high}`, f.unit) : null,
        period: f.period ?? 'not given',
        target: f.target === null ? null : withUnit(String(f.target), f.unit),
        line: f.line,
        measure: f.measure?.status === 'existing' ? 'Existing measure' : f.measure || f.needsPolarity ? 'New measure' : null,
        already: f.valueStatus === 'unchanged',
        importable: !f.problem || f.needsPolarity,
        problem: f.needsPolarity ? null : f.problem,
        needsPolarity: f.needsPolarity,
        checked: ticked ? ticked.has(String(f.index)) : !f.problem,
        polarityItems: [
          { value: '', text: 'Choose' },
          ...POLARITIES.map((p) => ({ value: p, text: POLARITY_WORDS[p], selected: p === (chosenPolarity || f.polarity) })),
        ],
      };
    });
    await this.pages.render(
      req,
      res,
      'measures/import-figures.njk',
      { pageTitle: TITLE, fileName: upload.name, content: upload.bytes.toString('base64'), figures, ...errors.view() },
      status,
    );
  }
}

/** A figure, target or band as the paper means it: "22%", "512 days", not a bare "22". */
function withUnit(figure: string, unit: string): string {
  return unit === '%' ? `${figure}%` : `${figure} ${UNIT_WORDS[unit] ?? unit}`;
}

const POLARITY_WORDS: Record<Polarity, string> = { higher: 'Higher is better', lower: 'Lower is better', band: 'Keep within the band' };

function choicesOf(body: Record<string, unknown>): FigureChoice[] {
  return fields(body, 'figure')
    .filter((v) => /^\d{1,5}$/.test(v))
    .map((v) => {
      const polarity = field(body, `polarity-${v}`);
      return { index: Number(v), ...(POLARITIES.includes(polarity as Polarity) ? { polarity: polarity as Polarity } : {}) };
    });
}

/** A count carried in the result page's address, or null when it is not one. */
function count(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,6}$/.test(value) ? Number(value) : null;
}

/** The paper the page carries between its steps. */
function carried(body: Record<string, unknown>): Upload | null {
  const content = field(body, 'content');
  if (!content || !/^[A-Za-z0-9+/=\s]+$/.test(content)) return null;
  const bytes = Buffer.from(content, 'base64');
  return bytes.length ? { bytes, name: field(body, 'fileName').slice(0, 200) || 'paper' } : null;
}
