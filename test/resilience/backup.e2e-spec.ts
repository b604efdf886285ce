import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/run-cli';
import { CliError } from '../../apps/cli/src/cli-error';
import { createTestDatabase, TestDatabase } from '../support';

describe('backup and restore on SQLite (one file: the database and every evidence file)', () => {
  let db: TestDatabase;
  const saved = { ...process.env };
  const authorities = () => {
    const sqlite = new Database(path.join(db.dataDir, 'improvement-tracker.sqlite'), { readonly: true });
    try {
      return (sqlite.prepare('SELECT "slug" FROM "authority" ORDER BY "slug"').all() as { slug: string }[]).map((a) => a.slug);
    } finally {
      sqlite.close();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('sqlite', { empty: true });
    process.env.DATA_DIR = db.dataDir;
    delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    process.env = saved;
    await db.drop();
  });

  it('round-trips: what was there at the backup comes back, what came after goes', async () => {
    await runCli('authorities:create', 'Backup Council', '--slug', 'before');
    const evidence = path.join(db.dataDir, 'evidence', 'council-a', 'file-1');
    fs.mkdirSync(path.dirname(evidence), { recursive: true });
    fs.writeFileSync(evidence, Buffer.from([0, 1, 2, 255]));
    const file = path.join(db.dataDir, 'tracker.backup');

    expect(await runCli('backup', file)).toMatch(/Backed up to .*tracker\.backup: .* MB with 1 evidence files\./);
    await runCli('authorities:create', 'Later Council', '--slug', 'after');
    fs.rmSync(evidence);
    fs.writeFileSync(path.join(db.dataDir, 'evidence', 'council-a', 'file-2'), 'later');
    expect(authorities()).toEqual(['after', 'before']);

    expect(await runCli('restore', file)).toMatch(/Restored .* with 1 evidence files/);
    expect(authorities()).toEqual(['before']);
    expect(fs.readFileSync(evidence)).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(fs.readdirSync(path.dirname(evidence))).toEqual(['file-1']);
  });

  it('refuses to overwrite a file, and refuses to restore what is not a backup, changing nothing', async () => {
    const existing = path.join(db.dataDir, 'existing.backup');
    fs.writeFileSync(existing, 'x');
    await expect(runCli('backup', existing)).rejects.toThrow(/already exists/);
    const stranger = path.join(db.dataDir, 'stranger.sqlite');
    const other = new Database(stranger);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const before = authorities();
    await expect(runCli('restore', stranger)).rejects.toThrow(/is not a backup made by this tracker/);
    await expect(runCli('restore', existing)).rejects.toThrow(CliError);
    expect(authorities()).toEqual(before);
  });

  it('on PostgreSQL says how to back up instead, with exit code 2', async () => {
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/none';
    try {
      await expect(runCli('backup', path.join(db.dataDir, 'pg.backup'))).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/pg_dump/) });
    } finally {
      delete process.env.DATABASE_URL;
    }
  });
});
