import type { RemindersBenchResult } from '../reminders.bench';
import { BenchResults, DatabaseRun } from './results';

/** The aims of issue 17, each checked against one run; they hold at every scale, so a smaller run must meet them too. */
export const AIMS = {
  routeRatio: 0.5,
  readP95Ms: 50,
  writeP95Ms: 30,
  pageP95Ms: 100,
  apiPeakRssMb: 300,
  reminderRatio: 0.75,
  quarterEndP99Ms: 15_000,
  /** The quarter-end's aim is for this many reminders due in the same minute. */
  quarterEndReminders: 100_000,
} as const;

/** One aim against what a run measured; `met` is null where the run did not measure it at the aim's size. */
export interface AimResult {
  aim: string;
  measured: string;
  met: boolean | null;
}

const f2 = (v: number) => v.toFixed(2);
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** The item with the largest `value`, for "the worst of them" figures. */
function worst<T>(items: T[], value: (item: T) => number): T | undefined {
  return items.reduce<T | undefined>((w, item) => (w === undefined || value(item) > value(w) ? item : w), undefined);
}

function atMost(aim: string, items: { label: string; value: number }[], limit: number, show: (v: number) => string): AimResult[] {
  const top = worst(items, (i) => i.value);
  return top ? [{ aim, measured: `${show(top.value)} (${top.label})`, met: top.value < limit }] : [];
}

function databaseAims(run: DatabaseRun): AimResult[] {
  const db = run.database === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const lowest = worst(run.routes, (r) => -r.ratio);
  const p95 = (write: boolean) => run.routes.filter((r) => r.write === write).map((r) => ({ label: r.label, value: r.api.latencyMs.p95 }));
  const rss = Math.max(run.memory.apiPeakMb, run.memory.apiPeakWithPagesMb ?? 0);
  return [
    ...(lowest
      ? [
          {
            aim: `${db}: every JSON route at least ${AIMS.routeRatio} of raw`,
            measured: `lowest ${f2(lowest.ratio)} (${lowest.label})`,
            met: lowest.ratio >= AIMS.routeRatio,
          },
        ]
      : []),
    ...atMost(`${db}: JSON reads p95 under ${AIMS.readP95Ms} ms`, p95(false), AIMS.readP95Ms, ms),
    ...atMost(`${db}: JSON writes p95 under ${AIMS.writeP95Ms} ms`, p95(true), AIMS.writeP95Ms, ms),
    ...atMost(
      `${db}: pages p95 under ${AIMS.pageP95Ms} ms`,
      (run.pages ?? []).map((p) => ({ label: p.label, value: p.api.latencyMs.p95 })),
      AIMS.pageP95Ms,
      ms,
    ),
    { aim: `${db}: API peak RSS under ${AIMS.apiPeakRssMb} MB`, measured: `${rss} MB`, met: rss < AIMS.apiPeakRssMb },
  ];
}

function reminderAims(r: RemindersBenchResult | undefined): AimResult[] {
  if (!r || 'error' in r) return [];
  const rounds = (each?: number[]) => (each?.length ? ` (rounds ${each.map(f2).join(', ')})` : '');
  const out: AimResult[] = [];
  if (r.inApp)
    out.push({
      aim: `in-app reminders at least ${AIMS.reminderRatio} of raw BullMQ`,
      measured: f2(r.inApp.ratio) + rounds(r.inApp.roundRatios),
      met: r.inApp.ratio >= AIMS.reminderRatio,
    });
  if (r.email)
    out.push({
      aim: `email reminders at least ${AIMS.reminderRatio} of raw nodemailer`,
      measured: f2(r.email.ratio) + rounds(r.email.roundRatios),
      met: r.email.ratio >= AIMS.reminderRatio,
    });
  const q = r.quarterEnd;
  if (q) {
    const full = q.actionReminders >= AIMS.quarterEndReminders;
    out.push({
      aim: `quarter-end lateness p99 under ${AIMS.quarterEndP99Ms / 1000} s, ${AIMS.quarterEndReminders.toLocaleString('en-GB')} due at once`,
      measured: `${(q.lateness.p99Ms / 1000).toFixed(1)} s (${q.actionReminders.toLocaleString('en-GB')} + ${q.digests} digests)`,
      met: full ? q.lateness.p99Ms < AIMS.quarterEndP99Ms : null,
    });
  }
  return out;
}

/** Every aim the run measured. */
export function checkAims(results: BenchResults): AimResult[] {
  return [...results.runs.flatMap(databaseAims), ...reminderAims(results.extras.reminders as RemindersBenchResult | undefined)];
}

/** The aims as a Markdown table with a verdict line, for the terminal and docs/PERFORMANCE.md. */
export function aimsTable(results: BenchResults): string[] {
  const aims = checkAims(results);
  if (!aims.length) return [];
  const checked = aims.filter((a) => a.met !== null);
  const missed = checked.filter((a) => !a.met);
  const verdict = missed.length
    ? `${checked.length - missed.length} of ${checked.length} aims met; missed: ${missed.map((a) => a.aim).join('; ')}.`
    : `All ${checked.length} aims met.`;
  return [
    `Aims (issue 17)${results.quick ? ', for a --quick smoke, whose figures do not test them' : ''}: ${verdict}`,
    '',
    '| aim | measured | met |',
    '|---|---|---|',
    ...aims.map((a) => `| ${a.aim} | ${a.measured} | ${a.met === null ? 'not at this size' : a.met ? 'yes' : '**no**'} |`),
  ];
}
