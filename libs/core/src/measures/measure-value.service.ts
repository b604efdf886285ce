import { Injectable } from '@nestjs/common';
import { checkMeasureValue, DomainError, parsePeriod } from '@app/domain';
import { Measure, MeasureValue } from '@app/database/entities';
import { Transactions } from '@app/database/transactions';
import { AppError, badRequest, notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { Actor, authorize } from '../request-context';
import { MeasureValueRepositories, MeasureValueRepository } from './measure-value.repository';

export interface NewMeasureValue {
  period: string;
  value: number;
  national?: number | null;
  comparator?: number | null;
  commentary?: string | null;
  /** Required when the period already has a value: this is then a correction. */
  reason?: string | null;
}

/** One row of an uploaded file: which measure (by name) and the value, with its line for the error. */
export interface UploadedValue extends NewMeasureValue {
  line: number;
  measure: string;
}

/** A measure's values by period: entered by form, API or upload; a correction keeps the value it replaces. */
@Injectable()
export class MeasureValueService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repositories: MeasureValueRepositories,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(authorityId: string, measureId: string, withReplaced = false): Promise<MeasureValue[]> {
    const values = this.repositories.for(authorityId);
    if (!(await values.measure(measureId))) throw notFound('Measure');
    return values.values([measureId], withReplaced);
  }

  async enter(actor: Actor, measureId: string, input: NewMeasureValue): Promise<MeasureValue> {
    const values = this.repositories.for(actor.authorityId);
    return this.transactions.run(async () => {
      const measure = await values.measure(measureId);
      if (!measure) throw notFound('Measure');
      return this.store(actor, values, measure, input);
    });
  }

  /** Every row or none: a bad row is reported by its line and nothing of the file is stored. */
  async upload(actor: Actor, rows: UploadedValue[]): Promise<{ stored: number }> {
    if (!rows.length) throw badRequest('empty_upload', 'The file has no values: give one row a measure and period, with columns measure, period and value');
    const values = this.repositories.for(actor.authorityId);
    const byName = new Map((await values.measuresByName()).map((m) => [m.name.toLowerCase(), m]));
    return this.transactions.run(async () => {
      for (const row of rows) {
        const measure = byName.get(row.measure.trim().toLowerCase());
        try {
          if (!measure) throw badRequest('unknown_measure', `there is no measure called "${row.measure}"`);
          await this.store(actor, values, measure, row);
        } catch (error) {
          const rowError = error instanceof DomainError || (error instanceof AppError && error.kind === 'bad_request');
          if (!rowError) throw error;
          throw badRequest('bad_row', `Line ${row.line}: ${error.message} Nothing in the file was stored.`, { line: row.line });
        }
      }
      return { stored: rows.length };
    });
  }

  private async store(actor: Actor, values: MeasureValueRepository, measure: Measure, input: NewMeasureValue): Promise<MeasureValue> {
    if (measure.ownerId !== actor.userId) authorize(actor, 'measure.values');
    const period = parsePeriod(input.period);
    checkMeasureValue(measure.unit, input.value);
    for (const average of [input.national, input.comparator]) if (average != null) checkMeasureValue(measure.unit, average, true);
    const previous = await values.current(measure.id, period.label);
    const reason = input.reason?.trim() || null;
    if (previous && !reason) {
      throw badRequest('reason_required', `${measure.name} already has a value for ${period.label} (${previous.value}): give a reason to correct it`);
    }
    const now = this.clock.nowIso();
    if (previous) await values.replace(previous.id, now);
    const row = await values.insert({
      id: newId(),
      measureId: measure.id,
      period: period.label,
      quarter: period.quarter.label,
      value: input.value,
      national: input.national ?? previous?.national ?? null,
      comparator: input.comparator ?? previous?.comparator ?? null,
      commentary: input.commentary?.trim() || previous?.commentary || null,
      reason: previous ? reason : null,
      supersededValue: previous?.value ?? null,
      enteredById: actor.userId,
      enteredAt: now,
      replacedAt: null,
    });
    await this.audit.record({
      authorityId: actor.authorityId,
      entityType: 'measure',
      entityId: measure.id,
      event: previous ? 'measure_value_corrected' : 'measure_value_entered',
      actorId: actor.userId,
      before: previous ?? undefined,
      after: row,
    });
    return row;
  }
}
