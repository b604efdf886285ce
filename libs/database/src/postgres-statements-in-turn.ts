import { DataSource, QueryRunner } from 'typeorm';
import { adaptQueryRunners, Query } from './query-runners';

/**
 * Each PostgreSQL connection is given one statement at a time.
 *
 * Reads that run side by side (`Promise.all`) each take a pooled connection of their own, but inside a
 * transaction they share its one connection. The pg client queues such statements itself today, and
 * warns that it will stop doing so in pg 9; here they wait their turn before they reach it.
 */
export function statementsInTurnOnPostgres(dataSource: DataSource): void {
  adaptQueryRunners(dataSource, (runner) => {
    // The driver's own query, looked up at each call (so a spy on the runner's class still sees every statement).
    const query = (args: unknown[]) => (Object.getPrototypeOf(runner) as { query: Query }).query.apply(runner, args);
    let last: Promise<unknown> = Promise.resolve();
    runner.query = ((...args: unknown[]) => {
      const run = last.then(() => query(args));
      last = run.catch(() => undefined);
      return run;
    }) as QueryRunner['query'];
  });
}
