import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../../../libs/config/src';
import { AppError } from '../../../libs/core/src';
import { DomainError } from '../../../libs/domain/src';
import { CliError } from './cli-error';
import { accountCommands } from './commands/accounts.command';
import { databaseCommands } from './commands/database.command';
import { demoCommands } from './commands/demo.command';
import { importCommands } from './commands/import-report.command';

const program = new Command('improvement-tracker')
  .description('Improvement Tracker command line: set up authorities and users, seed the demo, import reports')
  .exitOverride()
  .showHelpAfterError();

for (const register of [accountCommands, databaseCommands, demoCommands, importCommands]) register(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const known = error instanceof CliError || error instanceof ConfigError || error instanceof AppError || error instanceof DomainError || hasCode(error);
  console.error(known ? `Error: ${(error as Error).message}` : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof CliError ? error.exitCode : known ? 1 : 70);
});

function hasCode(error: unknown): boolean {
  return error instanceof Error && error.name === 'ImportError';
}
