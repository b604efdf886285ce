import { DataSource } from 'typeorm';
import { runSql } from '@app/database/sql';

/** Whether any reminder of these councils is still to be delivered: fixed SQL, seeking the (authority, state) index. */
const UNSETTLED = `SELECT 1 AS "one" FROM "reminder" WHERE "authorityId" IN (:...authorityIds) AND "state" IN ('pending', 'queued', 'sending') LIMIT 1`;

/** Subscribes `wake` to something that may mean the run has ended; returns the unsubscribe. */
export type WakeWhen = (wake: () => void) => () => void;

/**
 * Waits until no reminder of the given councils is left to deliver (each run has councils of its
 * own, all scheduled before delivery starts): one indexed probe per poll, as cheap at 100,000 rows as at 10.
 * Every 100 ms unless told otherwise, and at once whenever `wakeWhen` signals. Where the wait ends a timed
 * phase it is woken by each job the worker completes, so it knows the end at once, as raw BullMQ and raw
 * nodemailer do. Polling every 10 ms did that too, but its 200 probes a run were 1 to 2 % of the process's
 * CPU while 2,000 emails went out, charged to ours (docs/PERFORMANCE.md).
 */
export async function untilSent(
  db: DataSource,
  authorityIds: string[],
  { everyMs = 100, timeoutMs = 30 * 60_000, wakeWhen }: { everyMs?: number; timeoutMs?: number; wakeWhen?: WakeWhen } = {},
): Promise<void> {
  const until = Date.now() + timeoutMs;
  const unsettled = async () => (await runSql(db.manager, UNSETTLED, { authorityIds })).length > 0;
  // Counted, so that a wake arriving while a probe is under way is not lost: the loop then probes again at once.
  let wakes = 0;
  let woken: () => void = () => undefined;
  const unsubscribe = wakeWhen?.(() => {
    wakes++;
    woken();
  });
  try {
    for (;;) {
      const seen = wakes;
      if (!(await unsettled())) return;
      if (Date.now() > until) throw new Error('Bench timed out');
      if (wakes !== seen) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, everyMs);
        woken = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    unsubscribe?.();
  }
}
