import * as fs from 'node:fs';
import * as path from 'node:path';
import { untilQuiet } from './quiet';

/**
 * Benches other parts of the project contribute: bench/import-parse.bench.ts (runImportBench) and
 * bench/reminders.bench.ts (runRemindersBench({ actions })). Each runs if its file exists.
 */
const EXTRAS: { key: string; file: string; run: (m: Record<string, unknown>, actions: number, quick: boolean) => Promise<unknown> | undefined }[] = [
  { key: 'import', file: 'import-parse.bench.js', run: (m) => call(m.runImportBench) },
  { key: 'reminders', file: 'reminders.bench.js', run: (m, actions, quick) => call(m.runRemindersBench, { actions, quick }) },
];

const call = (fn: unknown, ...args: unknown[]) => (typeof fn === 'function' ? (fn as (...a: unknown[]) => Promise<unknown>)(...args) : undefined);

export async function runExtras(actions: number, quick: boolean, log: (line: string) => void): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const extra of EXTRAS) {
    const file = path.join(__dirname, '..', extra.file);
    if (!fs.existsSync(file)) {
      log(`  ${extra.key}: skipped (no bench/${extra.file.replace(/\.js$/, '.ts')} yet)`);
      continue;
    }
    try {
      const quiet = await untilQuiet();
      log(
        `  ${extra.key}: the machine ${quiet.busy === null ? 'not checked' : `${Math.round(quiet.busy * 100)} % busy`} after ${quiet.waitedSeconds.toFixed(0)} s`,
      );
      const started = Date.now();
      results[extra.key] = await extra.run(require(file) as Record<string, unknown>, actions, quick);
      log(`  ${extra.key}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      results[extra.key] = { error: String((error as Error)?.message ?? error) };
      log(`  ${extra.key}: failed: ${(error as Error)?.message ?? error}`);
    }
  }
  return results;
}
