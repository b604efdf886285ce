export interface ProgressOptions {
  /** `--progress`: show it even when standard error is not a terminal (a log file, a CI job). */
  forced?: boolean;
  stream?: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
  /** Milliseconds, as performance.now(). */
  now?: () => number;
}

export type Progress = (done: number, total: number) => void;

/**
 * A long command's progress, as "Read 12 of 40 pages…", on standard error: standard output is the
 * result (a JSON document a script reads), so progress never goes there. Shown only when standard
 * error is a terminal or `--progress` asks, from the first second on (a quick command stays quiet),
 * at most once a second, and once more at the end.
 */
export function progressLine(say: (done: number, total: number) => string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  if (!options.forced && !stream.isTTY) return () => undefined;
  const started = now();
  let shown = started;
  return (done, total) => {
    const at = now();
    const last = done >= total;
    if (at - started < 1000 || (at - shown < 1000 && !last)) return;
    shown = at;
    stream.write(`${say(done, total)}${last ? '' : '…'}\n`);
  };
}
