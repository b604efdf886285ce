import { Command } from 'commander';
import * as fs from 'node:fs';
import { loadConfig } from '@app/config';
import { ReportImportService } from '@app/core/imports/report-import.service';
import { readReport, toImportJson } from '@app/importer';
import { withAppContext } from '../app-context';
import { CliError } from '../cli-error';
import { cliActor } from './cli-actor';
import { resolveAuthority } from './resolve';

interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
  authority?: string;
  plan?: boolean;
  board?: string;
  title?: string;
}

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
    .action(async (file: string, opts: ImportOptions) => {
      const bytes = readFile(file);
      const config = loadConfig();
      if (opts.dryRun) {
        const report = await readReport(bytes, config.reportMaxBytes);
        print(opts.json, toImportJson(report), () => summary(report.kind, report.published, report.findings.length, report.judgements.length));
        return;
      }
      if (!opts.authority) throw new CliError('Say which authority stores the report with --authority <id-or-slug>, or use --dry-run to only read it');
      const result = await withAppContext(config, async (app) => {
        const authority = await resolveAuthority(app, opts.authority!);
        return app
          .get(ReportImportService)
          .import(cliActor(authority.id), bytes, { title: opts.title, createPlan: opts.plan ? { boardId: opts.board } : undefined });
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

const summary = (kind: string, published: string | null, findings: number, judgements: number) =>
  `${kind}, published ${published ?? 'unknown'}: ${findings} findings, ${judgements} judgements. Add --json to see them.`;
