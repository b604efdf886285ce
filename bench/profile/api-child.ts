import { ChildProcess, fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const PRELOAD = path.join(__dirname, 'cpu-profile-preload.js');

/** An API process started for profiling, with the preload that takes CPU profiles on request. */
export interface ProfiledApi {
  label: string;
  port: number;
  /** User plus system CPU seconds the process has used so far (Linux /proc). */
  cpuSeconds(): number;
  start(): Promise<void>;
  /** Stops the running profile and writes it to `file`. */
  stop(file: string): Promise<void>;
  close(): Promise<void>;
}

export const API_MAIN = 'dist/apps/api/src/main.js';

/** Builds to measure, from `--api label=/checkout[,label=/other]` (a bare path is labelled with its folder's name); each must be built. */
export function builtApis(option: string): { label: string; root: string }[] {
  return option.split(',').map((pair) => {
    const [label, root] = pair.includes('=') ? pair.split('=') : [path.basename(pair), pair];
    if (!fs.existsSync(path.join(root, API_MAIN))) throw new Error(`${root} has no built API (${API_MAIN})`);
    return { label, root: path.resolve(root) };
  });
}

/**
 * Starts `<root>/<main>` (the API) as scripts/start-api.sh does (same heap limit), from `root` so
 * another checkout's build can be profiled against the same database.
 */
export async function startProfiledApi(
  label: string,
  root: string,
  port: number,
  dbEnv: Record<string, string>,
  extraEnv: Record<string, string> = {},
): Promise<ProfiledApi> {
  const child = fork(path.join(root, API_MAIN), [], {
    cwd: root,
    execArgv: ['--max-old-space-size=512', '--require', PRELOAD],
    env: { ...process.env, ...dbEnv, ...extraEnv, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', BENCH_CPU_PROFILE: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within 180 s`), 180_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${label} API ${why}\n${output}`));
    };
    const onData = (chunk: Buffer) => {
      keep(chunk);
      if (/listening on/.test(output)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(`exited with code ${code} before it was ready`));
  });
  child.stdout!.removeAllListeners('data').on('data', keep);
  child.stderr!.removeAllListeners('data').on('data', keep);
  return {
    label,
    port,
    cpuSeconds: () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${label} API exited (${child.exitCode ?? child.signalCode}):\n${output}`);
      return cpuSecondsOf(child.pid!);
    },
    start: () => ask(child, { profile: 'start' }, 'profiling'),
    stop: (file) => ask(child, { profile: 'stop', file }, 'profiled'),
    close: () => closeChild(child),
  };
}

const TICKS_PER_SECOND = 100;

function cpuSecondsOf(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat, counted after the command name's closing parenthesis.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function ask(child: ChildProcess, message: object, answer: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not answer ${JSON.stringify(message)} within 60 s`)), 60_000);
    const onMessage = (reply: Record<string, unknown>) => {
      if (!(answer in reply) && !('profileError' in reply)) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      if ('profileError' in reply) reject(new Error(String(reply.profileError)));
      else resolve();
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

function closeChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
