import { Command } from 'commander';
import { loadConfig } from '@app/config';
import { AuthorityService } from '@app/core';
import { withAppContext } from '../app-context';
import { CliError } from '../cli-error';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo-seed';

export function demoCommands(program: Command) {
  program
    .command('demo:seed')
    .description('Create the demo authority: people, a board, and an active plan read from a real inspection report')
    .option('--if-empty', 'do nothing if the database already has an authority (used by the quick start)')
    .action(async (opts: { ifEmpty?: boolean }) => {
      const config = loadConfig();
      if (config.env === 'production') throw new CliError('The demo is never seeded in production (NODE_ENV=production)');
      const result = await withAppContext(config, async (app) => {
        if ((await app.get(AuthorityService).list()).length > 0) {
          if (opts.ifEmpty) return null;
          if (await app.get(AuthorityService).findBySlugOrId('demo')) throw new CliError('The demo authority already exists');
        }
        return seedDemo(app);
      });
      if (!result) return;
      console.log(`Seeded the demo authority "${result.authority.name}". Sign in as any of these, password "${DEMO_PASSWORD}":`);
      for (const p of result.people) console.log(`  ${p.email.padEnd(28)} ${p.roles.join(', ')}`);
    });
}
