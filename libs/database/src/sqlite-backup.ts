import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The table inside a backup file that carries the evidence files beside the database. */
const FILES_TABLE = '_backup_file';

export interface BackupSummary {
  bytes: number;
  files: number;
}

/**
 * One file that holds everything: an online, consistent copy of the SQLite database (SQLite's backup
 * API, so the API and worker may keep running), with every evidence file stored inside it. The
 * database is copied first, so every file it names was written before the copy began.
 */
export async function backupSqlite(databaseFile: string, evidenceDir: string, target: string): Promise<BackupSummary> {
  if (fs.existsSync(target)) throw new Error(`${target} already exists: give a new file name`);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const live = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    await live.backup(partial);
  } finally {
    live.close();
  }
  const copy = new Database(partial);
  let files = 0;
  try {
    copy.exec(`CREATE TABLE "${FILES_TABLE}" ("path" text PRIMARY KEY NOT NULL, "bytes" blob NOT NULL)`);
    const insert = copy.prepare(`INSERT INTO "${FILES_TABLE}" ("path", "bytes") VALUES (?, ?)`);
    for (const relative of filesUnder(evidenceDir)) {
      insert.run(relative, fs.readFileSync(path.join(evidenceDir, relative)));
      files++;
    }
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  fs.renameSync(partial, target);
  return { bytes: fs.statSync(target).size, files };
}

/**
 * Puts a backup in place of the current database and evidence. The backup is checked first (a
 * tracker backup, intact); the database file is swapped in by a rename, so a failure part-way
 * leaves the current one. Stop the API and worker first.
 */
export function restoreSqlite(source: string, databaseFile: string, evidenceDir: string): BackupSummary {
  const staged = `${databaseFile}.restoring`;
  fs.copyFileSync(source, staged);
  let files = 0;
  try {
    const db = new Database(staged, { fileMustExist: true });
    try {
      checkBackup(db, source);
      const stagedEvidence = `${evidenceDir}.restoring`;
      fs.rmSync(stagedEvidence, { recursive: true, force: true });
      for (const row of db.prepare(`SELECT "path", "bytes" FROM "${FILES_TABLE}"`).iterate() as Iterable<{ path: string; bytes: Buffer }>) {
        const target = path.join(stagedEvidence, row.path);
        if (!target.startsWith(stagedEvidence + path.sep)) throw new Error(`${source} names a file outside the evidence folder: ${row.path}`);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, row.bytes);
        files++;
      }
      db.exec(`DROP TABLE "${FILES_TABLE}"`);
      db.exec('VACUUM');
      fs.rmSync(evidenceDir, { recursive: true, force: true });
      fs.mkdirSync(stagedEvidence, { recursive: true });
      fs.renameSync(stagedEvidence, evidenceDir);
    } finally {
      db.close();
    }
    for (const suffix of ['-wal', '-shm']) fs.rmSync(databaseFile + suffix, { force: true });
    fs.renameSync(staged, databaseFile);
  } catch (error) {
    fs.rmSync(staged, { force: true });
    throw error;
  }
  return { bytes: fs.statSync(databaseFile).size, files };
}

function checkBackup(db: Database.Database, source: string): void {
  const tables = new Set((db.prepare(`SELECT "name" FROM "sqlite_master" WHERE "type" = 'table'`).all() as { name: string }[]).map((t) => t.name));
  if (!tables.has(FILES_TABLE) || !tables.has('migrations')) throw new Error(`${source} is not a backup made by this tracker's backup command`);
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') throw new Error(`${source} is damaged (SQLite's integrity check says: ${String(integrity)})`);
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}
