import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/run-cli';
import { CliError } from '../../apps/cli/src/cli-error';
import { createTestDatabase, DB_KINDS, TestDatabase } from '@app/testing';
import { improvementBoardWorkbook, windowsCsv } from './council-trackers';

describe.each(DB_KINDS)('import-tracker on the command line (%s)', (kind) => {
  let db: TestDatabase;
  const saved = { ...process.env };
  let xlsx: string, csv: string, locked: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind, { empty: true });
    process.env.DATA_DIR = db.dataDir;
    if (db.config.kind === 'postgres') process.env.DATABASE_URL = db.config.url;
    else delete process.env.DATABASE_URL;
    [xlsx, csv, locked] = ['plan.xlsx', 'plan.csv', 'locked.xlsx'].map((name) => path.join(db.dataDir, name));
    fs.writeFileSync(xlsx, await improvementBoardWorkbook());
    fs.writeFileSync(csv, windowsCsv());
    fs.writeFileSync(locked, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    await runCli('demo:seed');
  });
  afterAll(async () => {
    process.env = saved;
    await db.drop();
  });

  it('reads a tracker without storing it: columns, rows and problems, in the contract’s shape', async () => {
    const json = JSON.parse(await runCli('import-tracker', xlsx, '--dry-run', '--json'));
    expect(Object.keys(json)).toEqual(['columns', 'rows', 'problems']);
    expect(Object.keys(json.rows[0])).toEqual([
      'line',
      'ref',
      'section',
      'text',
      'owner',
      'ownerId',
      'dueDate',
      'timescale',
      'status',
      'rag',
      'update',
      'actionRef',
    ]);
    expect(json.rows).toHaveLength(5);
    expect(json.rows.map((r: { actionRef: string }) => r.actionRef).sort()).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3']);
    expect(json.problems.map((p: { line: number }) => p.line)).toEqual([9, 10]);
    expect(await runCli('import-tracker', csv, '--dry-run')).toContain('3 rows, 0 problems.');
  });

  it('stores it as a draft plan, then adds another tracker to that plan, listing the owners it could not match', async () => {
    await expect(runCli('import-tracker', xlsx)).rejects.toThrow(/--authority/);
    const first = JSON.parse(await runCli('import-tracker', xlsx, '--authority', 'demo', '--json'));
    expect(first).toMatchObject({ plan: { status: 'draft', title: expect.stringContaining('Improvement Plan 2014-15') }, actions: 5, unassigned: 2 });
    // The demo's Priya Shah (team manager) and Sam Okafor (board member) are matched by name; the email and the job title are not.
    expect(first.problems.filter((p: { message: string }) => /left unassigned/.test(p.message)).map((p: { line: number }) => p.line)).toEqual([7, 9]);
    const second = await runCli('import-tracker', csv, '--authority', 'demo', '--plan', first.plan.id);
    expect(second).toContain(`Added 3 actions to draft plan ${first.plan.id}`);
  });

  it('refuses a password-protected workbook with what to do, and an unknown person', async () => {
    await expect(runCli('import-tracker', locked, '--dry-run')).rejects.toThrow(CliError);
    await expect(runCli('import-tracker', locked, '--dry-run')).rejects.toThrow(/remove the password/);
    await expect(runCli('import-tracker', csv, '--authority', 'demo', '--as', 'nobody@demo.example')).rejects.toThrow(
      /No one with the email nobody@demo.example/,
    );
  });
});
