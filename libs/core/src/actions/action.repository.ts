import { Injectable } from '@nestjs/common';
import { Action, ActionFinding, DueDateChange, Evidence, Finding, Milestone, Plan, ProgressNote } from '@app/database/entities';
import { chunks, IDS_PER_STATEMENT } from '@app/database/batches';
import { TenantRepository } from '@app/database/repositories/tenant-repository';
import { insertMany, isPostgres, runSql, selectCount, selectEntities, selectEntity, selectPairs, SqlRow, updateRows } from '@app/database/sql';
import { Transactions } from '@app/database/transactions';
import { openStatusSql } from '@app/domain';
import { ACCOUNTABLE_MANAGER_ID_SQL } from './accountable-manager';
import { ActionFilter, DEFAULT_ORDER, listWhere, sortTerms } from './action-list';
import { ragSql, ragSqlParams, tally } from './action-rag';

/** Makes the action repository of one authority. */
@Injectable()
export class ActionRepositories {
  constructor(private readonly transactions: Transactions) {}
  for(authorityId: string): ActionRepository {
    return new ActionRepository(authorityId, this.transactions);
  }
}

const WITH_PLAN_SQL =
  'FROM "action" a JOIN "improvement_plan" p ON p."id" = a."planId" AND p."authorityId" = a."authorityId" ' +
  'WHERE a."id" = :id AND a."authorityId" = :authorityId';

/** A person or partner organisation a filter offers. */
export interface FilterChoice {
  id: string;
  name: string;
}

/** What a plan's owner, accountable-manager and partner filters offer, each by name. */
export interface FilterChoices {
  owners: FilterChoice[];
  managers: FilterChoice[];
  partners: FilterChoice[];
}

/** The ids a filter has chosen already (from the address), which stay offered. */
export interface ChosenIds {
  ownerId?: string;
  managerId?: string;
  organisationId?: string;
}

const OF_PLAN = 'FROM "action" a WHERE a."authorityId" = :authorityId AND a."planId" = :planId';
const memberChoices = (kind: string, person: string, chosen: string) =>
  `SELECT '${kind}' AS "kind", u."id", u."displayName" AS "name" FROM "membership" m JOIN "app_user" u ON u."id" = m."userId" ` +
  `WHERE m."authorityId" = :authorityId AND (m."userId" IN (SELECT ${person} ${OF_PLAN}) OR m."userId" = :${chosen})`;

// A plan's filters offer whom its actions name, each as the action list filters on it (the manager
// is the accountable one), and a choice already made if it is of this council: a link keeps its filter.
const FILTER_CHOICES_SQL =
  [
    memberChoices('owner', 'a."ownerId"', 'ownerId'),
    memberChoices('manager', ACCOUNTABLE_MANAGER_ID_SQL, 'managerId'),
    `SELECT 'partner' AS "kind", o."id", o."name" FROM "organisation" o WHERE o."authorityId" = :authorityId ` +
      `AND (o."id" IN (SELECT a."organisationId" ${OF_PLAN}) OR o."id" = :organisationId)`,
  ].join(' UNION ALL ') + ' ORDER BY "kind", "name", "id"';

/**
 * An action row as the driver gives it, as an Action: plain, without TypeORM's conversion of each
 * column, which doubled the time to read a page of rows. Every column is text or a number on both
 * databases but `atRisk`, which SQLite stores as 0 or 1. Fields in the entity's order.
 */
export function toAction(r: SqlRow): Action {
  return {
    id: r.id as string,
    authorityId: r.authorityId as string,
    planId: r.planId as string,
    ref: r.ref as string,
    title: r.title as string,
    description: r.description as string,
    timescale: r.timescale as Action['timescale'],
    ownerId: r.ownerId as string | null,
    managerId: r.managerId as string | null,
    organisationId: r.organisationId as string | null,
    dueDate: r.dueDate as string | null,
    warnFrom: r.warnFrom as string | null,
    status: r.status as Action['status'],
    statusReason: r.statusReason as string | null,
    atRisk: r.atRisk === true || r.atRisk === 1,
    ragOverride: r.ragOverride as Action['ragOverride'],
    ragOverrideReason: r.ragOverrideReason as string | null,
    carriedFromId: r.carriedFromId as string | null,
    version: Number(r.version),
    createdAt: r.createdAt as string,
    updatedAt: r.updatedAt as string,
  };
}

