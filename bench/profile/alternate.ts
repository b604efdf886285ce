import * as http from 'node:http';
import { requestHeaders, RequestSpec } from '../load/load-spec';
import { ProfiledApi } from './api-child';

/** One build's figures from requests sent one at a time, in turn with the other builds'. */
export interface AlternateRow {
  api: string;
  route: string;
  requests: number;
  medianMs: number;
  p90Ms: number;
  cpuMsPerRequest: number;
}

/** A route or page, by its key, and the requests that make it (sent in turn, over and over). */
export interface AlternateRoute {
  key: string;
  requests?: RequestSpec[];
}

/** A whole number of at least 1, or 0 when the option is not given. */
export function requestCount(name: string, text: string | undefined, usage: string): number {
  if (text === undefined) return 0;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a number of requests (at least 1), not "${text}"\n${usage}`);
  return n;
}

/** One build's row as the tools print it. */
export function alternateLine(row: AlternateRow, database: string): string {
  const figures = `median ${row.medianMs.toFixed(2)} ms, p90 ${row.p90Ms.toFixed(2)} ms, ${row.cpuMsPerRequest.toFixed(2)} CPU ms/req`;
  return `  ${row.api.padEnd(10)} ${database.padEnd(8)} ${row.route.padEnd(18)} ${row.requests} one at a time: ${figures}`;
}

/** Requests to warm each build before it is timed. */
const WARM_UP = 200;

/**
 * Sends `count` requests of the route to each build, one request at a time, the builds taking
 * turns request by request (the first build turning too). Under load, two builds measured a few
 * seconds apart saw a shared machine whose speed moved by a fifth; taking turns at each request, every
 * build sees the same moments, so a difference of a few per cent shows.
 */
export async function alternateRequests(apis: ProfiledApi[], route: AlternateRoute, count: number): Promise<AlternateRow[]> {
  const requests = route.requests ?? [];
  if (!requests.length) throw new Error(`${route.key} has no fixed requests to take in turn`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const send = async (api: ProfiledApi, i: number) => timed(agent, api.port, requests[i % requests.length]);
    for (let i = 0; i < WARM_UP; i++) for (const api of apis) await send(api, i);
    const times = apis.map(() => [] as number[]);
    const cpuBefore = apis.map((api) => api.cpuSeconds());
    for (let i = 0; i < count; i++)
      for (let turn = 0; turn < apis.length; turn++) {
        const which = (i + turn) % apis.length;
        times[which].push(await send(apis[which], i));
      }
    return apis.map((api, which) => {
      const sorted = times[which].sort((a, b) => a - b);
      return {
        api: api.label,
        route: route.key,
        requests: count,
        medianMs: sorted[Math.floor(count / 2)],
        p90Ms: sorted[Math.floor(count * 0.9)],
        cpuMsPerRequest: ((api.cpuSeconds() - cpuBefore[which]) * 1000) / count,
      };
    });
  } finally {
    agent.destroy();
  }
}

function timed(agent: http.Agent, port: number, request: RequestSpec): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: request.method, path: request.path, headers: requestHeaders(request), agent }, (res) => {
      res.resume();
      res.on('end', () => {
        // A redirect (to sign in, say) would be timed as a fast page: only a 2xx answer counts.
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) reject(new Error(`${request.method} ${request.path} answered ${res.statusCode}`));
        else resolve(Number(process.hrtime.bigint() - started) / 1e6);
      });
    });
    req.on('error', reject);
    req.end(request.body);
  });
}
