import { Command } from 'commander';
import { accountCommands } from './commands/accounts.command';
import { backupCommands } from './commands/backup.command';
import { databaseCommands } from './commands/database.command';
import { demoCommands } from './commands/demo.command';
import { importCommands } from './commands/import-report.command';
import { importTrackerCommands } from './commands/import-tracker.command';
import { reminderCommands } from './commands/reminders.command';

export function buildProgram(): Command {
  const program = new Command('improvement-tracker')
    .description('Improvement Tracker command line: set up authorities and users, seed the demo, import reports')
    .exitOverride()
    .showHelpAfterError();
  for (const register of [accountCommands, backupCommands, databaseCommands, demoCommands, importCommands, importTrackerCommands, reminderCommands])
    register(program);
  return program;
}
