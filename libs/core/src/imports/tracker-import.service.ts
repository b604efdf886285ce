import { Inject, Injectable } from '@nestjs/common';
import { deriveRag, isTimescale, Rag, trackerRagReason } from '@app/domain';
import { APP_CONFIG, AppConfig } from '@app/config';
import { BoardRepositories } from '@app/database/repositories/board.repository';
import { PeopleRepositories } from '@app/database/repositories/people.repository';
import { Transactions } from '@app/database/transactions';
import { ColumnMapping, readTracker, toTrackerJson, TrackerError, TrackerJson, TrackerProblem, TrackerRead, TrackerRow } from '@app/importer/tracker';
import { AppError, AppErrorKind, badRequest, unprocessable } from '../app-error';
import { NewAction, RecordedState } from '../actions/action-inputs';
import { ActionRepositories } from '../actions/action.repository';
import { ActionService } from '../actions/action.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { PlanService, shortTitle } from '../plans/plan.service';
import { Actor, authorize } from '../request-context';
import { matchOwner } from './tracker-owners';
import { trackerRefs } from './tracker-refs';

/** What the person chose on the mapping step: their own columns and header line, if any. */
export interface TrackerChoice {
  mapping?: ColumnMapping;
  headerLine?: number;
}

export interface TrackerImportOptions extends TrackerChoice {
  /** Add to this plan; otherwise a new draft plan is made. */
  planId?: string;
  boardId?: string;
  title?: string;
  startDate?: string;
  fileName?: string;
  /** Told after each row is stored, for a long import's progress. */
  onProgress?: (stored: number, total: number) => void;
}

interface OwnersMatched {
  read: TrackerRead;
  ownerIds: (string | null)[];
  ownerProblems: TrackerProblem[];
}

export interface TrackerPreview {
  read: TrackerRead;
  ownerIds: (string | null)[];
  /** The ref each row's action is given: the tracker's own, or the plan's next A number (see tracker-refs.ts). */
  refs: string[];
  json: TrackerJson;
}

const ERROR_KIND: Record<TrackerError['code'], AppErrorKind> = {
  empty: 'bad_request',
  too_large: 'payload_too_large',
  not_a_tracker: 'unsupported_media_type',
  password_protected: 'unprocessable',
  empty_sheet: 'unprocessable',
  no_header: 'unprocessable',
  bad_mapping: 'bad_request',
};

/**
 * A council's existing tracker brought in: read and shown (nothing stored), then, once the person
 * confirms the mapping, stored in one transaction as a draft plan's actions (or added to a plan),
 * each with the tracker's status, RAG and due date, and its update as the first progress note.
 */
