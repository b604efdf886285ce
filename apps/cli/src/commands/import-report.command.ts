import { Command } from 'commander';
import * as fs from 'node:fs';
import { loadConfig } from '@app/config';
import { ReportImportService } from '@app/core/imports/report-import.service';
import { AppError } from '@app/core';
import { extractText, ParsedReport, readDryRun, toDryRunJson } from '@app/importer';
import { withAppContext } from '../app-context';
import { CliError } from '../cli-error';
import { progressLine } from '../progress';
import { cliActor } from './cli-actor';
import { resolveAuthority } from './resolve';

interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
  authority?: string;
  plan?: boolean;
  board?: string;
  title?: string;
  startDate?: string;
  progress?: boolean;
}

/** The exit code for a command that needs more from the person running it (as for a usage error). */
const NEEDS_MORE = 2;

export function importCommands(program: Command) {
  program
    .command('import-report')
    .description('Read an inspection report (text or PDF): its findings, timescales and judgements')
    .argument('<file>', 'the report, as a .txt extracted from the PDF or the PDF itself')
    .option('--dry-run', 'only read it and print what was found; store nothing')
    .option('--json', 'print one JSON document on standard output')
    .option('--authority <id-or-slug>', 'store the document and its findings in this authority')
    .option('--plan', 'also create a draft plan with one action per finding')
    .option('--board <id>', "the board the plan belongs to (default: the authority's first board)")
    .option('--title <title>', 'a title for the document')
    .option('--start-date <YYYY-MM-DD>', "the plan's start date, from which due dates count (default: the report's publication date)")
    .option('--progress', 'show the pages read on standard error even when it is not a terminal')
    .action(async (file: string, opts: ImportOptions) => {
      if (opts.startDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.startDate))
        throw new CliError(`--start-date ${opts.startDate} is not a date: write it like 2025-04-01`, NEEDS_MORE);
      if (opts.startDate && !opts.plan) throw new CliError('--start-date is the start of a plan: add --plan', NEEDS_MORE);
      const bytes = readFile(file);
      const config = loadConfig();
      const onProgress = progressLine((pages, total) => `Read ${pages} of ${total} pages`, { forced: opts.progress });
      if (opts.dryRun) {
        const text = await extractText(bytes, config.reportMaxBytes, onProgress);
        const read = readDryRun(text);
        const { report, measures } = read;
        print(opts.json, toDryRunJson(read), () => summary(report, report.findings.length, report.judgements.length, measures.length));
        return;
      }
      if (!opts.authority) throw new CliError('Say which authority stores the report with --authority <id-or-slug>, or use --dry-run to only read it');
      const result = await withAppContext(config, async (app) => {
        const authority = await resolveAuthority(app, opts.authority!);
        return app
          .get(ReportImportService)
          .import(cliActor(authority.id), bytes, {
            title: opts.title,
            onProgress,
            createPlan: opts.plan ? { boardId: opts.board, startDate: opts.startDate } : undefined,
          })
          .catch(askForStartDate);
      });
      const out = {
        documentId: result.document.id,
        created: result.created,
        findings: result.document.findings.length,
        plan: result.plan && { id: result.plan.id, status: result.plan.status, actions: result.plan.actionsAdded },
      };
      print(
        opts.json,
        out,
        () =>
          `${result.created ? 'Stored' : 'Already stored'} document ${result.document.id} with ${out.findings} findings${out.plan ? `; draft plan ${out.plan.id} with ${out.plan.actions} actions` : ''}.`,
      );
    });
}

/** A report with no publication date: the plan's start is asked for, never guessed. */
function askForStartDate(error: unknown): never {
  if (error instanceof AppError && error.code === 'start_date_required') throw new CliError(`${error.message} Add --start-date YYYY-MM-DD.`, NEEDS_MORE);
  throw error;
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

function print(json: boolean | undefined, value: unknown, text: () => string) {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

function summary({ kind, published, inspectionDates }: ParsedReport, findings: number, judgements: number, figures: number): string {
  const dated = published
    ? `published ${published}`
    : `no publication date${inspectionDates.start ? ` (inspected ${inspectionDates.start} to ${inspectionDates.end ?? inspectionDates.start})` : ''}, so a plan needs --start-date`;
  return `${kind}, ${dated}: ${findings} findings, ${judgements} judgements, ${figures} performance figures. Add --json to see them.`;
}
