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

export interface ScratchOptions {
  /** Part of the folder and database names, to tell runs apart. */
  label: string;
  /** A PostgreSQL server's admin URL, where the database is created and dropped. */
  postgresAdminUrl: string;
  /** Where the data folder goes (default: the system's temp folder). */
  parentDir?: string;
}

export async function createScratchDatabase(kind: DbKind, options: ScratchOptions): Promise<ScratchDatabase> {
  const label = options.label.replace(/\W/g, '_');
  const dataDir = fs.mkdtempSync(path.join(options.parentDir ?? os.tmpdir(), `it-${label}-`));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'sqlite') {
    // The API's own file name under DATA_DIR (libs/config/src/app-config.ts).
    const file = path.join(dataDir, 'improvement-tracker.sqlite');
    return { kind, config: { kind, file }, dataDir, env: { DATA_DIR: dataDir }, drop: async () => removeDir() };
  }
  const name = `it_${label}_${randomBytes(4).toString('hex')}`;
  await withAdmin(options.postgresAdminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(options.postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    config: { kind, url: url.toString() },
    dataDir,
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    drop: async () => {
      await withAdmin(options.postgresAdminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      removeDir();
    },
  };
}

async function withAdmin(adminUrl: string, work: (client: Client) => Promise<unknown>) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
