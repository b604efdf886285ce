// Runs the built worker and CLI as real processes, for tests that kill them part-way.
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { loadConfig, repoRoot } from '@app/config';
import { JobData, JobName, QueueName, redisConnection } from '@app/queue';

/** The build under test: dist/ (made by `npm run build`), or another build named by TEST_DIST_DIR. */
const DIST = path.resolve(process.env.TEST_DIST_DIR ?? path.join(repoRoot(), 'dist'));
const WORKER_MAIN = path.join(DIST, 'apps/worker/src/main.js');
const API_MAIN = path.join(DIST, 'apps/api/src/main.js');
const CLI_MAIN = path.join(DIST, 'apps/cli/src/main.js');

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Marks a numbered Redis database as taken by one test suite; it lapses on its own, outliving any suite. */
const CLAIM_KEY = 'improvement-tracker-test-claim';
const CLAIM_SECONDS = 900;
/** The worker process's queue prefix: its main.js has no setting for another. */
const WORKER_QUEUE_PREFIX = loadConfig({}).queuePrefix;

/** Fails, saying what to do, when the build these tests run is missing. */
export function requireBuild(): void {
  const missing = [WORKER_MAIN, API_MAIN, CLI_MAIN].filter((file) => !fs.existsSync(file));
  if (missing.length)
    throw new Error(`These tests run the built worker and CLI, but the build is missing (${missing.join(', ')}): run \`npm run build\` first.`);
}

/** A process's whole environment: what the test sets, never this process's own DATABASE_URL, SMTP_URL and so on. */
function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, TZ: 'UTC', NODE_ENV: 'test', PUBLIC_URL: 'https://tracker.test', WORKER_HEALTH_PORT: '0', ...env };
}

/** `node dist/apps/worker/src/main.js` (or the API's), with its output kept for when a test fails. */
export class AppProcess {
  private output = '';
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk) => (this.output += chunk));
    child.stderr!.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  static worker(env: Record<string, string>): AppProcess {
    return new AppProcess(spawn(process.execPath, [WORKER_MAIN], { env: environment(env), stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  /** The API on `PORT` (give one from `freePort`), answering once its /health does. */
  static async api(env: Record<string, string> & { PORT: string }): Promise<AppProcess> {
    const api = new AppProcess(spawn(process.execPath, [API_MAIN], { env: environment(env), stdio: ['ignore', 'pipe', 'pipe'] }));
    const until = Date.now() + 30_000;
    while (
      !(await fetch(`http://127.0.0.1:${env.PORT}/health`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (!api.running || Date.now() > until) throw new Error(`The API did not start: ${api.log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return api;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Whether it has printed `text` (its log lines). */
  printed(text: string): boolean {
    return this.output.includes(text);
  }

  /** The last of what it printed. */
  get log(): string {
    return this.output.slice(-3000);
  }

  /** Freezes the process where it stands (SIGSTOP); `resume()` lets it go on. */
  pause(): void {
    this.child.kill('SIGSTOP');
  }

  resume(): void {
    this.child.kill('SIGCONT');
  }

  /** SIGKILL: no shutdown hooks, no cleanup; returns once the process is gone. */
  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** A TCP port nothing is listening on just now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Runs `node dist/apps/cli/src/main.js ...args` to the end; rejects, with its output, if it fails. */
export function runCli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI_MAIN, ...args], { env: environment(env), timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`cli ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/**
 * A Redis database of its own for a worker process. The worker always uses the same key prefix, so
 * instead it is pointed at one of Redis's numbered databases that holds no keys; `wipe` removes
 * what the worker left there.
 */
export async function emptyRedisDatabase(): Promise<{ url: string; wipe: () => Promise<void> }> {
  const candidates = [...Array(15).keys()].map((i) => i + 1).sort(() => Math.random() - 0.5);
  for (const index of candidates) {
    const url = new URL(REDIS_URL);
    url.pathname = `/${index}`;
    const redis = new Redis(url.toString(), { maxRetriesPerRequest: null });
    try {
      // Claimed with a key of its own, atomically, so suites running side by side never share one.
      if ((await redis.dbsize()) === 0 && (await redis.set(CLAIM_KEY, String(process.pid), 'EX', CLAIM_SECONDS, 'NX')) === 'OK')
        return { url: url.toString(), wipe: () => wipeQueue(url.toString()) };
    } finally {
      redis.disconnect();
    }
  }
  throw new Error(`No empty database on ${REDIS_URL} (1 to 15) for the worker's queue`);
}

/**
 * The batch jobs a killed worker was running: still active in Redis, where BullMQ hands them to
 * another worker once their lock lapses.
 */
export async function activeBatchJobs(redisUrl: string): Promise<JobData[JobName.ReminderDeliverBatch][]> {
  const queue = new Queue(QueueName.Reminders, { connection: redisConnection(redisUrl), prefix: WORKER_QUEUE_PREFIX });
  try {
    return (await queue.getJobs(['active'])).filter((job) => job.name === JobName.ReminderDeliverBatch).map((job) => job.data);
  } finally {
    await queue.close();
  }
}

async function wipeQueue(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  try {
    const keys = await redis.keys(`${WORKER_QUEUE_PREFIX}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
