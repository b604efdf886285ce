import { DataSource, QueryRunner } from 'typeorm';
import { adaptQueryRunners, Query } from './query-runners';

/**
 * PostgreSQL parses and plans an unnamed statement each time it is sent, and TypeORM sends every
 * statement unnamed. A statement sent with a name is parsed once per connection, and after a few runs
 * PostgreSQL may keep one plan for it (when that plan costs no more than the ones made for each call's
 * values). docs/PERFORMANCE.md has what the planning cost.
 *
 * Only the texts the code writes are named (sql.ts marks each as it binds one; an `IN` list goes as
 * one array there): a text with a list written out in it differs with the list's length, and TypeORM's
 * own statements are left as they are. Each name is kept for good, so a connection never holds two
 * names for one text; past MAX_NAMED texts (a few hundred are written in the code) new ones go unnamed.
 */
const MAX_NAMED = 2000;

const names = new Map<string, string>();

/** Marks a bound text as one the code writes, to be sent named from now on. */
export function nameStatement(text: string): void {
  if (names.has(text) || names.size >= MAX_NAMED) return;
  names.set(text, `it_${names.size + 1}`);
}

/**
 * PostgreSQL refuses a kept statement that reads `*` from a table a migration has since changed
 * ("cached plan must not change result type"): with processes of two versions side by side, the older
 * ones would meet it on every connection that had the statement.
 */
const isChangedResult = (error: unknown) => (error as { code?: unknown } | null)?.code === '0A000';

type Send = (config: unknown, ...rest: unknown[]) => unknown;
const clients = new WeakMap<object, { generation: number }>();

/**
 * The pg client, made to send the code's texts by name (once for each pooled client). The name is
 * added only here, as the statement leaves: TypeORM, its logger and its errors see the text as before.
 * After a refusal for a changed table, the client's names get a new suffix, so each statement is
 * prepared afresh on its next call.
 */
export function sendsByName<T>(client: T): T {
  const target = client as unknown as { query: Send };
  if (clients.has(target)) return client;
  const state = { generation: 0 };
  clients.set(target, state);
  target.query = (config, ...rest) => {
    const name = typeof config === 'string' ? names.get(config) : undefined;
    const sent = name ? { name: state.generation ? `${name}_${state.generation}` : name, text: config } : config;
    // The client's own query, looked up at each call (so a spy on the client's class still sees every statement).
    const answer = (Object.getPrototypeOf(target) as { query: Send }).query.call(target, sent, ...rest);
    if (!name || !(answer instanceof Promise)) return answer;
    return answer.catch((error: unknown) => {
      if (isChangedResult(error)) state.generation++;
      throw error;
    });
  };
  return client;
}

/**
 * Each query runner's connection sends the code's texts by name. A statement refused for a changed
 * table is sent again once, prepared afresh, unless a transaction is open (the refusal has ended it).
 */
export function namedStatementsOnPostgres(dataSource: DataSource): void {
  adaptQueryRunners(dataSource, (runner) => {
    const connect = runner.connect.bind(runner);
    runner.connect = async () => sendsByName(await connect());
    const query = runner.query.bind(runner) as Query;
    runner.query = (async (...args: unknown[]) => {
      try {
        return await query(...args);
      } catch (error) {
        if (!isChangedResult(error) || runner.isTransactionActive) throw error;
        return query(...args);
      }
    }) as QueryRunner['query'];
  });
}
