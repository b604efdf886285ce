import { createScratchDatabase, DbKind, ScratchDatabase } from '@app/database/scratch-database';

export type { DbKind };
export type BenchDatabase = ScratchDatabase;

export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database for one bench run, laid out as the API expects (DATA_DIR or DATABASE_URL). */
export function createBenchDatabase(kind: DbKind, label: string): Promise<BenchDatabase> {
  return createScratchDatabase(kind, { label: `bench_${label}`, postgresAdminUrl: POSTGRES_ADMIN_URL, parentDir: process.env.BENCH_DATA_DIR });
}
