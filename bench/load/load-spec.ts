/** One request of a read workload, sent as is, signed in with an API token or a browser session cookie. */
export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  /** A personal API token, sent as "Authorization: Bearer <token>". */
  token?: string;
  /** A Cookie header carrying a browser session (web pages). */
  cookie?: string;
  body?: string;
}

/** The headers that sign a request in, and describe its JSON body if it has one. */
export function requestHeaders(request: RequestSpec): Record<string, string | number> {
  const headers: Record<string, string | number> = request.cookie ? { cookie: request.cookie } : { authorization: `Bearer ${request.token}` };
  if (request.body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(request.body) });
  return headers;
}

/** An action whose status the load flips between not started and in progress, tracking its version. */
export interface StatusToggle {
  id: string;
  token: string;
  version: number;
  status: 'not_started' | 'in_progress';
}

export interface LoadSpec {
  name: string;
  ports: number[];
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Cycled in order, shared by all connections. */
  requests?: RequestSpec[];
  /** Split between connections, so no two requests for one action are ever in flight together. */
  toggles?: StatusToggle[];
  /** Web pages: only a 200 answer with an HTML body counts as a success (otherwise any 2xx does). */
  html?: boolean;
  /** Send back every measured latency too (`LoadWindow`), so windows of one load can be combined exactly. */
  keepLatencies?: boolean;
}

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  statusCounts: Record<string, number>;
  seconds: number;
  rps: number;
  latencyMs: LatencySummary;
  /**
   * The load generator's own CPU over the measured window (process.cpuUsage, user + system), as a
   * share of one core. Absent in results written before it was recorded.
   */
  generatorCpu?: number;
  /** Set when the generator used more than GENERATOR_CPU_LIMIT of a core: the figure may be the generator's limit, not the server's. */
  generatorBusy?: boolean;
  firstError?: string;
}

/** Above this share of one core the load generator may be what limits a figure. */
export const GENERATOR_CPU_LIMIT = 0.5;

/** A LoadResult with its measured latencies, in ms, answered when the spec asked for them. */
export interface LoadWindow extends LoadResult {
  latencies: number[];
}

/** Several windows of the same load as one result: requests and seconds summed, latencies pooled. */
export function combineWindows(windows: LoadWindow[]): LoadResult {
  const requests = windows.reduce((n, w) => n + w.requests, 0);
  const seconds = windows.reduce((n, w) => n + w.seconds, 0);
  const statusCounts: Record<string, number> = {};
  for (const w of windows) for (const [status, n] of Object.entries(w.statusCounts)) statusCounts[status] = (statusCounts[status] ?? 0) + n;
  const cpu = windows.every((w) => w.generatorCpu !== undefined) ? windows.reduce((n, w) => n + w.generatorCpu! * w.seconds, 0) / seconds : undefined;
  const firstError = windows.find((w) => w.firstError)?.firstError;
  return {
    name: windows[0].name,
    requests,
    errors: windows.reduce((n, w) => n + w.errors, 0),
    statusCounts,
    seconds,
    rps: seconds > 0 ? requests / seconds : 0,
    latencyMs: summarise(Float64Array.from(windows.flatMap((w) => w.latencies))),
    ...(cpu === undefined ? {} : { generatorCpu: Math.round(cpu * 1000) / 1000, generatorBusy: cpu > GENERATOR_CPU_LIMIT }),
    ...(firstError ? { firstError } : {}),
  };
}

export function summarise(values: Float64Array): LatencySummary {
  if (values.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (v: number) => Math.round(v * 100) / 100;
  let sum = 0;
  for (const v of sorted) sum += v;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]), mean: round(sum / sorted.length) };
}
