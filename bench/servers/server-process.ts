import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { DatabaseConfig } from '@app/config';
import type { Checkpoints } from './raw-db';

const ROOT = path.resolve(__dirname, '../../..');

/** A server the bench started: its pid, memory and a way to stop it. */
export interface ServerProcess {
  name: string;
  port: number;
  pid: number;
  /** Peak and current resident memory in MB, from /proc/<pid>/status (VmHWM, VmRSS). */
  memory(): { peakMb: number; rssMb: number };
  stop(): Promise<void>;
}

/** A free port on loopback, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function readMemory(pid: number) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { peakMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
  } catch {
    return { peakMb: 0, rssMb: 0 };
  }
}

/** Starts `node <script> ...args` and waits until it prints a line matching `ready`. */
export function startNodeServer(
  name: string,
  script: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  ready: RegExp,
  nodeArgs: string[] = [],
  timeoutMs = 180_000,
): Promise<ServerProcess> {
  return startServer(name, process.execPath, [...nodeArgs, script, ...args], env, port, ready, timeoutMs);
}

/** Starts `command ...args` and waits until it prints a line matching `ready`. */
async function startServer(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  ready: RegExp,
  timeoutMs = 180_000,
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not start within ${timeoutMs / 1000}s`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output.slice(-2000)}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`${name} exited with code ${code} before it was ready`)));
  });
  child.removeAllListeners('exit');
  // Keep draining its output so it never blocks on a full pipe; keep the tail for error reports.
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const pid = child.pid!;
  return {
    name,
    port,
    pid,
    memory: () => readMemory(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export const API_MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');
export const RAW_SERVER = path.join(__dirname, 'raw-server.js');

/**
 * The real API, started as in production by scripts/start-api.sh (which execs node, so the pid and
 * its memory are the API's), with this node binary and configured by environment.
 */
export function startApi(port: number, dbEnv: Record<string, string>): Promise<ServerProcess> {
  return startServer(
    'api',
    'sh',
    [path.join(ROOT, 'scripts/start-api.sh')],
    { ...dbEnv, NODE: process.execPath, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    port,
    /listening on/,
  );
}

export function startRawServer(
  options: {
    port: number;
    sqliteFile?: string;
    postgresUrl?: string;
    pragmas?: string[];
    begin?: string;
    checkpoints?: Checkpoints;
  },
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  return startNodeServer('raw', RAW_SERVER, [JSON.stringify(options)], env, options.port, /raw server ready/);
}

/** The raw server's options for a bench database: the app's SQLite settings, and its transactions begun as the app begins them. */
export function rawOptionsFor(config: DatabaseConfig, port: number) {
  // The app takes SQLite's write lock when a transaction begins (libs/database/src/data-source.ts: beginImmediately).
  return config.kind === 'sqlite' ? { port, sqliteFile: config.file, begin: 'BEGIN IMMEDIATE TRANSACTION' } : { port, postgresUrl: config.url };
}
