import * as http from 'node:http';
import { GENERATOR_CPU_LIMIT, LoadResult, LoadSpec, LoadWindow, RequestSpec, requestHeaders, StatusToggle, summarise } from './load-spec';

/**
 * The load generator, run as its own process (forked once by run-load.ts and sent one LoadSpec at a
 * time): a fixed number of keep-alive connections on loopback, each sending its next request when the
 * last one is answered, for a fixed time. Answers each spec with a LoadResult (with its latencies when
 * the spec asks: a LoadWindow).
 */
const MAX_SAMPLES = 2_000_000;
const latencies = new Float64Array(MAX_SAMPLES);

interface Answer {
  status: number;
  type: string;
  body: string;
  location?: string;
}

async function runSpec(spec: LoadSpec): Promise<LoadResult | LoadWindow> {
  const agents = spec.ports.map(() => new http.Agent({ keepAlive: true, maxSockets: spec.connections }));
  const statusCounts: Record<string, number> = {};
  let samples = 0;
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const start = performance.now();
  // The warm-up lasts warmupMs and until every connection has had an answer, so one-off work
  // (connecting, a page template's first compile) is never measured; the measured time follows it.
  let measureFrom = Infinity;
  let end = Infinity;
  const waiting = new Set(Array.from({ length: spec.connections }, (_, c) => c));
  // The generator's own CPU from the start of the measured window to the last answer, read at both ends.
  let cpuFrom: { wall: number; usage: NodeJS.CpuUsage } | undefined;
  const warmed = (c: number) => {
    if (!waiting.delete(c) || waiting.size > 0) return;
    const now = performance.now();
    measureFrom = Math.max(now, start + spec.warmupMs);
    end = measureFrom + spec.durationMs;
    setTimeout(() => (cpuFrom = { wall: performance.now(), usage: process.cpuUsage() }), measureFrom - now);
  };

  const send = (c: number, request: RequestSpec) =>
    new Promise<Answer>((resolve) => {
      const port = spec.ports[c % spec.ports.length];
      const req = http.request(
        { host: '127.0.0.1', port, method: request.method, path: request.path, headers: requestHeaders(request), agent: agents[c % agents.length] },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: res.headers['content-type'] ?? '',
              body: Buffer.concat(chunks).toString('utf8'),
              location: res.headers.location,
            }),
          );
        },
      );
      req.on('error', (error) => resolve({ status: 0, type: '', body: error.message }));
      req.end(request.body);
    });

  const succeeded = (answer: Answer) =>
    spec.html ? answer.status === 200 && answer.type.startsWith('text/html') : answer.status >= 200 && answer.status < 300;

  const record = (c: number, t0: number, answer: Answer, request: RequestSpec) => {
    const t1 = performance.now();
    warmed(c);
    if (t0 < measureFrom) return;
    statusCounts[answer.status] = (statusCounts[answer.status] ?? 0) + 1;
    if (!succeeded(answer)) {
      errors++;
      firstError ??= `${answer.status} ${request.method} ${request.path}: ${describe(answer)}`;
    }
    if (samples < MAX_SAMPLES) latencies[samples++] = t1 - t0;
  };

  const readLoop = async (c: number, requests: RequestSpec[]) => {
    while (performance.now() < end) {
      const request = requests[next++ % requests.length];
      const t0 = performance.now();
      record(c, t0, await send(c, request), request);
    }
  };

  const toggleLoop = async (c: number, mine: StatusToggle[]) => {
    if (mine.length === 0) warmed(c);
    for (let i = 0; performance.now() < end && mine.length > 0; i++) {
      const item = mine[i % mine.length];
      const status = item.status === 'in_progress' ? 'not_started' : 'in_progress';
      const request: RequestSpec = {
        method: 'POST',
        path: `/api/v1/actions/${item.id}/status`,
        token: item.token,
        body: JSON.stringify({ version: item.version, status }),
      };
      const t0 = performance.now();
      const response = await send(c, request);
      record(c, t0, response, request);
      const current = currentState(response);
      if (current) Object.assign(item, current);
      else mine.splice(mine.indexOf(item), 1);
    }
  };

  const loops = Array.from({ length: spec.connections }, (_, c) => {
    if (spec.toggles)
      return toggleLoop(
        c,
        spec.toggles.filter((_, i) => i % spec.connections === c),
      );
    return readLoop(c, spec.requests ?? []);
  });
  await Promise.all(loops);
  const generatorCpu = cpuShare(cpuFrom);
  const seconds = (Math.min(performance.now(), end) - measureFrom) / 1000;
  agents.forEach((a) => a.destroy());
  const measured = latencies.subarray(0, samples);
  return {
    name: spec.name,
    requests: samples,
    errors,
    statusCounts,
    seconds,
    rps: samples / seconds,
    latencyMs: summarise(measured),
    ...(generatorCpu === undefined ? {} : { generatorCpu, generatorBusy: generatorCpu > GENERATOR_CPU_LIMIT }),
    ...(firstError ? { firstError } : {}),
    ...(spec.keepLatencies ? { latencies: Array.from(measured) } : {}),
  };
}

/** This process's CPU time (user + system) since `from`, over the wall time since then: 1 is one whole core. */
function cpuShare(from: { wall: number; usage: NodeJS.CpuUsage } | undefined): number | undefined {
  if (!from) return undefined;
  const used = process.cpuUsage(from.usage);
  const wallMs = performance.now() - from.wall;
  return wallMs > 0 ? Math.round(((used.user + used.system) / 1000 / wallMs) * 1000) / 1000 : undefined;
}

/** What went wrong, in a line: where a redirect leads, an HTML page's title, or the start of any other body. */
function describe(answer: Answer): string {
  if (answer.location) return `redirect to ${answer.location}`;
  const title = answer.type.startsWith('text/html') ? /<title[^>]*>([^<]*)<\/title>/i.exec(answer.body)?.[1] : undefined;
  return title ? `page "${title.replace(/\s+/g, ' ').trim()}"` : `${answer.type ? `${answer.type}: ` : ''}${answer.body.slice(0, 300)}`;
}

/** The action's version and status after a status request: from the answer, or from a 409's current state. */
function currentState(response: Answer): Pick<StatusToggle, 'version' | 'status'> | null {
  try {
    const body = JSON.parse(response.body);
    const action = response.status === 409 ? body?.error?.details?.current : body;
    if (action && typeof action.version === 'number' && (action.status === 'in_progress' || action.status === 'not_started'))
      return { version: action.version, status: action.status };
  } catch {
    // not JSON: drop the action from the rotation
  }
  return null;
}

process.on('message', (spec: LoadSpec) => {
  runSpec(spec).then(
    (result) => process.send!(result),
    (error) => process.send!({ error: String(error instanceof Error ? error.stack : error) }),
  );
});
// The bench is done (or gone).
process.on('disconnect', () => process.exit(0));
