import { ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';
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

/** Runs one load in the load generator's process (never the bench's own) and returns what it measured. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
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
        if (message.generatorBusy) console.warn(generatorWarning(message));
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
 * Loads measured against each other (the API and the raw server on one route), taken in turn in
 * `rounds` windows that share each one's measured time, and each combined into one result. One load
 * and then the other saw the machine at different moments: on this shared machine a route's ratio
 * moved from 0.67 to 0.37 between two runs of the same code. Taking them in turn, each sees the same
 * moments. `spec` is asked again for every window (status toggles move on with each run).
 */
export async function runLoadsInTurn(specs: (() => Promise<LoadSpec>)[], rounds: number): Promise<LoadResult[]> {
  const windows: LoadWindow[][] = specs.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, spec] of specs.entries()) {
      const whole = await spec();
      const window = { ...whole, durationMs: Math.round(whole.durationMs / rounds), keepLatencies: true };
      windows[i].push((await runLoad(window)) as LoadWindow);
    }
  }
  return windows.map(combineWindows);
}

/** Printed when the load generator was busy enough that it, not the server, may have set the figure. */
export function generatorWarning(result: LoadResult): string {
  return `  WARNING: the load generator used ${result.generatorCpu!.toFixed(2)} of a core during "${result.name}" (over ${GENERATOR_CPU_LIMIT}): that figure may be the generator's limit, not the server's`;
}
