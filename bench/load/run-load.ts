import { ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';
import { inTurn } from '../suite/in-turn';
import { combineWindows, GENERATOR_CPU_LIMIT, LoadResult, LoadSpec, LoadWindow } from './load-spec';

const CLIENT = path.join(__dirname, 'load-client.js');

let client: ChildProcess | undefined;

/** The load generator's process, started on first use and kept for the whole bench (starting one takes 0.1 to 0.4 s here). */
function loadClient(): ChildProcess {
  if (!client?.connected) {
    client = fork(CLIENT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    // It must not keep the bench alive: it exits by itself when the bench does.
    client.unref();
    client.channel?.unref();
  }
  return client;
}

/**
 * Runs one load in the load generator's process (never the bench's own) and returns what it measured,
 * warning if the generator was busy (`warn: false` for a window whose combined result is warned about).
 */
export function runLoad(spec: LoadSpec, { warn = true } = {}): Promise<LoadResult> {
  const child = loadClient();
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (message: LoadResult | { error: string }) => {
      done();
      if ('error' in message) reject(new Error(`load client failed: ${message.error}`));
      else {
        if (warn && message.generatorBusy) console.warn(generatorWarning(message));
        resolve(message);
      }
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`load client exited with code ${code}`));
    };
    const timer = setTimeout(
      () => {
        done();
        child.kill('SIGKILL');
        reject(new Error(`load client did not answer within ${(spec.warmupMs + spec.durationMs) / 1000 + 60} s`));
      },
      spec.warmupMs + spec.durationMs + 60_000,
    );
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send(spec);
  });
}

/**
 * One load against another (the API and the raw server on one route) in windows taken in turn
 * (in-turn.ts), which share each one's measured time; each side's windows are then combined into
 * one result. Each spec is asked for again before each window (status toggles move on with every run).
 * Each side's first window warms up `rounds` times as long: with the usual 1 s, the API's first third
 * of a route still paid for compiling its code (my actions 0.43 of raw in its first window, 0.60 and
 * 0.61 in the next two), which one long window had spread over 5 s.
 */
export async function runPairInTurn(
  specs: { first: () => Promise<LoadSpec>; second: () => Promise<LoadSpec> },
  rounds: number,
): Promise<{ first: LoadResult; second: LoadResult; windowRatios: number[] }> {
  const windowOf = (spec: () => Promise<LoadSpec>) => async (round: number) => {
    const whole = await spec();
    const warmupMs = round === 0 ? whole.warmupMs * rounds : whole.warmupMs;
    const window = { ...whole, warmupMs, durationMs: Math.round(whole.durationMs / rounds), keepLatencies: true };
    return (await runLoad(window, { warn: false })) as LoadWindow;
  };
  const windows = await inTurn(rounds, windowOf(specs.first), windowOf(specs.second));
  const [first, second] = [combineWindows(windows.first), combineWindows(windows.second)];
  for (const combined of [first, second]) if (combined.generatorBusy) console.warn(generatorWarning(combined));
  const windowRatios = windows.first.map((w, i) => (windows.second[i].rps > 0 ? w.rps / windows.second[i].rps : 0));
  return { first, second, windowRatios };
}

/** Printed when the load generator was busy enough that it, not the server, may have set the figure. */
export function generatorWarning(result: LoadResult): string {
  return `  WARNING: the load generator used ${result.generatorCpu!.toFixed(2)} of a core during "${result.name}" (over ${GENERATOR_CPU_LIMIT}): that figure may be the generator's limit, not the server's`;
}
