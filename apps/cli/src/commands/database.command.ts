import { Command } from 'commander';
import { loadConfig } from '@app/config';
import { AuthorityService } from '@app/core';
import { withAppContext } from '../app-context';

export function databaseCommands(program: Command) {
  program
    .command('migrate')
    .description('Bring the database schema up to date (the API and worker also do this when they start)')
    .action(async () => {
      const config = loadConfig();
      await withAppContext(config, async () => undefined);
      console.log(`Database is up to date (${config.database.kind}).`);
    });

  program
    .command('authorities:list')
    .description('List the authorities')
    .action(async () => {
      const authorities = await withAppContext(loadConfig(), (app) => app.get(AuthorityService).list());
      for (const a of authorities) console.log(`${a.slug}\t${a.id}\t${a.name}`);
    });
}
