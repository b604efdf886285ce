import { LoadResult } from '../load/load-spec';

export interface RouteResult {
  key: string;
  label: string;
  /** Whether the route changes data (absent in results from before it was recorded). */
  write?: boolean;
  api: LoadResult;
  raw: LoadResult;
  /** Our throughput over the raw server's. */
  ratio: number;
  /** Windows each side's load was measured in, taken in turn, and each window's ratio (absent in results from before windows: one each). */
  windows?: number;
  windowRatios?: number[];
}

/** A web page under load against the API (no raw equivalent). */
export interface PageResult {
  key: string;
  label: string;
  api: LoadResult;
}

export interface PragmaResult {
  label: string;
  pragmas: string[];
  processes: number;
  read: LoadResult | null;
  write: LoadResult;
}

export interface DatabaseRun {
  database: 'sqlite' | 'postgres';
  generation: { seconds: number; rows: number; rowsPerSecond: number; counts: Record<string, number> };
  routes: RouteResult[];
  pages?: PageResult[];
  /** API peak RSS after the routes (apiPeakMb) and after the pages too (apiPeakWithPagesMb). */
  memory: { apiAtStartMb?: number; apiPeakMb: number; apiPeakWithPagesMb?: number; apiRssMb: number; rawPeakMb: number };
  pragmas?: PragmaResult[];
  dbSizeMb?: number;
  /** Wall seconds of each phase of the run (generate, sign-in, census, start, routes, pages, pragmas). */
  phaseSeconds?: Record<string, number>;
  /** The SQL the API ran for one request of each route and page (a separate, logging API process). */
  queries?: { key: string; status: number; queries: string[] }[];
  /** The SQL the raw server ran for one request of each route, to compare with the API's. */
  rawQueries?: { key: string; status: number; queries: string[] }[];
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
}

export interface BenchResults {
  date: string;
  command: string;
  actions: number;
  quick: boolean;
  connections: number;
  durationSeconds: number;
  machine: Machine;
  runs: DatabaseRun[];
  extras: Record<string, unknown>;
  totalSeconds: number;
}
