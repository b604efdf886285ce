import * as http from 'node:http';
import { todayInLondon } from '@app/domain';
import { addNote, changeStatus, dashboard, listActions, timeline } from './raw-actions';
import { authenticate, HttpFailure } from './raw-auth';
import { Checkpoints, openRawPostgres, openRawSqlite, RawDb } from './raw-db';

/** How the bench starts a raw server: node raw-server.js '<RawServerOptions as JSON>'. */
export interface RawServerOptions {
  port: number;
  sqliteFile?: string;
  postgresUrl?: string;
  /** SQLite settings to use instead of the app's. */
  pragmas?: string[];
  /** How SQLite transactions start: 'BEGIN' (deferred, as TypeORM) or 'BEGIN IMMEDIATE'. */
  begin?: string;
  /** Where SQLite's checkpoints run (openRawSqlite's default: on a thread of their own, as the app's do). */
  checkpoints?: Checkpoints;
}

const ID = '([0-9a-f-]{36})';
const ROUTES: [string, RegExp, (db: RawDb, ctx: Context) => Promise<unknown>][] = [
  ['GET', /^\/api\/v1\/me\/actions$/, (db, c) => listActions(db, c.caller, c.query, c.today, c.caller.userId)],
  ['GET', /^\/api\/v1\/actions$/, (db, c) => listActions(db, c.caller, c.query, c.today)],
  ['GET', new RegExp(`^/api/v1/plans/${ID}/dashboard$`), (db, c) => dashboard(db, c.caller, c.id, c.today)],
  ['GET', new RegExp(`^/api/v1/actions/${ID}/timeline$`), (db, c) => timeline(db, c.caller, c.id)],
  ['POST', new RegExp(`^/api/v1/actions/${ID}/status$`), (db, c) => changeStatus(db, c.caller, c.id, c.body as never, c.today)],
  ['POST', new RegExp(`^/api/v1/actions/${ID}/notes$`), (db, c) => addNote(db, c.caller, c.id, String((c.body as { body?: unknown }).body ?? ''))],
];

interface Context {
  caller: Awaited<ReturnType<typeof authenticate>>;
  query: URLSearchParams;
  id: string;
  body: unknown;
  today: string;
}

async function handle(db: RawDb, req: http.IncomingMessage, res: http.ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let status = 200;
  let payload: unknown;
  try {
    const route = ROUTES.find(([method, pattern]) => method === req.method && pattern.test(url.pathname));
    if (!route) throw new HttpFailure(404, 'not_found', 'No such route');
    const caller = await authenticate(db, req.headers.authorization);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    const id = route[1].exec(url.pathname)?.[1] ?? '';
    payload = await route[2](db, { caller, query: url.searchParams, id, body, today: todayInLondon(new Date()) });
    if (req.method === 'POST') status = 201;
  } catch (error) {
    const failure = error instanceof HttpFailure ? error : new HttpFailure(500, 'internal_error', String((error as Error)?.message ?? error));
    status = failure.status;
    payload = { error: { status, code: failure.code, message: failure.message, ...(failure.details ? { details: failure.details } : {}) } };
  }
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function main() {
  const options: RawServerOptions = JSON.parse(process.argv[2]);
  const db = options.postgresUrl
    ? openRawPostgres(options.postgresUrl)
    : openRawSqlite(options.sqliteFile!, options.pragmas, options.begin, options.checkpoints);
  const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => void handle(db, req, res));
  server.listen(options.port, '127.0.0.1', () => console.log(`raw server ready on ${options.port}`));
  const stop = () => server.close(() => void db.close().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
