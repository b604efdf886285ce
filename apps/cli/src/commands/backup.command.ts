import { Command } from 'commander';
import * as path from 'node:path';
import { AppConfig, loadConfig } from '@app/config';
import { backupSqlite, restoreSqlite } from '@app/database/sqlite-backup';
import { withAppContext } from '../app-context';
import { CliError } from '../cli-error';

const ON_POSTGRES =
  'On PostgreSQL, back up with pg_dump and copy the evidence folder: see "Backups" in the README ' +
  '(pg_dump --format=custom "$DATABASE_URL" > tracker.dump; tar -C "$DATA_DIR" -cf evidence.tar evidence)';

export function backupCommands(program: Command) {
  program
    .command('backup <file>')
    .description('Copy the SQLite database and every evidence file into one new file, while the app runs')
    .action(async (file: string) => {
      const config = sqliteOnly(loadConfig());
      const summary = await failClearly(() => backupSqlite(config.database.file, evidenceDir(config), path.resolve(file)));
      console.log(`Backed up to ${path.resolve(file)}: ${megabytes(summary.bytes)} with ${summary.files} evidence files.`);
    });

  program
    .command('restore <file>')
    .description('Replace the SQLite database and evidence with a backup (stop the API and worker first)')
    .action(async (file: string) => {
      const config = sqliteOnly(loadConfig());
      const summary = await failClearly(async () => restoreSqlite(path.resolve(file), config.database.file, evidenceDir(config)));
      // A backup from an older release is brought up to this one's schema.
      await withAppContext(config, async () => undefined);
      console.log(`Restored ${path.resolve(file)}: ${megabytes(summary.bytes)} with ${summary.files} evidence files. Start the API and worker again.`);
    });
}

function sqliteOnly(config: AppConfig): AppConfig & { database: { kind: 'sqlite'; file: string } } {
  if (config.database.kind !== 'sqlite') throw new CliError(ON_POSTGRES, 2);
  return config as AppConfig & { database: { kind: 'sqlite'; file: string } };
}

const evidenceDir = (config: AppConfig) => path.join(config.dataDir, 'evidence');
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function failClearly<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}