@Injectable()
export class TrackerImportService {
  constructor(
    private readonly transactions: Transactions,
    private readonly boards: BoardRepositories,
    private readonly people: PeopleRepositories,
    private readonly plans: PlanService,
    private readonly actions: ActionService,
    private readonly actionRepositories: ActionRepositories,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Reads the tracker, matches its owners to this council's people and gives the refs; stores nothing. */
  async preview(actor: Actor, bytes: Buffer, choice: TrackerChoice & { planId?: string } = {}): Promise<TrackerPreview> {
    return this.withRefs(actor, await this.readOwners(actor, bytes, choice), choice.planId);
  }

  private async readOwners(actor: Actor, bytes: Buffer, choice: TrackerChoice): Promise<OwnersMatched> {
    authorize(actor, 'plan.importTracker');
    let read: TrackerRead;
    try {
      read = await readTracker(bytes, { maxBytes: this.config.reportMaxBytes, ...choice });
    } catch (error) {
      if (error instanceof TrackerError) throw new AppError(ERROR_KIND[error.code], error.code, error.message);
      throw error;
    }
    const people = (await this.people.for(actor.authorityId).list()).filter((p) => p.active && p.accountActive);
    const matches = read.rows.map((row) => matchOwner(row.line, row.owner, people));
    return { read, ownerIds: matches.map((m) => m.ownerId), ownerProblems: matches.map((m) => m.problem).filter((p): p is TrackerProblem => !!p) };
  }

  /** The refs the rows' actions are given in the plan (refs are unique within a plan: adding to one, its actions' refs are taken). */
  private async withRefs(actor: Actor, { read, ownerIds, ownerProblems }: OwnersMatched, planId: string | undefined): Promise<TrackerPreview> {
    const { taken, highest } = await this.refsHeld(actor, planId);
    const { refs, problems: refProblems } = trackerRefs(read.rows, read.mapping.ref !== undefined, new Set(taken), highest);
    return { read, ownerIds, refs, json: toTrackerJson(read, ownerIds, [...ownerProblems, ...refProblems], refs) };
  }

  /** Stores the confirmed import: all of it, or nothing. */
  async import(actor: Actor, bytes: Buffer, options: TrackerImportOptions = {}) {
    const matched = await this.readOwners(actor, bytes, options);
    const { read, ownerIds } = matched;
    if (!read.rows.length) throw unprocessable('no_rows', 'The tracker has no rows to bring in: check the header line and the column of actions.');
    return this.transactions.run(async () => {
      const plan = options.planId ? await this.plans.loadForNewActions(actor.authorityId, options.planId) : await this.newPlan(actor, read, options);
      // The refs are given once the plan is locked, so no action can come in between and take one.
      const preview = await this.withRefs(actor, matched, options.planId);
      const source = options.fileName ? `the tracker ${options.fileName}` : 'the imported tracker';
      const { refs } = preview;
      const pause = new Pause();
      for (let from = 0; from < read.rows.length; from += ROWS_AT_ONCE) {
        const rows = read.rows.slice(from, from + ROWS_AT_ONCE);
        const inputs = rows.map((row, j): NewAction => ({
          title: shortTitle(row.text),
          description: description(row),
          timescale: isTimescale(row.timescale) ? row.timescale : 'unspecified',
          dueDate: row.dueDate ?? undefined,
          ownerId: ownerIds[from + j],
          recorded: this.recorded(row, plan, source),
          ref: refs[from + j],
        }));
        const created = await this.actions.createMany(actor, plan.id, inputs, 'plan.importTracker');
        for (const [j, action] of created.entries()) {
          // Only if someone added an action to the plan since the preview, taking the ref meant for this row.
          if (action.ref !== refs[from + j])
            preview.json.problems.push({
              line: rows[j].line,
              message: `Line ${rows[j].line}'s reference "${refs[from + j]}" was already given to another action: it is ${action.ref}.`,
            });
        }
        await this.keepRecords(actor, created, rows, source);
        for (let stored = from + 1; stored <= from + rows.length; stored++) options.onProgress?.(stored, read.rows.length);
        await pause.now();
      }
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'plan',
        entityId: plan.id,
        event: 'tracker_imported',
        actorId: actor.userId,
        after: { file: options.fileName ?? null, format: read.format, sheet: read.sheet, rows: read.rows.length, problems: preview.json.problems.length },
      });
      return { plan, actionsAdded: read.rows.length, unassigned: ownerIds.filter((id) => !id).length, preview };
    });
  }

  /** The refs the plan being added to holds, and its highest A number; none for a new plan. */
  private async refsHeld(actor: Actor, planId: string | undefined): Promise<{ taken: string[]; highest: number }> {
    if (!planId) return { taken: [], highest: 0 };
    await this.plans.get(actor.authorityId, planId);
    const actions = this.actionRepositories.for(actor.authorityId);
    return { taken: (await actions.ofPlan(planId)).map((a) => a.ref), highest: await actions.highestPosition(planId) };
  }

  private async newPlan(actor: Actor, read: TrackerRead, options: TrackerImportOptions) {
    const boardId = options.boardId ?? (await this.boards.for(actor.authorityId).first())?.id;
    if (!boardId) throw badRequest('board_required', 'Create a board first: a plan belongs to a board');
    const title = options.title?.trim() || read.title || `Improvement plan from ${options.fileName ?? 'an existing tracker'}`;
    return this.plans.create(actor, { title: title.slice(0, 300), boardId, startDate: options.startDate ?? this.clock.today() });
  }

  /** The tracker's status and at-risk flag; its RAG kept as an override (with where it came from) where the rules give another. */
  private recorded(row: TrackerRow, plan: { warningWindowDays: number; startDate: string }, source: string): RecordedState {
    const status = row.status ?? 'not_started';
    const statusReason = status === 'blocked' || status === 'cancelled' ? `"${row.statusText}" in ${source} (line ${row.line})` : null;
    const derived = deriveRag({ status, dueDate: row.dueDate, today: this.clock.today(), warningWindowDays: plan.warningWindowDays, atRisk: row.atRisk });
    const ragOverride: Rag | null = row.rag && row.rag !== derived ? row.rag : null;
    const ragOverrideReason = ragOverride ? trackerRagReason(ragOverride, source, row.line) : null;
    return { status, statusReason, atRisk: row.atRisk, ragOverride, ragOverrideReason };
  }

  /** Each row's update as its action's first progress note; a completed row's record as its evidence. */
  private async keepRecords(actor: Actor, created: { id: string }[], rows: TrackerRow[], source: string) {
    const now = this.clock.nowIso();
    const notes = rows.flatMap((row, j) =>
      row.update ? [{ id: newId(), authorityId: actor.authorityId, actionId: created[j].id, authorId: actor.userId, body: row.update, createdAt: now }] : [],
    );
    const evidence = rows.flatMap((row, j) =>
      row.status === 'completed'
        ? [
            {
              id: newId(),
              authorityId: actor.authorityId,
              actionId: created[j].id,
              kind: 'note' as const,
              title: `Recorded as "${row.statusText}" in ${source}`.slice(0, 300),
              note: `Line ${row.line}${row.update ? `: ${row.update}` : ''}`,
              url: null,
              fileName: null,
              mimeType: null,
              sizeBytes: null,
              sha256: null,
              addedById: actor.userId,
              createdAt: now,
            },
          ]
        : [],
    );
    const actions = this.actionRepositories.for(actor.authorityId);
    await actions.addNotes(notes);
    await actions.addEvidence(evidence);
    const audited = (event: string) => (record: { id: string; actionId: string }) => ({
      authorityId: actor.authorityId,
      entityType: 'action',
      entityId: record.actionId,
      event,
      actorId: actor.userId,
      after: record,
    });
    await this.audit.recordMany([...notes.map(audited('progress_note_added')), ...evidence.map(audited('evidence_added'))]);
  }
}

/**
 * Lets other requests in now and then during a long import: its page's progress polls among them.
 * (On SQLite they cannot share the transaction's connection meanwhile: see sqlite-turns.ts.)
 */
class Pause {
  private last = Date.now();

  async now(): Promise<void> {
    if (Date.now() - this.last < PAUSE_EVERY_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.last = Date.now();
  }
}

const PAUSE_EVERY_MS = 50;
/** Rows stored in one go: few statements per row, and progress told often enough. */
const ROWS_AT_ONCE = 50;

function description(row: TrackerRow): string {
  return [
    row.text,
    row.recommendation && `Recommendation: ${row.recommendation}`,
    row.section && `Section: ${row.section}`,
    row.ref && `Tracker reference: ${row.ref}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}
