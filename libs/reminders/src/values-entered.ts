import { EntityManager } from 'typeorm';
import { runSql } from '@app/database/sql';

/** Of these measures, those with a current value for the quarter (quarterly, or any month of it). */
export async function valuesEntered(tx: EntityManager, measureIds: string[], quarter: string): Promise<Set<string>> {
  if (!measureIds.length) return new Set();
  const text = 'SELECT DISTINCT "measureId" FROM "measure_value" WHERE "measureId" IN (:...measureIds) AND "quarter" = :quarter AND "replacedAt" IS NULL';
  return new Set((await runSql(tx, text, { measureIds, quarter })).map((r) => String(r.measureId)));
}
