/** One request of a read workload, sent as is. */
export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  token: string;
  body?: string;
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
  firstError?: string;
}
