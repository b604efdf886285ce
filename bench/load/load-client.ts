import * as fs from 'node:fs';
import * as http from 'node:http';
import { LatencySummary, LoadResult, LoadSpec, RequestSpec, StatusToggle } from './load-spec';

/**
 * The load generator, run as its own process (node dist/bench/load/load-client.js spec.json):
 * a fixed number of keep-alive connections on loopback, each sending its next request when the
 * last one is answered, for a fixed time. Prints a LoadResult as JSON.
 */
const MAX_SAMPLES = 2_000_000;

async function main() {
  const spec: LoadSpec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const agents = spec.ports.map(() => new http.Agent({ keepAlive: true, maxSockets: spec.connections }));
  const latencies = new Float64Array(MAX_SAMPLES);
  const statusCounts: Record<string, number> = {};
  let samples = 0;
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const start = performance.now();
  const measureFrom = start + spec.warmupMs;
  const end = measureFrom + spec.durationMs;

  const send = (c: number, request: RequestSpec) =>
    new Promise<{ status: number; body: string }>((resolve) => {
      const port = spec.ports[c % spec.ports.length];
      const headers: http.OutgoingHttpHeaders = { authorization: `Bearer ${request.token}` };
      if (request.body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(request.body) });
      const req = http.request({ host: '127.0.0.1', port, method: request.method, path: request.path, headers, agent: agents[c % agents.length] }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', (error) => resolve({ status: 0, body: error.message }));
      req.end(request.body);
    });

  const record = (t0: number, status: number, body: string, request: RequestSpec) => {
    const t1 = performance.now();
    if (t0 < measureFrom) return;
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    if (status < 200 || status >= 300) {
      errors++;
      firstError ??= `${status} ${request.method} ${request.path}: ${body.slice(0, 300)}`;
    }
    if (samples < MAX_SAMPLES) latencies[samples++] = t1 - t0;
  };

  const readLoop = async (c: number, requests: RequestSpec[]) => {
    while (performance.now() < end) {
      const request = requests[next++ % requests.length];
      const t0 = performance.now();
      const { status, body } = await send(c, request);
      record(t0, status, body, request);
    }
  };

  const toggleLoop = async (c: number, mine: StatusToggle[]) => {
    for (let i = 0; performance.now() < end && mine.length > 0; i++) {
      const item = mine[i % mine.length];
      const status = item.status === 'in_progress' ? 'not_started' : 'in_progress';
      const request: RequestSpec = { method: 'POST', path: `/api/v1/actions/${item.id}/status`, token: item.token, body: JSON.stringify({ version: item.version, status }) };
      const t0 = performance.now();
      const response = await send(c, request);
      record(t0, response.status, response.body, request);
      const current = currentState(response);
      if (current) Object.assign(item, current);
      else mine.splice(mine.indexOf(item), 1);
    }
  };

  const loops = Array.from({ length: spec.connections }, (_, c) => {
    if (spec.toggles) return toggleLoop(c, spec.toggles.filter((_, i) => i % spec.connections === c));
    return readLoop(c, spec.requests ?? []);
  });
  await Promise.all(loops);
  const seconds = (Math.min(performance.now(), end) - measureFrom) / 1000;
  agents.forEach((a) => a.destroy());
  const result: LoadResult = {
    name: spec.name, requests: samples, errors, statusCounts, seconds, rps: samples / seconds,
    latencyMs: summarise(latencies.subarray(0, samples)), ...(firstError ? { firstError } : {}),
  };
  process.stdout.write(JSON.stringify(result));
}

/** The action's version and status after a status request: from the answer, or from a 409's current state. */
function currentState(response: { status: number; body: string }): Pick<StatusToggle, 'version' | 'status'> | null {
  try {
    const body = JSON.parse(response.body);
    const action = response.status === 409 ? body?.error?.details?.current : body;
    if (action && typeof action.version === 'number' && (action.status === 'in_progress' || action.status === 'not_started')) return { version: action.version, status: action.status };
  } catch {
    // not JSON: drop the action from the rotation
  }
  return null;
}

function summarise(values: Float64Array): LatencySummary {
  if (values.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (v: number) => Math.round(v * 100) / 100;
  let sum = 0;
  for (const v of sorted) sum += v;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]), mean: round(sum / sorted.length) };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
