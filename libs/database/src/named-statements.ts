/**
 * PostgreSQL parses and plans an unnamed statement each time it is sent: on the quarterly review page
 * that planning took about twice the time the statements ran (5.5 ms a page at 10,000 actions, 2.6 of
 * it one read of the audit trail whose partial index the planner weighs at every call). A statement
 * sent with a name is parsed once per connection, and after a few runs PostgreSQL keeps a plan for it
 * when that plan costs no more than the ones made for each call's values.
 *
 * Only the texts the code writes are named (sql.ts marks each as it first binds one): a text with a
 * list written out in it differs with the list's length, and TypeORM's own statements are left as
 * they are. Each name is kept for good, so a connection never holds two names for one text; past
 * MAX_NAMED texts (a few hundred are written in the code) new ones go unnamed.
 */
export const MAX_NAMED = 2000;

const names = new Map<string, string>();

/** Marks a bound text as one the code writes, to be sent named from now on. */
export function nameStatement(text: string): void {
  if (names.has(text) || names.size >= MAX_NAMED) return;
  names.set(text, `it_${names.size + 1}`);
}

type Send = (config: unknown, ...rest: unknown[]) => unknown;
const clients = new WeakSet<object>();

/**
 * The pg client, made to send the code's texts by name (once for each pooled client). The name is
 * added only here, as the statement leaves: TypeORM, its logger and its errors see the text as before.
 */
export function sendsByName<T>(client: T): T {
  const target = client as unknown as { query: Send };
  if (clients.has(target)) return client;
  clients.add(target);
  target.query = (config, ...rest) => {
    const name = typeof config === 'string' ? names.get(config) : undefined;
    // The client's own query, looked up at each call (so a spy on the client's class still sees every statement).
    return (Object.getPrototypeOf(target) as { query: Send }).query.call(target, name ? { name, text: config } : config, ...rest);
  };
  return client;
}
