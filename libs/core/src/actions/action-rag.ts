/**
 * The effective RAG rating as SQL, for filtering and counting in the database. It must agree with
 * the domain's deriveRag + effectiveRag (action-rag.int-spec.ts checks every case on both databases).
 * warnFrom is the due date less the plan's warning window, kept on the row.
 */
export function ragSql(alias: string): string {
  const c = (col: string) => `${alias}."${col}"`;
  return `(CASE
    WHEN ${c('ragOverride')} IS NOT NULL THEN ${c('ragOverride')}
    WHEN ${c('status')} = 'verified' THEN 'blue'
    WHEN ${c('status')} IN ('cancelled', 'carried_over') THEN NULL
    WHEN ${c('status')} = 'blocked' THEN 'red'
    WHEN ${c('status')} = 'completed' THEN 'green'
    WHEN ${c('dueDate')} IS NOT NULL AND ${c('dueDate')} < :today THEN 'red'
    WHEN ${c('warnFrom')} IS NOT NULL AND ${c('warnFrom')} <= :today THEN 'amber'
    WHEN ${c('atRisk')} = :atRiskTrue THEN 'amber'
    ELSE 'green' END)`;
}

export const ragSqlParams = (today: string) => ({ today, atRiskTrue: true });

/** Sums a grouped count query's rows ({<key>, count}) by key: the dashboard's counts by status and by RAG. */
export function tally(rows: Record<string, unknown>[], key: string): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const r of rows) if (r[key] !== null) sums[r[key] as string] = (sums[r[key] as string] ?? 0) + Number(r.count);
  return sums;
}
