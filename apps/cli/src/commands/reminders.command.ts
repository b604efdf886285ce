import { Command } from 'commander';
import { loadConfig } from '@app/config';
import { ReminderReconciler, RemindersService } from '@app/reminders';
import { withAppContext } from '../app-context';
import { CliError } from '../cli-error';

export function reminderCommands(program: Command) {
  program
    .command('reminders:run-due')
    .description('Deliver every reminder due up to an instant, then exit (catch-up after an outage; or see the engine work without waiting)')
    .option('--at <instant>', 'an ISO 8601 instant, e.g. 2027-03-01T09:00:00Z (default: now)')
    .action(async (opts: { at?: string }) => {
      const at = opts.at ? new Date(opts.at) : new Date();
      if (Number.isNaN(at.getTime())) throw new CliError(`--at must be an ISO 8601 instant such as 2027-03-01T09:00:00Z, not "${opts.at}"`);
      const summary = await withAppContext(loadConfig(), (app) => app.get(RemindersService).runDue(at));
      console.log(JSON.stringify({ at: at.toISOString(), ...summary }, null, 2));
    });

  program
    .command('reminders:reconcile')
    .description('Queue every reminder that is due or soon due but not queued (after Redis was wiped or down)')
    .action(async () => {
      const result = await withAppContext(loadConfig(), (app) => app.get(ReminderReconciler).reconcile({ requeueAll: true }), { queue: true });
      console.log(JSON.stringify(result, null, 2));
    });
}
