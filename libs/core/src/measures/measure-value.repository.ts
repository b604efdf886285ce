import { Injectable } from '@nestjs/common';
import { Measure, MeasureValue } from '@app/database/entities';
import { TenantRepositories, TenantRepository } from '@app/database/repositories/tenant-repository';
import { insertMany, runSql, selectEntities, selectEntitiesWithRows, selectEntity, updateRows } from '@app/database/sql';

/** What a quarter's figure and trend read of a value: a review pack reads some hundred a page, so no more than this. */
export type QuarterValue = Pick<MeasureValue, 'measureId' | 'period' | 'quarter' | 'value' | 'national' | 'comparator' | 'commentary'>;
/** What a correction shows of a value that replaced another. */
export type CorrectionValue = Pick<MeasureValue, 'measureId' | 'period' | 'quarter' | 'value' | 'supersededValue' | 'reason' | 'enteredAt'>;

/** Measures' values by period, current and replaced, of one authority (fixed SQL). */
export class MeasureValueRepository extends TenantRepository {
  measure(id: string): Promise<Measure | null> {
    return selectEntity(this.manager, Measure, 'SELECT * FROM "measure" WHERE "authorityId" = :a AND "id" = :id', { a: this.authorityId, id });
  }

  measuresByName(): Promise<Measure[]> {
    return selectEntities(this.manager, Measure, 'SELECT * FROM "measure" WHERE "authorityId" = :a ORDER BY "name"', { a: this.authorityId });
  }

  /**
   * The measures linked to any of the plan's actions, by name, and their owners' names, read with them as
   * the people repository names people (a member of this council; one who has left is not named).
   */
  async measuresOfPlan(planId: string): Promise<{ measures: Measure[]; ownerNames: Map<string, string> }> {
    const text = `SELECT m.*, u."displayName" AS "ownerName" FROM "measure" m
      LEFT JOIN "membership" o ON o."authorityId" = m."authorityId" AND o."userId" = m."ownerId" LEFT JOIN "app_user" u ON u."id" = o."userId"
      WHERE m."authorityId" = :a AND m."id" IN (SELECT "measureId" FROM "action_measure" WHERE "authorityId" = :a AND "planId" = :planId) ORDER BY m."name"`;
    const rows = await selectEntitiesWithRows(this.manager, Measure, text, { a: this.authorityId, planId });
    const ownerNames = new Map<string, string>();
    for (const [measure, row] of rows) if (measure.ownerId && row.ownerName != null) ownerNames.set(measure.ownerId, String(row.ownerName));
    return { measures: rows.map(([measure]) => measure), ownerNames };
  }

  /** Current values of the measures (replaced ones too with `withReplaced`), oldest period first. */
  values(measureIds: string[], withReplaced = false): Promise<MeasureValue[]> {
    if (!measureIds.length) return Promise.resolve([]);
    const current = withReplaced ? '' : ' AND "replacedAt" IS NULL';
    return selectEntities(
      this.manager,
      MeasureValue,
      `SELECT * FROM "measure_value" WHERE "authorityId" = :a AND "measureId" IN (:...ids)${current} ORDER BY "period", "enteredAt"`,
      { a: this.authorityId, ids: measureIds },
    );
  }

  /** Current values of the measures in these financial-year quarters (their months' too), oldest period first. */
  async valuesInQuarters(measureIds: string[], quarters: string[]): Promise<QuarterValue[]> {
    if (!measureIds.length || !quarters.length) return [];
    const text = `SELECT "measureId", "period", "quarter", "value", "national", "comparator", "commentary" FROM "measure_value"
      WHERE "authorityId" = :a AND "measureId" IN (:...ids) AND "quarter" IN (:...quarters) AND "replacedAt" IS NULL ORDER BY "period", "enteredAt"`;
    return (await runSql(this.manager, text, { a: this.authorityId, ids: measureIds, quarters })) as QuarterValue[];
  }

  /** Values of the measures that corrected an earlier one, entered at or after `since` (replaced since or not), oldest period first. */
  async correctionsSince(measureIds: string[], since: string): Promise<CorrectionValue[]> {
    if (!measureIds.length) return [];
    const text = `SELECT "measureId", "period", "quarter", "value", "supersededValue", "reason", "enteredAt" FROM "measure_value"
      WHERE "authorityId" = :a AND "measureId" IN (:...ids) AND "supersededValue" IS NOT NULL AND "enteredAt" >= :since ORDER BY "period", "enteredAt"`;
    return (await runSql(this.manager, text, { a: this.authorityId, ids: measureIds, since })) as CorrectionValue[];
  }

  current(measureId: string, period: string): Promise<MeasureValue | null> {
    return selectEntity(
      this.manager,
      MeasureValue,
      'SELECT * FROM "measure_value" WHERE "authorityId" = :a AND "measureId" = :measureId AND "period" = :period AND "replacedAt" IS NULL',
      { a: this.authorityId, measureId, period },
    );
  }

  async replace(id: string, at: string): Promise<void> {
    await updateRows(this.manager, 'measure_value', { replacedAt: at }, '"id" = :id AND "authorityId" = :a', { id, a: this.authorityId });
  }

  async insert(value: Omit<MeasureValue, 'authorityId'>): Promise<MeasureValue> {
    const row = { ...value, authorityId: this.authorityId };
    await insertMany(this.manager, MeasureValue, [row]);
    return row;
  }
}

@Injectable()
export class MeasureValueRepositories extends TenantRepositories<MeasureValueRepository> {
  protected readonly make = MeasureValueRepository;
}
