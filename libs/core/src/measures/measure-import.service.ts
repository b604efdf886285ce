import { Injectable } from '@nestjs/common';
import { checkMeasureValue, DomainError, MeasureUnit, parsePeriod, Polarity, POLARITIES } from '@app/domain';
import { Measure, MeasureValue } from '@app/database/entities';
import { Transactions } from '@app/database/transactions';
import { findPaperFigures, PaperMeasure, paperDate } from '@app/importer';
import { badRequest } from '../app-error';
import { ReportImportService } from '../imports/report-import.service';
import { Actor, authorize } from '../request-context';
import { MeasureValueRepositories, MeasureValueRepository } from './measure-value.repository';
import { MeasureValueService } from './measure-value.service';
import { MeasureService } from './measure.service';

/** The person's choice for one figure the paper gave: import it, perhaps with a polarity the paper did not say. */
export interface FigureChoice {
  index: number;
  polarity?: Polarity | null;
}

export interface FigureOutcome extends PaperMeasure {
  index: number;
  /** The measure it goes to: an existing one of the same name, or a new one; null when it cannot be imported. */
  measure: { id: string | null; status: 'existing' | 'new' } | null;
  /** What happens to the value: stored for its period, already there (the same value), or nothing to store (a band only). */
  valueStatus: 'new' | 'unchanged' | 'none' | null;
  /** Why it cannot be imported as it is, in words a person can act on; null when it can. */
  problem: string | null;
  /** It would make a new measure, and the paper does not say whether higher or lower is better: the person chooses. */
  needsPolarity: boolean;
}

export interface FigureImport {
  dryRun: boolean;
  figures: FigureOutcome[];
  measuresCreated: number;
  valuesStored: number;
}

const UNITS: Record<string, MeasureUnit> = { '%': 'percent', count: 'count', days: 'days' };

/**
 * The performance figures of a council paper, offered for import into the measures of the quarterly
 * reviews: a figure goes to the measure of the same name (made when there is none) and its value is
 * stored for its period through MeasureValueService, so a value's checks, audit and corrections
 * rules are the same as for one typed in. All the chosen figures or none.
 */
@Injectable()
export class MeasureImportService {
  constructor(
    private readonly transactions: Transactions,
    private readonly reports: ReportImportService,
    private readonly measures: MeasureService,
    private readonly values: MeasureValueService,
    private readonly repositories: MeasureValueRepositories,
  ) {}

  /** The figures the document gives, as the paper's date reads them. */
  async read(bytes: Buffer): Promise<PaperMeasure[]> {
    const text = await this.reports.readText(bytes);
    return findPaperFigures(text, paperDate(text));
  }

  /**
   * What importing would do with each figure (dry run), or does it: `choices` picks figures by index
   * (default: every one that can be imported). A chosen figure with a problem stores nothing at all.
   */
  async import(actor: Actor, figures: PaperMeasure[], options: { dryRun?: boolean; choices?: FigureChoice[] } = {}): Promise<FigureImport> {
    authorize(actor, ['measures.create', 'measure.values']);
    const chosen = this.choose(figures, options.choices);
    const dryRun = options.dryRun ?? false;
    const work = async (): Promise<FigureImport> => {
      const outcomes = await this.plan(actor, figures, chosen);
      if (dryRun) return { dryRun, figures: outcomes, measuresCreated: 0, valuesStored: 0 };
      const picked = outcomes.filter((o) => chosen.has(o.index) && (options.choices || !o.problem));
      const blocked = picked.filter((o) => o.problem);
      if (blocked.length) {
        const list = blocked.map((o) => `figure ${o.index} (${o.name}): ${o.problem}`).join('; ');
        throw badRequest('figures_not_importable', `Nothing was imported: ${list}`, { problems: blocked.map(({ index, problem }) => ({ index, problem })) });
      }
      if (!picked.length) throw badRequest('no_figures', 'Choose at least one figure the paper gives to import');
      return this.store(actor, outcomes, picked);
    };
    return this.transactions.run(work);
  }

  private choose(figures: PaperMeasure[], choices: FigureChoice[] | undefined): Map<number, FigureChoice> {
    const chosen = new Map<number, FigureChoice>();
    for (const choice of choices ?? figures.map((_, index): FigureChoice => ({ index }))) {
      if (!Number.isInteger(choice.index) || choice.index < 0 || choice.index >= figures.length) {
        throw badRequest('unknown_figure', `There is no figure ${String(choice.index)}: the paper gives figures 0 to ${figures.length - 1}`);
      }
      if (choice.polarity != null && !POLARITIES.includes(choice.polarity)) {
        throw badRequest('invalid_polarity', `"${String(choice.polarity)}" is not a polarity: say higher, lower or band`);
      }
      chosen.set(choice.index, choice);
    }
    return chosen;
  }