/**
 * Actions and their child rows (finding links, milestones, notes, evidence, due-date changes) of one
 * authority, in fixed SQL: the hot routes' queries are written here once, and every one names the authority.
 */
export class ActionRepository extends TenantRepository {
  async find(id: string): Promise<Action | null> {
    const [row] = await runSql(this.manager, 'SELECT * FROM "action" WHERE "id" = :id AND "authorityId" = :authorityId', this.scoped({ id }));
    return row ? toAction(row) : null;
  }

  /** The action with its plan, in one statement: every change and the action page need both. */
  async findWithPlan(id: string): Promise<{ action: Action; plan: Plan } | null> {
    const [pair] = await selectPairs(this.manager, [Action, 'a'], [Plan, 'p'], WITH_PLAN_SQL, this.scoped({ id }));
    return pair ? { action: pair[0], plan: pair[1] } : null;
  }

  async ofPlan(planId: string, openOnly = false): Promise<Action[]> {
    const open = openOnly ? ` AND ${openStatusSql('"status"')}` : '';
    const sql = `SELECT * FROM "action" WHERE "planId" = :planId AND "authorityId" = :authorityId${open} ORDER BY LENGTH("ref"), "ref"`;
    return (await runSql(this.manager, sql, this.scoped({ planId }))).map(toAction);
  }

  /**
   * The highest ref number in the plan (0 for none): refs are never reused, so the next is one more.
   * Only refs of the form A<number> count: a ref kept from a council's tracker ("2.3") has no number
   * (planRefNumber in the domain reads a ref by the same rule).
   */
  async highestPosition(planId: string): Promise<number> {
    const numbered = isPostgres(this.manager)
      ? `"ref" ~ '^A[0-9]{1,9}$'`
      : `"ref" GLOB 'A[0-9]*' AND SUBSTR("ref", 2) NOT GLOB '*[^0-9]*' AND LENGTH("ref") <= 10`;
    const sql = `SELECT MAX(CAST(SUBSTR("ref", 2) AS INTEGER)) AS "n" FROM "action" WHERE "planId" = :planId AND "authorityId" = :authorityId AND ${numbered}`;
    const [row] = await runSql(this.manager, sql, this.scoped({ planId }));
    return Number(row?.n ?? 0);
  }

  /** Which of these refs actions of the plan already have (refs are unique within a plan). */
  async refsTaken(planId: string, refs: string[]): Promise<Set<string>> {
    if (!refs.length) return new Set();
    const sql = 'SELECT "ref" FROM "action" WHERE "planId" = :planId AND "authorityId" = :authorityId AND "ref" IN (:...refs)';
    return new Set((await runSql(this.manager, sql, this.scoped({ planId, refs: [...new Set(refs)] }))).map((r) => String(r.ref)));
  }

  async list(filter: ActionFilter, today: string): Promise<{ rows: Action[]; total: number }> {
    const { where, params } = listWhere(this.authorityId, filter, today);
    const order = (filter.sort ? sortTerms(filter.sort) : DEFAULT_ORDER).map(([expr, dir]) => `${expr} ${dir}`).join(', ');
    const offset = (filter.page - 1) * filter.pageSize;
    const sql = `SELECT a.* FROM "action" a WHERE ${where} ORDER BY ${order} LIMIT :limit OFFSET :offset`;
    const rows = (await runSql(this.manager, sql, { ...params, limit: filter.pageSize, offset })).map(toAction);
    // A page that is not full, and not past the end, tells the total without counting; so does an empty first page.
    const total =
      rows.length > 0 && rows.length < filter.pageSize
        ? offset + rows.length
        : rows.length === 0 && offset === 0
          ? 0
          : await selectCount(this.manager, `SELECT COUNT(*) AS "count" FROM "action" a WHERE ${where}`, params);
    return { rows, total };
  }

