import * as http from 'node:http';
import { requestHeaders, RequestSpec } from '../load/load-spec';
import { Workload } from '../load/workloads';
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

/** Requests to warm each build before it is timed. */
const WARM_UP = 200;

/**
 * Sends `count` requests of the workload to each build, one request at a time, the builds taking
 * turns request by request (the first build turning too). Under load, two builds measured a few
 * seconds apart saw a shared machine whose speed moved by a fifth; taking turns at each request, every
 * build sees the same moments, so a difference of a few per cent shows.
 */
export async function alternateRequests(apis: ProfiledApi[], workload: Workload, count: number): Promise<AlternateRow[]> {
  const requests = workload.requests ?? [];
  if (!requests.length) throw new Error(`${workload.key} has no fixed requests to take in turn`);
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
        route: workload.key,
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
        if (res.statusCode !== undefined && res.statusCode >= 400) reject(new Error(`${request.method} ${request.path} answered ${res.statusCode}`));
        else resolve(Number(process.hrtime.bigint() - started) / 1e6);
      });
    });
    req.on('error', reject);
    req.end(request.body);
  });
}
