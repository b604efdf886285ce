import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { useTestDatabase } from '@app/testing/use-test-database';
import { BackgroundCheckpoints, CheckpointResult, COMMIT_CHECKPOINT_PAGES } from './sqlite-checkpoints';

/** SQLite's default page size, which the app keeps. */
const PAGE = 4096;
const autocheckpoint = (db: { pragma(sql: string, options: { simple: true }): unknown }) => db.pragma('wal_autocheckpoint', { simple: true });

/** Writes about `pages` pages of the log, under the commit-time threshold, so only the thread copies them. */
function fillLog(db: Database.Database, pages: number) {
  db.exec('CREATE TABLE IF NOT EXISTS "filler" ("id" INTEGER PRIMARY KEY, "body" TEXT)');
  const insert = db.prepare('INSERT INTO "filler" ("body") VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < pages; i++) insert.run('x'.repeat(3500));
  })();
}

function until<T>(found: () => T | undefined, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const look = () => {
      const value = found();
      if (value !== undefined) return resolve(value);
      if (Date.now() > deadline) return reject(new Error(`Timed out waiting for ${what}`));
      setTimeout(look, 20);
    };
    look();
  });
}

describe('SQLite checkpoints on a thread of their own', () => {
  let dir: string;
  let db: Database.Database;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'it-checkpoints-'));
    file = path.join(dir, 'db.sqlite');
    db = new Database(file);
    db.pragma('journal_mode = WAL');
  });

  afterEach(() => {
    if (db.open) db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leave the log to the thread, which copies it into the database', async () => {
    // A thread that has not ticked yet: only a commit could copy the log now, and at the safety net none does.
    const idle = new BackgroundCheckpoints(db, file, { everyMs: 3_600_000 });
    expect(autocheckpoint(db)).toBe(COMMIT_CHECKPOINT_PAGES);
    fillLog(db, 1500);
    // Past SQLite's own threshold of 1,000 pages, whose commit would have copied them into the file.
    expect(fs.statSync(file).size).toBeLessThan(1000 * PAGE);
    await idle.close();

    const results: CheckpointResult[] = [];
    const checkpoints = new BackgroundCheckpoints(db, file, { everyMs: 20, onCheckpoint: (r) => results.push(r) });
    try {
      const copied = await until(() => results.find((r) => r.log > 1000 && r.checkpointed === r.log), 'a checkpoint of the whole log');
      expect(copied.busy).toBe(0);
      expect(fs.statSync(file).size).toBeGreaterThan(1500 * PAGE);
    } finally {
      await checkpoints.close();
    }
  });

  it('stop when closed, closing their connection', async () => {
    const results: CheckpointResult[] = [];
    const checkpoints = new BackgroundCheckpoints(db, file, { everyMs: 20, onCheckpoint: (r) => results.push(r) });
    await until(() => (results.length ? true : undefined), 'the first checkpoint');
    await checkpoints.close();
    const seen = results.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(results.length).toBe(seen);
    fillLog(db, 10);
    expect(db.prepare('SELECT COUNT(*) AS n FROM "filler"').get()).toEqual({ n: 10 });
    // SQLite removes the log when the last connection to the file closes: the thread's has gone already.
    db.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('keep the process alive while they close, so that what awaits the close goes on', async () => {
    // A CLI command closes its database last: were the thread not held, the process would exit first.
    const checkpoints = new BackgroundCheckpoints(db, file);
    const held = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
    const before = held();
    const closed = checkpoints.close();
    expect(held()).toBe(before + 1);
    await closed;
    expect(held()).toBe(before);
  });

  it("hand checkpoints back to the commits (SQLite's default) if the thread fails", async () => {
    const checkpoints = new BackgroundCheckpoints(db, path.join(dir, 'missing.sqlite'), { everyMs: 20 });
    expect(autocheckpoint(db)).toBe(COMMIT_CHECKPOINT_PAGES);
    await until(() => (autocheckpoint(db) === 1000 ? true : undefined), 'the fall-back to 1,000 pages');
    await checkpoints.close();
  });
});

describe('a SQLite data source the app opens', () => {
  const database = useTestDatabase('sqlite');

  it('has its log copied by the thread, while its commits wait for the safety net', async () => {
    const [row] = await database.ds.query('PRAGMA wal_autocheckpoint');
    expect(Object.values(row)).toEqual([COMMIT_CHECKPOINT_PAGES]);
    const file = (database.db.config as { file: string }).file;
    const before = fs.statSync(file).size;
    await database.ds.query('CREATE TABLE "filler" ("id" INTEGER PRIMARY KEY, "body" BLOB)');
    await database.ds.query(
      'INSERT INTO "filler" ("body") WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) SELECT randomblob(3500) FROM n',
    );
    // Under the safety net no commit copies the log, so only the thread, within its second, can grow the file.
    await until(() => (fs.statSync(file).size > before + 1000 * PAGE ? true : undefined), 'the thread to copy the log');
  });
});
