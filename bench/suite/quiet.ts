import * as fs from 'node:fs';

/** All CPUs' busy and total time so far (Linux), or null elsewhere. */
function cpuTimes(): { busy: number; total: number } | null {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = fields[3] + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * Waits, up to `maxMs`, until the machine's CPUs (every process together) are at most `busyAtMost` busy over
 * a second. The part before may leave work behind (PostgreSQL's checkpoint and autovacuum after the routes),
 * which would otherwise land in the next part's figures. Returns the seconds waited and the last share busy.
 */
export async function untilQuiet(busyAtMost = 0.2, maxMs = 60_000): Promise<{ waitedSeconds: number; busy: number | null }> {
  const started = Date.now();
  for (;;) {
    const before = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = cpuTimes();
    if (!before || !after) return { waitedSeconds: 0, busy: null };
    const busy = (after.busy - before.busy) / Math.max(1, after.total - before.total);
    if (busy <= busyAtMost || Date.now() - started >= maxMs) return { waitedSeconds: (Date.now() - started) / 1000, busy };
  }
}
