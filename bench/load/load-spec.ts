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
