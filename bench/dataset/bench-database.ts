import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DatabaseConfig } from '../../libs/config/src';

export type DbKind = 'sqlite' | 'postgres';

export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database for one bench run, laid out as the API expects (DATA_DIR or DATABASE_URL). */
export interface BenchDatabase {
  kind: DbKind;
  config: DatabaseConfig;
  dataDir: string;
  /** The environment that points the API at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createBenchDatabase(kind: DbKind, label: string): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(process.env.BENCH_DATA_DIR ?? os.tmpdir(), `it-bench-${label}-`));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'sqlite') {
    // The API's own file name under DATA_DIR (libs/config/src/app-config.ts).
    const file = path.join(dataDir, 'improvement-tracker.sqlite');
    return { kind, config: { kind, file }, dataDir, env: { DATA_DIR: dataDir }, drop: async () => removeDir() };
  }
  const name = `it_bench_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind, config: { kind, url: url.toString() }, dataDir, env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    drop: async () => {
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      removeDir();
    },
  };
}

async function withAdmin(work: (client: Client) => Promise<unknown>) {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
