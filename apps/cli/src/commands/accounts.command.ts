import { Command } from 'commander';
import { loadConfig } from '@app/config';
import { AccountPasswordService, AuthorityService, UserService } from '@app/core';
import { ROLES, Role } from '@app/core/request-context';
import { withAppContext } from '../app-context';
import { CliError } from '../cli-error';
import { resolveAuthority } from './resolve';

export function accountCommands(program: Command) {
  program
    .command('authorities:create')
    .description('Create an authority (a council): the tenant that owns boards, plans and people')
    .argument('<name>', 'the council\'s name, e.g. "Northshire County Council"')
    .option('--slug <slug>', 'short name used in commands (default: from the name)')
    .action(async (name: string, opts: { slug?: string }) => {
      const authority = await withAppContext(loadConfig(), (app) => app.get(AuthorityService).create(name, opts.slug));
      console.log(JSON.stringify(authority, null, 2));
    });

  program
    .command('users:create')
    .description(
      'Add a person to an authority with roles; the password is read from IT_PASSWORD. An existing account (same email) joins the authority directly and keeps its password',
    )
    .requiredOption('--authority <id-or-slug>', 'the authority')
    .requiredOption('--email <email>', 'their email address (their sign-in name)')
    .requiredOption('--name <name>', 'their name as colleagues know it')
    .requiredOption('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`)
    .option('--manager <email>', 'their line manager (for escalations), already a user')
    .action(async (opts: { authority: string; email: string; name: string; roles: string; manager?: string }) => {
      const roles = opts.roles.split(',').map((r) => r.trim());
      const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (unknown.length) throw new CliError(`Unknown role(s): ${unknown.join(', ')}. Use: ${ROLES.join(', ')}`);
      const password = process.env.IT_PASSWORD;
      if (!password)
        throw new CliError(
          "Set the new user's password in the IT_PASSWORD environment variable (it is never taken from the command line, which others can see)",
        );
      const person = await withAppContext(loadConfig(), async (app) => {
        const authority = await resolveAuthority(app, opts.authority);
        const users = app.get(UserService);
        const managerId = opts.manager ? (await users.list(authority.id)).find((u) => u.email === opts.manager!.toLowerCase())?.id : null;
        if (opts.manager && !managerId) throw new CliError(`No user ${opts.manager} in ${authority.name}: create the manager first`);
        return users.create(authority.id, { email: opts.email, displayName: opts.name, password, roles: roles as Role[], managerId });
      });
      console.log(JSON.stringify(person, null, 2));
    });

  program
    .command('users:set-password')
    .description("Reset an account's password (read from IT_PASSWORD) and end its sessions, API tokens and calendar feeds in every authority")
    .requiredOption('--email <email>', "the account's email address")
    .action(async (opts: { email: string }) => {
      const password = process.env.IT_PASSWORD;
      if (!password)
        throw new CliError('Set the new password in the IT_PASSWORD environment variable (it is never taken from the command line, which others can see)');
      const account = await withAppContext(loadConfig(), (app) => app.get(AccountPasswordService).setPasswordAsOperator(opts.email, password));
      console.log(JSON.stringify({ ...account, passwordReset: true, sessionsEnded: true }, null, 2));
    });
}
