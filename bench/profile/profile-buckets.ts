/** The parts of a V8 .cpuprofile the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export const BUCKETS = [
  'HTTP framework (Express/Fastify)',
  'Nest pipeline',
  'class-validator/transformer',
  'TypeORM',
  'driver (better-sqlite3/pg)',
  'JSON',
  'templates (Nunjucks)',
  'our code',
  'Node core (http, net, streams, timers)',
  'async hooks (AsyncLocalStorage)',
  'socket writes to the database',
  'socket writes to the client',
  'other libraries',
  'V8/native (program)',
  'GC',
  'idle',
] as const;
export type Bucket = (typeof BUCKETS)[number];

const HTTP_PACKAGES =
  'express|router|body-parser|cookie-parser|helmet|finalhandler|send|serve-static|on-finished|path-to-regexp|qs|type-is|content-type|accepts|negotiator|raw-body|iconv-lite|depd|proxy-addr|fresh|etag|vary|mime|mime-types|mime-db|statuses|http-errors|cookie|cookie-signature|encodeurl|escape-html|parseurl|range-parser|forwarded|media-typer|merge-descriptors|utils-merge|methods|content-disposition|setprototypeof|destroy|unpipe|ee-first|fastify|@fastify/[^/]+|find-my-way|avvio|light-my-request|fast-querystring|fast-decode-uri-component|safe-regex2|toad-cache|process-warning|abstract-logging|pino|secure-json-parse|rfdc|ret';
const RULES: [RegExp, Bucket][] = [
  [/node_modules\/(fast-json-stringify|@fastify\/fast-json-stringify-compiler)\//, 'JSON'],
  [new RegExp(`node_modules/(${HTTP_PACKAGES})/`), 'HTTP framework (Express/Fastify)'],
  [/node_modules\/(@nestjs\/[^/]+|rxjs|reflect-metadata|tslib)\//, 'Nest pipeline'],
  [/node_modules\/(class-validator|class-transformer|validator|libphonenumber-js)\//, 'class-validator/transformer'],
  [/node_modules\/typeorm\//, 'TypeORM'],
  [/node_modules\/(better-sqlite3|bindings|pg|pg-[^/]+|postgres-[^/]+|pgpass|buffer-writer|packet-reader|split2)\//, 'driver (better-sqlite3/pg)'],
  [/node_modules\/(nunjucks|govuk-frontend|a-sync-waterfall|asap)\//, 'templates (Nunjucks)'],
  [/\/dist\/(apps|libs)\//, 'our code'],
  [/node_modules\//, 'other libraries'],
  [/^node:(internal\/)?async_hooks$/, 'async hooks (AsyncLocalStorage)'],
  [/^node:/, 'Node core (http, net, streams, timers)'],
];

type Node = CpuProfile['nodes'][number];

const JSON_WRAPPERS = /node_modules\/(express\/lib\/response|fastify\/lib\/reply)\.js$/;
/** libuv stream writes: the system call, where a loaded machine also switches to the process woken by it. */
const SOCKET_WRITES = new Set(['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String', 'writeAsciiString']);
const DRIVER_URL = /node_modules\/(pg|pg-[^/]+)\//;
/** better-sqlite3's statement methods are C++ called straight from the code that sends statements (ours, or TypeORM's runner): SQLite's own time. */
const SQLITE_CALLS = new Set(['all', 'run', 'get', 'iterate', 'prepare', 'exec', 'pragma']);
const SQLITE_RUNNER = /node_modules\/typeorm\/driver\/better-sqlite3\/|libs\/database\/src\/sqlite-(statements|turns)\.js$/;

/** Which part of the stack a frame belongs to; undefined for a native frame that takes its caller's bucket. */
function frameBucket(node: Node, callers: () => Node[]): Bucket | undefined {
  const { functionName, url } = node.callFrame;
  if (!url && SOCKET_WRITES.has(functionName)) {
    return callers().some((c) => DRIVER_URL.test(c.callFrame.url)) ? 'socket writes to the database' : 'socket writes to the client';
  }
  if (!url && SQLITE_CALLS.has(functionName) && SQLITE_RUNNER.test(callers().find((c) => c.callFrame.url)?.callFrame.url ?? '')) {
    return 'driver (better-sqlite3/pg)';
  }
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)' || functionName === '(root)') return 'V8/native (program)';
  if (!url) return functionName === 'stringify' || functionName === 'parse' ? 'JSON' : undefined;
  // V8 runs JSON.stringify inside its caller's frame: the frameworks' one-line wrappers around it.
  if (JSON_WRAPPERS.test(url) && (functionName === 'stringify' || functionName === 'serialize')) return 'JSON';
  for (const [pattern, bucket] of RULES) if (pattern.test(url)) return bucket;
  return 'other libraries';
}

export interface ProfileSummary {
  /** Milliseconds of samples in the profile. */
  totalMs: number;
  /** Share of all samples per bucket (0..1), and of the busy ones (all but idle). */
  share: Record<Bucket, number>;
  busyShare: Record<Bucket, number>;
  /** The functions with the most self time, busiest first. */
  top: { name: string; bucket: Bucket; share: number }[];
}

/**
 * Self time by bucket: each sample goes to the frame it was taken in, except that a native frame
 * (no script URL: a builtin such as Array.prototype.map or a C++ binding) goes to its nearest caller
 * with one, so a builtin called by TypeORM counts as TypeORM.
 */
export function summariseProfile(profile: CpuProfile, topN = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const bucketOf = new Map<number, Bucket>();
  const resolve = (id: number): Bucket => {
    const known = bucketOf.get(id);
    if (known) return known;
    const callers = () => {
      const chain: Node[] = [];
      for (let up = parent.get(id); up !== undefined; up = parent.get(up)) chain.push(byId.get(up)!);
      return chain;
    };
    const own = frameBucket(byId.get(id)!, callers);
    const up = parent.get(id);
    const bucket = own ?? (up === undefined ? 'V8/native (program)' : resolve(up));
    bucketOf.set(id, bucket);
    return bucket;
  };
  const micros = new Map<Bucket, number>(BUCKETS.map((b) => [b, 0]));
  const selfMicros = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    // timeDeltas[i] is the time before sample i; the next delta is how long sample i stood.
    const us = Math.max(0, profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0);
    total += us;
    micros.set(resolve(id), micros.get(resolve(id))! + us);
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + us);
  });
  const idle = micros.get('idle')!;
  const share = Object.fromEntries(BUCKETS.map((b) => [b, total ? micros.get(b)! / total : 0])) as Record<Bucket, number>;
  const busyShare = Object.fromEntries(BUCKETS.map((b) => [b, b === 'idle' || total === idle ? 0 : micros.get(b)! / (total - idle)])) as Record<Bucket, number>;
  const byFunction = new Map<string, { bucket: Bucket; us: number }>();
  for (const [id, us] of selfMicros) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url ? `${url.replace(/^.*\/node_modules\//, '').replace(/^.*\/dist\//, '')}:${lineNumber + 1}` : 'native';
    const name = `${functionName || '(anonymous)'} ${where}`;
    const entry = byFunction.get(name) ?? { bucket: resolve(id), us: 0 };
    entry.us += us;
    byFunction.set(name, entry);
  }
  const top = [...byFunction.entries()]
    .filter(([, e]) => e.bucket !== 'idle')
    .sort((a, b) => b[1].us - a[1].us)
    .slice(0, topN)
    .map(([name, e]) => ({ name, bucket: e.bucket, share: total ? e.us / total : 0 }));
  return { totalMs: total / 1000, share, busyShare, top };
}
