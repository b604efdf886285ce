import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createScratchDatabase, DbKind } from '@app/database/scratch-database';

/**
 * How long a council's tracker of N rows takes to come in through the CLI, on each database:
 * `import-tracker --dry-run` (start-up and reading) and `import-tracker` (start-up, reading and storing),
 * each timed from outside as a person would, the best of three. Run after `npm run build`:
 *   node dist/bench/tracker-import.bench.js [rows=3000] [sqlite,postgres]
 */
const CLI = path.resolve(__dirname, '../apps/cli/src/main.js');
const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = 3;

async function main() {
  const rows = Number(process.argv[2] ?? 3000);
  const kinds = (process.argv[3] ?? 'sqlite,postgres').split(',') as DbKind[];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-bench-'));
  const file = path.join(dir, `tracker-${rows}.xlsx`);
  fs.writeFileSync(file, await workbook(rows));
  console.log(`A tracker of ${rows} rows (${Math.round(fs.statSync(file).size / 1024)} KB .xlsx); best of ${RUNS} runs, wall-clock seconds`);
  for (const kind of kinds) {
    const db = await createScratchDatabase(kind, { label: 'tracker-bench', postgresAdminUrl: POSTGRES_ADMIN_URL });
    try {
      const env = { ...process.env, ...db.env, QUEUE_PREFIX: `tracker-bench-${kind}` };
      cli(env, ['demo:seed']);
      const read = best(() => cli(env, ['import-tracker', file, '--dry-run', '--json', '--authority', 'demo']));
      const stored = best(() => cli(env, ['import-tracker', file, '--json', '--authority', 'demo']));
      console.log(`${kind}: read ${read.toFixed(2)} s, read and stored ${stored.toFixed(2)} s (storing about ${(stored - read).toFixed(2)} s)`);
    } finally {
      await db.drop();
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

function cli(env: NodeJS.ProcessEnv, args: string[]): void {
  execFileSync(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

function best(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return Math.min(...times);
}

/** A tracker as councils keep them: a title row, then a header, then one row per action. */
async function workbook(rows: number): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Action plan');
  sheet.addRow(['Service improvement plan: tracker']);
  sheet.addRow(['Ref', 'Area for improvement', 'Action to be taken', 'Lead officer', 'Target date', 'RAG', 'Progress update', 'Status']);
  for (let i = 1; i <= rows; i++) {
    sheet.addRow([
      `${Math.ceil(i / 10)}.${((i - 1) % 10) + 1}`,
      `Recommendation ${Math.ceil(i / 10)}: supervision is regular and recorded`,
      `Team ${i} records each supervision on the child's file within five working days`,
      i % 3 ? 'Team manager' : 'Head of Service',
      '31/03/2027',
      ['G', 'Amber', 'R'][i % 3],
      `Audit of team ${i}'s files done; next audit in the spring`,
      ['On track', 'Complete', 'Delayed', 'Not started'][i % 4],
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