  /** Each figure with its measure, what becomes of its value, and any problem; nothing stored. */
  private async plan(actor: Actor, figures: PaperMeasure[], chosen: Map<number, FigureChoice>): Promise<FigureOutcome[]> {
    const repository = this.repositories.for(actor.authorityId);
    const existing = new Map((await repository.measuresByName()).map((m) => [m.name.trim().toLowerCase(), m]));
    const stored = await this.storedValues(repository, figures, existing);
    const made = new Map<string, { unit: MeasureUnit; polarity: Polarity | null }>();
    const periods = new Map<string, number>();
    const outcomes: FigureOutcome[] = [];
    for (const [index, figure] of figures.entries()) {
      const key = figure.name.trim().toLowerCase();
      const measure = existing.get(key);
      const polarity = chosen.get(index)?.polarity ?? figure.polarity;
      const outcome: FigureOutcome = { ...figure, polarity, index, measure: null, valueStatus: null, problem: null, needsPolarity: false };
      outcomes.push(outcome);
      const unit = UNITS[figure.unit];
      if (!unit) {
        outcome.problem = `the measures hold percentages, counts and days; a figure in "${figure.unit}" cannot be stored as one of them`;
        continue;
      }
      if (measure) {
        if (measure.unit !== unit) {
          outcome.problem = `the measure "${measure.name}" is in ${measure.unit}, but the paper gives this in ${unit}`;
          continue;
        }
        outcome.measure = { id: measure.id, status: 'existing' };
      } else {
        // Figures of one name (a table's quarters) make one measure; its polarity is the first one given.
        const earlier = made.get(key);
        if (earlier && earlier.unit !== unit) {
          outcome.problem = `another figure called "${figure.name}" is in ${earlier.unit}, this one in ${unit}`;
          continue;
        }
        const rule = earlier?.polarity ?? polarity;
        if (chosen.has(index)) made.set(key, { unit, polarity: rule });
        outcome.needsPolarity = !figure.polarity;
        if (!rule) {
          outcome.problem = 'the paper does not say whether higher or lower is better: choose the polarity of the new measure';
          continue;
        }
        if (rule === 'band' && !figure.band && !earlier) {
          outcome.problem = 'a measure kept within a band needs the band, and the paper gives none';
          continue;
        }
        outcome.measure = { id: null, status: 'new' };
      }
      outcome.problem = this.valueProblem(figure, unit, measure, periods, index) ?? null;
      const already = !outcome.problem && measure && figure.value !== null ? this.clash(stored, measure, figure) : null;
      if (already && already !== 'unchanged') outcome.problem = already;
      if (outcome.problem) {
        outcome.measure = null;
        continue;
      }
      outcome.valueStatus = figure.value === null ? 'none' : already === 'unchanged' ? 'unchanged' : 'new';
      if (outcome.valueStatus === 'new' && chosen.has(index)) periods.set(`${key}|${parsePeriod(figure.period!).label}`, index);
    }
    return outcomes;
  }

  private valueProblem(figure: PaperMeasure, unit: MeasureUnit, measure: Measure | undefined, periods: Map<string, number>, index: number): string | undefined {
    if (figure.value === null) return measure ? 'the paper gives no value for it, and the measure is already there' : undefined;
    if (figure.period === null) return 'the paper gives no period for the value: a value is stored for a quarter such as 2014/15 Q3';
    try {
      const period = parsePeriod(figure.period).label;
      checkMeasureValue(unit, figure.value);
      if (figure.national != null) checkMeasureValue(unit, figure.national, true);
      const twin = periods.get(`${figure.name.trim().toLowerCase()}|${period}`);
      if (twin !== undefined && twin !== index) return `figure ${twin} already gives its value for ${period}`;
    } catch (error) {
      if (error instanceof DomainError) return error.message;
      throw error;
    }
    return undefined;
  }

  /** The current values of the existing measures the figures name, by measure and period: one read for the whole paper. */
  private async storedValues(repository: MeasureValueRepository, figures: PaperMeasure[], existing: Map<string, Measure>): Promise<Map<string, MeasureValue>> {
    const named = new Set(figures.map((f) => existing.get(f.name.trim().toLowerCase())?.id).filter((id): id is string => !!id));
    return new Map((await repository.values([...named])).map((v) => [`${v.measureId}|${v.period}`, v]));
  }

  /** A value the measure already has for the period: the same one is left as it is; another is a correction, made on the measure's page with a reason. */
  private clash(stored: Map<string, MeasureValue>, measure: Measure, figure: PaperMeasure): string | null {
    const current = stored.get(`${measure.id}|${parsePeriod(figure.period!).label}`);
    if (current && current.value !== figure.value) {
      return `${measure.name} already has ${current.value} for ${current.period}, and the paper gives ${figure.value}: correct it on the measure's page, with a reason`;
    }
    return current ? 'unchanged' : null;
  }

  private async store(actor: Actor, outcomes: FigureOutcome[], picked: FigureOutcome[]): Promise<FigureImport> {
    const ids = new Map<string, string>();
    let measuresCreated = 0;
    let valuesStored = 0;
    for (const outcome of picked) {
      const key = outcome.name.trim().toLowerCase();
      let id = outcome.measure!.id ?? ids.get(key);
      if (!id) {
        const created = await this.measures.create(actor, {
          name: outcome.name.trim(),
          unit: UNITS[outcome.unit],
          polarity: outcome.polarity!,
          target: outcome.polarity === 'band' ? null : outcome.target,
          bandLow: outcome.band?.low ?? null,
          bandHigh: outcome.band?.high ?? null,
        });
        id = created.id;
        measuresCreated++;
      }
      ids.set(key, id);
      outcome.measure = { id, status: outcome.measure!.status };
      if (outcome.valueStatus === 'new') {
        await this.values.enter(actor, id, { period: outcome.period!, value: outcome.value!, national: outcome.national });
        valuesStored++;
      }
    }
    return { dryRun: false, figures: outcomes, measuresCreated, valuesStored };
  }
}
