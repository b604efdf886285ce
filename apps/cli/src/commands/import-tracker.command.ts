import { INestApplicationContext } from '@nestjs/common';
import { Command } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '@app/config';
import { Actor, UserService } from '@app/core';
import { TrackerImportService } from '@app/core/imports/tracker-import.service';
import { trackerRefs } from '@app/core/imports/tracker-refs';
import { readTracker, toTrackerJson, TrackerError } from '@app/importer/tracker';
import { withAppContext } from '../app-context';
import { CliError } from '../cli-error';
import { progressLine } from '../progress';
import { resolveAuthority } from './resolve';

interface TrackerOptions {
  dryRun?: boolean;
  json?: boolean;
  authority?: string;
  plan?: string;
  board?: string;
  title?: string;
  as?: string;
  progress?: boolean;
}

export function importTrackerCommands(program: Command) {
  program
    .command('import-tracker')
    .description("Bring in a council's existing action tracker (.xlsx or .csv): its rows, owners, dates, statuses, RAG and updates")
    .argument('<file>', 'the tracker, as an Excel workbook (.xlsx) or CSV')
    .option('--dry-run', 'only read it and print what was found; store nothing')
    .option('--json', 'print one JSON document on standard output')
    .option('--authority <id-or-slug>', 'store it in this authority (with --dry-run: match owners to its people)')
    .option('--plan <id>', 'add the rows to this plan (default: a new draft plan)')
    .option('--board <id>', "the new plan's board (default: the authority's first board)")
    .option('--title <title>', "the new plan's title (default: the tracker's title rows)")
    .option('--progress', 'show the rows stored on standard error even when it is not a terminal')
    .option('--as <email>', "who brings it in: the progress notes are in their name (default: the authority's first admin)")
    .action(async (file: string, opts: TrackerOptions) => {
      const bytes = readFile(file);
      const config = loadConfig();
      if (opts.dryRun && !opts.authority) {
        const read = await readTracker(bytes, { maxBytes: config.reportMaxBytes }).catch(rethrow);
        // As for a new plan: the refs its actions would be given, and why a row's own could not be kept.
        const { refs, problems } = trackerRefs(read.rows, read.mapping.ref !== undefined);
        const json = toTrackerJson(read, [], problems, refs);
        print(opts.json, json, () => summary(json.rows.length, json.problems.length) + '\n' + problemLines(json.problems));
        return;
      }
      if (!opts.authority) throw new CliError('Say which authority stores the tracker with --authority <id-or-slug>, or use --dry-run to only read it');
      const result = await withAppContext(config, async (app) => {
        const actor = await importer(app, opts);
        const service = app.get(TrackerImportService);
        if (opts.dryRun) return { preview: await service.preview(actor, bytes, { planId: opts.plan }), stored: null };
        const stored = await service.import(actor, bytes, {
          planId: opts.plan,
          boardId: opts.board,
          title: opts.title,
          fileName: path.basename(file),
          onProgress: progressLine((stored, total) => `Stored ${stored} of ${total} rows`, { forced: opts.progress }),
        });
        return { preview: stored.preview, stored };
      });
      const json = result.preview.json;
      if (!result.stored) {
        print(opts.json, json, () => summary(json.rows.length, json.problems.length) + '\n' + problemLines(json.problems));
        return;
      }
      const { plan, actionsAdded, unassigned } = result.stored;
      const out = { plan: { id: plan.id, title: plan.title, status: plan.status }, actions: actionsAdded, unassigned, problems: json.problems };
      print(
        opts.json,
        out,
        () =>
          `Added ${actionsAdded} actions to ${plan.status} plan ${plan.id} ("${plan.title}"); ${unassigned} without an owner.\n${problemLines(json.problems)}`,
      );
    });
}

/** The person bringing the tracker in: named with --as, else the authority's first admin. */
async function importer(app: INestApplicationContext, opts: TrackerOptions): Promise<Actor> {
  const authority = await resolveAuthority(app, opts.authority!);
  const people = await app.get(UserService).list(authority.id);
  const person = opts.as ? people.find((p) => p.email.toLowerCase() === opts.as!.toLowerCase()) : people.find((p) => p.active && p.roles.includes('admin'));
  if (!person)
    throw new CliError(
      opts.as
        ? `No one with the email ${opts.as} in ${authority.slug}: name a person of this authority with --as`
        : `${authority.slug} has no admin: name the person bringing the tracker in with --as <email>`,
    );
  return { userId: person.id, authorityId: authority.id, roles: person.roles };
}

function rethrow(error: unknown): never {
  if (error instanceof TrackerError) throw new CliError(error.message);
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
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text().trimEnd()}\n`);
}

const summary = (rows: number, problems: number) => `${rows} rows, ${problems} problems. Add --json to see them.`;

const problemLines = (problems: { message: string }[]) => problems.map((p) => `  ${p.message}`).join('\n');
