import 'reflect-metadata';
import { CommanderError } from 'commander';
import { ConfigError } from '@app/config';
import { AppError } from '@app/core';
import { DomainError } from '@app/domain';
import { ImportError } from '@app/importer';
import { CliError } from './cli-error';
import { buildProgram } from './program';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    const known =
      error instanceof CliError || error instanceof ConfigError || error instanceof AppError || error instanceof DomainError || error instanceof ImportError;
    console.error(known ? `Error: ${(error as Error).message}` : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof CliError ? error.exitCode : known ? 1 : 70);
  });
