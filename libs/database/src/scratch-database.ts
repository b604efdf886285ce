import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DatabaseConfig } from '@app/config';

export type DbKind = 'sqlite' | 'postgres';

/** A throwaway database for tests and benchmarks, with its own data folder; `drop` removes both. */
export interface ScratchDatabase {
  kind: DbKind;
  config: DatabaseConfig;
  dataDir: string;
  /** The environment that points the API at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A database made once and copied for each new scratch database, instead of each being made empty and
 * migrated (the tests' databases). On PostgreSQL it is a database, `it_template_<key>`, that no one may
 * connect to, copied with CREATE DATABASE ... TEMPLATE; on SQLite a file, `it-template-<key>.sqlite` in
 * the user's own folder under the system's temp folder, copied. Whichever process needs it first makes
 * it (on PostgreSQL under an advisory lock, on SQLite under a temporary name, renamed when whole); the
 * others wait for it or copy it.
 */
export interface ScratchTemplate {
  /** Names the template: a hash of everything that makes what is in it (the migrations). Lower-case letters and digits. */
  key: string;
  /** Makes the empty database given into the template (migrates it), and closes every connection it opened. */
  fill(config: DatabaseConfig): Promise<void>;
}

export interface ScratchOptions {
  /** Part of the folder and database names, to tell runs apart. */
  label: string;
  /** A PostgreSQL server's admin URL, where the database is created and dropped. */
  postgresAdminUrl: string;
  /** Where the data folder goes, made if missing (default: the system's temp folder). */
  parentDir?: string;
  /**
   * Start from a copy of this template rather than empty. A template that keeps vanishing or is in use
   * (three tries) gives an empty database, which opening migrates; one that cannot be made is an error.
   */
  template?: ScratchTemplate;
}

export async function createScratchDatabase(kind: DbKind, options: ScratchOptions): Promise<ScratchDatabase> {
  const label = options.label.replace(/\W/g, '_');
  const parent = options.parentDir ?? os.tmpdir();
  fs.mkdirSync(parent, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(parent, `it-${label}-`));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'sqlite') {
    // The API's own file name under DATA_DIR (libs/config/src/app-config.ts).
    const file = path.join(dataDir, 'improvement-tracker.sqlite');
    if (options.template) await copySqliteTemplate(options.template, file);
    return { kind, config: { kind, file }, dataDir, env: { DATA_DIR: dataDir }, drop: async () => removeDir() };
  }
  const name = `it_${label}_${randomBytes(4).toString('hex')}`;
  const copied = options.template ? await copyPostgresTemplate(options.postgresAdminUrl, options.template, name) : false;
  if (!copied) await withAdmin(options.postgresAdminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(options.postgresAdminUrl, name);
  return {
    kind,
    config: { kind, url },
    dataDir,
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    drop: async () => {
      await withAdmin(options.postgresAdminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      removeDir();
    },
  };
}

/** Templates of other keys (older migration sets) are dropped by the next one made, once they are this old. */
const STALE_AFTER_MS = 60 * 60 * 1000;
/** Tries at copying a template that another process may drop or replace meanwhile, before making the database empty. */
const COPY_TRIES = 3;

/** The templates this process has seen made, by name (under jest, each test file has its own). */
const readyTemplates = new Map<string, Promise<void>>();

function once(name: string, make: () => Promise<void>): Promise<void> {
  let ready = readyTemplates.get(name);
  if (!ready) {
    ready = make();
    readyTemplates.set(name, ready);
    ready.catch(() => readyTemplates.delete(name));
  }
  return ready;
}

async function copyPostgresTemplate(adminUrl: string, template: ScratchTemplate, name: string): Promise<boolean> {
  const templateName = `it_template_${template.key}`;
  for (let i = 0; i < COPY_TRIES; i++) {
    await once(templateName, () => makePostgresTemplate(adminUrl, template, templateName));
    try {
      await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`));
      return true;
    } catch (e) {
      // Dropped meanwhile by a run with other migrations (3D000), or someone is connected to it (55006).
      if (!['3D000', '55006'].includes((e as { code?: string }).code ?? '')) throw e;
      readyTemplates.delete(templateName);
    }
  }
  return false;
}

/** One lock for every process making a template on the server (pg_advisory_lock's key; any fixed number). */
const TEMPLATE_LOCK = 7_314_001;

async function makePostgresTemplate(adminUrl: string, template: ScratchTemplate, templateName: string): Promise<void> {
  await withAdmin(adminUrl, async (c) => {
    const exists = async () => ((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [templateName])).rowCount ?? 0) > 0;
    if (await exists()) return;
    await c.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      if (await exists()) return;
      await dropStalePostgresTemplates(c, templateName);
      // Made under another name and renamed when whole, so a template that exists is always complete.
      const building = `it_tbuild_${template.key}_${randomBytes(4).toString('hex')}`;
      await c.query(`CREATE DATABASE ${building}`);
      try {
        await template.fill({ kind: 'postgres', url: databaseUrl(adminUrl, building) });
        await c.query(`COMMENT ON DATABASE ${building} IS '${new Date().toISOString()}'`);
        // No one may connect to it: CREATE DATABASE ... TEMPLATE refuses to copy a database someone is connected to.
        await c.query(`ALTER DATABASE ${building} WITH ALLOW_CONNECTIONS false`);
        await c.query(`ALTER DATABASE ${building} RENAME TO ${templateName}`);
      } catch (e) {
        await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
        throw e;
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

/**
 * Under the lock: drops what a process that died while making a template left, and the templates of other
 * keys made more than STALE_AFTER_MS ago (the comment holds when). A copy being made from one holds it until done.
 */
async function dropStalePostgresTemplates(c: Client, keep: string): Promise<void> {
  const { rows } = await c.query<{ datname: string; made: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS made FROM pg_database WHERE datname LIKE 'it\\_template\\_%' OR datname LIKE 'it\\_tbuild\\_%'`,
  );
  for (const { datname, made } of rows) {
    if (datname === keep || !/^it_(template|tbuild)_\w+$/.test(datname)) continue;
    if (datname.startsWith('it_tbuild_')) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
    else if (!(Date.now() - Date.parse(made ?? '') < STALE_AFTER_MS)) await c.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
  }
}

async function copySqliteTemplate(template: ScratchTemplate, file: string): Promise<void> {
  const templateFile = path.join(sqliteTemplateDir(), `it-template-${template.key}.sqlite`);
  for (let i = 0; i < COPY_TRIES; i++) {
    await once(templateFile, async () => {
      if (!fs.existsSync(templateFile)) await makeSqliteTemplate(template, templateFile);
    });
    try {
      fs.copyFileSync(templateFile, file);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      readyTemplates.delete(templateFile);
    }
  }
}

/** Made under a name of its own and renamed when whole, so that no one copies half a file; the last of several renames wins. */
async function makeSqliteTemplate(template: ScratchTemplate, templateFile: string): Promise<void> {
  dropStaleSqliteTemplates(templateFile);
  const building = `${templateFile}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await template.fill({ kind: 'sqlite', file: building });
    // One self-contained file: everything written back from the write-ahead log, which is then removed.
    const db = new Database(building);
    db.pragma('journal_mode = DELETE');
    db.close();
    fs.renameSync(building, templateFile);
  } finally {
    for (const leftover of [building, `${building}-wal`, `${building}-shm`]) fs.rmSync(leftover, { force: true });
  }
}

/**
 * The user's own folder for SQLite templates, which only they may write: a template is copied into every
 * test database, so on a shared machine another user must not be able to put one there first.
 */
function sqliteTemplateDir(): string {
  const uid = process.getuid?.() ?? 0;
  const dir = path.join(os.tmpdir(), `it-templates-${uid}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.statSync(dir);
  if (stat.uid !== uid || (stat.mode & 0o022) !== 0) throw new Error(`${dir} must belong to this user and be writable by no one else`);
  return dir;
}

/** Other keys' template files, and the half-made files of processes that died, once older than STALE_AFTER_MS. */
function dropStaleSqliteTemplates(keep: string): void {
  const dir = path.dirname(keep);
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (file === keep || !/^it-template-\w+\.sqlite($|\.)/.test(name)) continue;
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > STALE_AFTER_MS) fs.rmSync(file, { force: true });
    } catch {
      // Gone meanwhile.
    }
  }
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
