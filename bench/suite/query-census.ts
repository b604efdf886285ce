import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { BenchDatabase } from '../dataset/bench-database';
import { RequestSpec, requestHeaders } from '../load/load-spec';
import { Workload } from '../load/workloads';
import { API_MAIN, freePort, startNodeServer } from '../servers/server-process';

export interface RouteQueries {
  key: string;
  status: number;
  queries: string[];
}

const PRELOAD = path.join(__dirname, '../servers/query-census-preload.js');

function send(port: number, r: RequestSpec): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers: requestHeaders(r) }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(r.body);
  });
}

/** One request per route against an API process that logs its SQL: how many queries each route runs. */
export async function queryCensus(db: BenchDatabase, workloads: Workload[]): Promise<RouteQueries[]> {
  const log = path.join(db.dataDir, 'queries.log');
  const port = await freePort();
  const api = await startNodeServer(
    'api (query census)',
    API_MAIN,
    [],
    { ...db.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', BENCH_QUERY_LOG: log, NODE_OPTIONS: `--require ${PRELOAD}` },
    port,
    /listening on/,
  );
  try {
    const results: RouteQueries[] = [];
    for (const w of workloads) {
      // The second request of each route is counted, so one-off work (a session's first touch) is left out.
      const [first, second] = w.toggles
        ? w.toggles
            .slice(0, 1)
            .flatMap((t) => [t, { ...t, version: t.version + 1, status: t.status === 'in_progress' ? 'not_started' : 'in_progress' }])
            .map((t) => ({
              method: 'POST' as const,
              path: `/api/v1/actions/${t.id}/status`,
              token: t.token,
              body: JSON.stringify({ version: t.version, status: t.status === 'in_progress' ? 'not_started' : 'in_progress' }),
            }))
        : [w.requests![0], w.requests![1 % w.requests!.length]];
      await send(port, first);
      fs.writeFileSync(log, '');
      const status = await send(port, second);
      results.push({ key: w.key, status, queries: fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) });
    }
    return results;
  } finally {
    await api.stop();
  }
}