  /** The plan's filter choices (see FILTER_CHOICES_SQL), in one statement. */
  async filterChoices(planId: string, chosen: ChosenIds): Promise<FilterChoices> {
    const { ownerId = null, managerId = null, organisationId = null } = chosen;
    const rows = await runSql(this.manager, FILTER_CHOICES_SQL, this.scoped({ planId, ownerId, managerId, organisationId }));
    const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => ({ id: r.id as string, name: r.name as string }));
    return { owners: of('owner'), managers: of('manager'), partners: of('partner') };
  }

  /** Counts by status and by effective RAG for one plan, in one statement (a row per status and rating). */
  async counts(planId: string, today: string) {
    const params = this.scoped({ planId, ...ragSqlParams(today) });
    const rag = ragSql('a');
    const rows = await runSql(
      this.manager,
      `SELECT a."status", ${rag} AS "rag", COUNT(*) AS "count" FROM "action" a WHERE a."planId" = :planId AND a."authorityId" = :authorityId GROUP BY a."status", ${rag}`,
      params,
    );
    return { byStatus: tally(rows, 'status'), byRag: tally(rows, 'rag') };
  }

  insert(actions: Action[]): Promise<void> {
    return insertMany(
      this.manager,
      Action,
      actions.map((a) => this.own(a)),
    );
  }

  /** Sets fields if the action is still at `version`; false when someone else changed it first. */
  async updateVersioned(id: string, version: number, set: Partial<Action>): Promise<boolean> {
    const where = '"id" = :id AND "authorityId" = :authorityId AND "version" = :version';
    return (await updateRows(this.manager, 'action', set, where, this.scoped({ id, version }))) > 0;
  }

  async update(id: string, set: Partial<Action>): Promise<void> {
    await updateRows(this.manager, 'action', set, '"id" = :id AND "authorityId" = :authorityId', this.scoped({ id }));
  }

  /** Which of these findings (of this authority) exist. */
  async existingFindings(findingIds: string[]): Promise<Set<string>> {
    return new Set((await this.columnById('finding', 'id', findingIds)).keys());
  }

  async findingLinks(actionIds: string[]): Promise<ActionFinding[]> {
    if (!actionIds.length) return [];
    const sql = 'SELECT * FROM "action_finding" WHERE "actionId" IN (:...ids) AND "authorityId" = :authorityId';
    return selectEntities(this.manager, ActionFinding, sql, this.scoped({ ids: actionIds }));
  }

  /** Which of these findings an action already answers. */
  async answered(findingIds: string[]): Promise<Set<string>> {
    if (!findingIds.length) return new Set();
    const sql = 'SELECT DISTINCT "findingId" FROM "action_finding" WHERE "findingId" IN (:...ids) AND "authorityId" = :authorityId';
    return new Set((await runSql(this.manager, sql, this.scoped({ ids: findingIds }))).map((r) => String(r.findingId)));
  }

  /** Links actions to the findings they answer; each link keeps its action's plan and its finding's section (see ActionFinding). */
  async linkFindings(links: Pick<ActionFinding, 'id' | 'actionId' | 'findingId'>[]): Promise<void> {
    const plans = await this.columnById(
      'action',
      'planId',
      links.map((l) => l.actionId),
    );
    const sections = await this.columnById(
      'finding',
      'section',
      links.map((l) => l.findingId),
    );
    const known = (values: Map<string, string>, id: string) => {
      // The callers link only actions and findings of this authority they have just read or made.
      if (!values.has(id)) throw new Error(`No action or finding ${id} in this authority`);
      return values.get(id)!;
    };
    const rows = links.map((l) => ({ ...l, authorityId: this.authorityId, planId: known(plans, l.actionId), section: known(sections, l.findingId) }));
    await insertMany(this.manager, ActionFinding, rows);
  }

  /** One column of this authority's rows of a table, by id (those it has). */
  private async columnById(table: 'action' | 'finding', column: string, ids: string[]): Promise<Map<string, string>> {
    const values = new Map<string, string>();
    for (const some of chunks([...new Set(ids)], IDS_PER_STATEMENT)) {
      const sql = `SELECT "id", "${column}" AS "value" FROM "${table}" WHERE "id" IN (:...ids) AND "authorityId" = :authorityId`;
      for (const row of await runSql(this.manager, sql, this.scoped({ ids: some }))) values.set(String(row.id), String(row.value));
    }
    return values;
  }

  evidenceCount(actionId: string): Promise<number> {
    const sql = 'SELECT COUNT(*) AS "count" FROM "evidence" WHERE "actionId" = :actionId AND "authorityId" = :authorityId';
    return selectCount(this.manager, sql, this.scoped({ actionId }));
  }

  addNote(note: ProgressNote): Promise<void> {
    return this.addNotes([note]);
  }

  addNotes(notes: ProgressNote[]): Promise<void> {
    return insertMany(
      this.manager,
      ProgressNote,
      notes.map((note) => this.own(note)),
    );
  }

  addMilestone(milestone: Milestone): Promise<void> {
    return insertMany(this.manager, Milestone, [this.own(milestone)]);
  }

  findMilestone(actionId: string, id: string): Promise<Milestone | null> {
    const sql = 'SELECT * FROM "milestone" WHERE "id" = :id AND "actionId" = :actionId AND "authorityId" = :authorityId';
    return selectEntity(this.manager, Milestone, sql, this.scoped({ id, actionId }));
  }

  async setMilestoneDone(milestone: Milestone): Promise<void> {
    const where = '"id" = :id AND "authorityId" = :authorityId';
    await updateRows(this.manager, 'milestone', { doneAt: milestone.doneAt }, where, this.scoped({ id: milestone.id }));
  }

  addEvidence(evidence: Evidence | Evidence[]): Promise<void> {
    return insertMany(
      this.manager,
      Evidence,
      [evidence].flat().map((item) => this.own(item)),
    );
  }

  addDueDateChange(change: DueDateChange): Promise<void> {
    return insertMany(this.manager, DueDateChange, [this.own(change)]);
  }

  /** An action's child rows for its page, oldest first. */
  async children(actionId: string) {
    const params = this.scoped({ actionId });
    const rows = <T extends object>(entity: new () => T, table: string) =>
      selectEntities(
        this.manager,
        entity,
        `SELECT * FROM "${table}" WHERE "actionId" = :actionId AND "authorityId" = :authorityId ORDER BY "createdAt"`,
        params,
      );
    const findingsSql =
      'SELECT f.* FROM "finding" f JOIN "action_finding" l ON l."findingId" = f."id" AND l."authorityId" = f."authorityId" ' +
      'WHERE l."actionId" = :actionId AND l."authorityId" = :authorityId ORDER BY f."position"';
    const [findings, milestones, notes, evidence, dueDateHistory] = await Promise.all([
      selectEntities(this.manager, Finding, findingsSql, params),
      rows(Milestone, 'milestone'),
      rows(ProgressNote, 'progress_note'),
      rows(Evidence, 'evidence'),
      rows(DueDateChange, 'due_date_change'),
    ]);
    return { findings, milestones, notes, evidence, dueDateHistory };
  }

  /** Each action of the plan's latest progress note (one per action; of two at the same instant, either). */
  latestNotesOfPlan(planId: string): Promise<ProgressNote[]> {
    const sql =
      'SELECT n.* FROM "progress_note" n JOIN "action" a ON a."id" = n."actionId" AND a."authorityId" = n."authorityId" ' +
      'WHERE a."planId" = :planId AND n."authorityId" = :authorityId AND n."createdAt" = ' +
      '(SELECT MAX(m."createdAt") FROM "progress_note" m WHERE m."actionId" = n."actionId" AND m."authorityId" = n."authorityId")';
    return selectEntities(this.manager, ProgressNote, sql, this.scoped({ planId }));
  }

  private scoped<T extends object>(params: T): T & { authorityId: string } {
    return { ...params, authorityId: this.authorityId };
  }

  /** A row written by this repository belongs to its authority, whatever the caller built. */
  private own<T extends { authorityId: string }>(row: T): T {
    return { ...row, authorityId: this.authorityId };
  }
}
