import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  ACTION_STATUSES,
  ActionStatus,
  assertTransition,
  Decision,
  decisionsForActionChange,
  deriveRag,
  effectiveRag,
  isOpenStatus,
  may,
  newActionFields,
  openStatusSql,
  Rag,
  RAGS,
  statusDecision,
  Timescale,
  todayInLondon,
  warnFromOf,
} from '@app/domain';
import { Action, ActionFinding, DueDateChange, Evidence, Finding, Membership, Milestone, Organisation, Plan, ProgressNote } from '@app/database/entities';
import { AppError, badRequest, notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { UserService } from '../accounts/user.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { MeasureService } from '../measures/measure.service';
import { planTerms, PlanService } from '../plans/plan.service';
import { Actor, authorize, subjectOf } from '../request-context';
import { ACTION_HOOKS, ActionHook } from './action-hooks';
import { ragSql, ragSqlParams } from './action-rag';
import { runSql, selectCount, selectEntities, selectEntity, SqlParams, SqlRow, updateRows } from '@app/database/sql';

export interface NewAction {
  title: string;
  description?: string;
  timescale?: Timescale;
  dueDate?: string;
  ownerId?: string | null;
  managerId?: string | null;
  organisationId?: string | null;
  findingIds?: string[];
}

export interface ActionChanges {
  version: number;
  title?: string;
  description?: string;
  ownerId?: string | null;
  managerId?: string | null;
  organisationId?: string | null;
  dueDate?: string;
  dueDateReason?: string;
  atRisk?: boolean;
  ragOverride?: Rag | null;
  ragOverrideReason?: string | null;
}

export interface ActionFilter {
  planId?: string;
  status?: ActionStatus[];
  rag?: Rag[];
  ownerId?: string;
  organisationId?: string;
  overdue?: boolean;
  dueFrom?: string;
  dueTo?: string;
  /** Without it: due date, then reference. */
  sort?: ActionSort;
  page: number;
  pageSize: number;
}

/** The columns an action list may be sorted by (a whitelist: each maps to a fixed SQL expression). */
export const ACTION_SORT_FIELDS = ['due', 'ref', 'title', 'owner', 'status', 'rag'] as const;
export type ActionSortField = (typeof ACTION_SORT_FIELDS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export interface ActionSort {
  field: ActionSortField;
  direction: (typeof SORT_DIRECTIONS)[number];
}

const RAG_RANK: Record<Rag, number> = { red: 0, amber: 1, green: 2, blue: 3 };

/**
 * ORDER BY terms for a sort: a missing value (no due date, no owner, no RAG) counts as the highest,
 * and ties fall back to due date then reference number, so paging is stable. Only fixed expressions.
 */
function sortTerms(sort: ActionSort): [string, 'ASC' | 'DESC'][] {
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const missingLast = (expr: string): [string, 'ASC' | 'DESC'][] => [
    [`(CASE WHEN ${expr} IS NULL THEN 1 ELSE 0 END)`, dir],
    [expr, dir],
  ];
  const primary: Record<ActionSortField, [string, 'ASC' | 'DESC'][]> = {
    due: missingLast('a."dueDate"'),
    ref: [
      ['LENGTH(a."ref")', dir],
      ['a."ref"', dir],
    ],
    title: [['LOWER(a."title")', dir]],
    owner: missingLast('(SELECT LOWER(u."displayName") FROM "app_user" u WHERE u."id" = a."ownerId")'),
    status: [[`(CASE a."status" ${ACTION_STATUSES.map((st, i) => `WHEN '${st}' THEN ${i}`).join(' ')} ELSE ${ACTION_STATUSES.length} END)`, dir]],
    rag: [[`(CASE ${ragSql('a')} ${RAGS.map((r) => `WHEN '${r}' THEN ${RAG_RANK[r]}`).join(' ')} ELSE 9 END)`, dir]],
  };
  const ties: [string, 'ASC' | 'DESC'][] = [
    ['(CASE WHEN a."dueDate" IS NULL THEN 1 ELSE 0 END)', 'ASC'],
    ['a."dueDate"', 'ASC'],
    ['LENGTH(a."ref")', 'ASC'],
    ['a."ref"', 'ASC'],
    ['a."id"', 'ASC'],
  ];
  // TypeORM keys ORDER BY terms by expression, so a tie-breaker must not repeat a primary term.
  const first = primary[sort.field];
  return [...first, ...ties.filter(([expr]) => !first.some(([e]) => e === expr))];
}

const DEFAULT_ORDER: [string, 'ASC' | 'DESC'][] = [
  ['a."dueDate"', 'ASC'],
  ['a."ref"', 'ASC'],
];
const OPEN_SQL = openStatusSql('a."status"');

/** The list filter as SQL conditions on \`action a\`, with named parameters. */
function listWhere(authorityId: string, filter: ActionFilter, today: string): { where: string; params: SqlParams } {
  const terms = ['a."authorityId" = :authorityId'];
  const params: SqlParams = { authorityId, ...ragSqlParams(today) };
  const add = (term: string, values: SqlParams) => {
    terms.push(term);
    Object.assign(params, values);
  };
  if (filter.planId) add('a."planId" = :planId', { planId: filter.planId });
  if (filter.status?.length) add('a."status" IN (:...status)', { status: filter.status });
  if (filter.ownerId) add('a."ownerId" = :ownerId', { ownerId: filter.ownerId });
  if (filter.organisationId) add('a."organisationId" = :organisationId', { organisationId: filter.organisationId });
  if (filter.dueFrom) add('a."dueDate" >= :dueFrom', { dueFrom: filter.dueFrom });
  if (filter.dueTo) add('a."dueDate" <= :dueTo', { dueTo: filter.dueTo });
  if (filter.overdue !== undefined) add(filter.overdue ? `a."dueDate" < :today AND ${OPEN_SQL}` : `NOT (a."dueDate" < :today AND ${OPEN_SQL})`, { today });
  if (filter.rag?.length) add(`${ragSql('a')} IN (:...rag)`, { rag: filter.rag });
  return { where: terms.join(' AND '), params };
}

@Injectable()
export class ActionService {
  private todayCache = { minute: Number.NaN, date: '' };

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly users: UserService,
    private readonly plans: PlanService,
    private readonly measures: MeasureService,
    private readonly clock: Clock,
    @Optional() @Inject(ACTION_HOOKS) private readonly hooks: ActionHook[] = [],
  ) {}

  /** Today's date in London; a time-zone conversion, so worked out at most once a minute. */
  today(): string {
    const now = this.clock.now();
    const minute = Math.floor(now.getTime() / 60_000);
    if (minute !== this.todayCache.minute) this.todayCache = { minute, date: todayInLondon(now) };
    return this.todayCache.date;
  }

  async create(actor: Actor, planId: string, input: NewAction) {
    authorize(actor, 'action.create');
    return this.db.transaction(async (tx) => {
      const plan = await this.plans.load(tx, actor.authorityId, planId);
      this.plans.assertNotClosed(plan);
      await this.checkPeople(tx, actor, input);
      const now = this.clock.nowIso();
      const position = await this.plans.nextActionPosition(tx, plan);
      const action: Action = {
        id: newId(),
        authorityId: actor.authorityId,
        planId,
        ...newActionFields(planTerms(plan), position, input.timescale ?? 'unspecified', input.dueDate),
        title: input.title.trim(),
        description: input.description?.trim() ?? '',
        ownerId: input.ownerId ?? null,
        managerId: input.managerId ?? (input.ownerId ? await this.lineManagerOf(tx, actor.authorityId, input.ownerId) : null),
        organisationId: input.organisationId ?? null,
        carriedFromId: null,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(Action, action);
      for (const findingId of input.findingIds ?? []) {
        if (!(await tx.existsBy(Finding, { id: findingId, authorityId: actor.authorityId }))) throw notFound('Finding');
        await tx.insert(ActionFinding, { id: newId(), authorityId: actor.authorityId, actionId: action.id, findingId });
      }
      await this.audit.record(
        { authorityId: actor.authorityId, entityType: 'action', entityId: action.id, event: 'action_created', actorId: actor.userId, after: action },
        tx,
      );
      await this.runHooks(tx, action, plan);
      return this.summary(action, plan);
    });
  }

  async get(actor: Actor, id: string) {
    const action = await this.load(this.db.manager, actor.authorityId, id);
    const plan = await this.plans.load(this.db.manager, actor.authorityId, action.planId);
    return this.details(action, plan);
  }

  async update(actor: Actor, id: string, changes: ActionChanges) {
    const decide = (action: Action, plan: Plan) => decisionsForActionChange(action, plan.status, changes);
    return this.mutate(actor, id, changes.version, decide, async (tx, action, plan) => {
      await this.checkPeople(tx, actor, changes);
      if (changes.ragOverride && !changes.ragOverrideReason?.trim()) {
        throw badRequest('reason_required', 'Give a reason for overriding the RAG rating');
      }
      const next: Partial<Action> = {};
      for (const key of ['title', 'description', 'ownerId', 'managerId', 'organisationId', 'atRisk'] as const) {
        if (changes[key] !== undefined)
          (next as Record<string, unknown>)[key] = typeof changes[key] === 'string' ? (changes[key] as string).trim() : changes[key];
      }
      if (changes.ownerId && changes.managerId === undefined && changes.ownerId !== action.ownerId) {
        next.managerId = await this.lineManagerOf(tx, actor.authorityId, changes.ownerId);
      }
      if (changes.ragOverride !== undefined) {
        next.ragOverride = changes.ragOverride;
        next.ragOverrideReason = changes.ragOverride ? changes.ragOverrideReason!.trim() : null;
      }
      if (changes.dueDate !== undefined && changes.dueDate !== action.dueDate) {
        await this.changeDueDate(tx, actor, action, plan, changes.dueDate, changes.dueDateReason);
        next.dueDate = changes.dueDate;
        next.warnFrom = warnFromOf(changes.dueDate, plan.warningWindowDays);
      }
      return { changes: next, event: 'action_updated' };
    });
  }

  async changeStatus(actor: Actor, id: string, input: { version: number; status: ActionStatus; reason?: string | null }) {
    const decide = (action: Action) => [statusDecision(action.status, input.status)];
    return this.mutate(actor, id, input.version, decide, async (tx, action) => {
      const evidenceCount = await selectCount(tx, 'SELECT COUNT(*) AS "count" FROM "evidence" WHERE "actionId" = :id', { id });
      const byBoardDecision = may(subjectOf(actor, action), 'action.status.verified');
      assertTransition(action.status, input.status, { evidenceCount, reason: input.reason, byBoardDecision });
      const reason = input.reason?.trim() || null;
      return { changes: { status: input.status, statusReason: reason }, event: input.status === 'verified' ? 'action_verified' : 'action_status_changed' };
    });
  }

  async addNote(actor: Actor, id: string, body: string) {
    return this.append(actor, id, 'action.note', async (tx, action) => {
      const note: ProgressNote = {
        id: newId(),
        authorityId: actor.authorityId,
        actionId: action.id,
        authorId: actor.userId,
        body: body.trim(),
        createdAt: this.clock.nowIso(),
      };
      await tx.insert(ProgressNote, note);
      return { event: 'progress_note_added', record: note };
    });
  }

  async addMilestone(actor: Actor, id: string, title: string, dueDate: string | null) {
    return this.append(actor, id, 'action.milestone', async (tx, action) => {
      const milestone: Milestone = {
        id: newId(),
        authorityId: actor.authorityId,
        actionId: action.id,
        title: title.trim(),
        dueDate,
        doneAt: null,
        createdAt: this.clock.nowIso(),
      };
      await tx.insert(Milestone, milestone);
      return { event: 'milestone_added', record: milestone };
    });
  }

  async setMilestoneDone(actor: Actor, id: string, milestoneId: string, done: boolean) {
    return this.append(actor, id, 'action.milestone', async (tx, action) => {
      const milestone = await tx.findOneBy(Milestone, { id: milestoneId, actionId: action.id, authorityId: actor.authorityId });
      if (!milestone) throw notFound('Milestone');
      milestone.doneAt = done ? this.clock.nowIso() : null;
      await tx.save(Milestone, milestone);
      return { event: done ? 'milestone_done' : 'milestone_reopened', record: milestone };
    });
  }

  /** Adds a note, milestone or evidence: not an edit of the action's fields, so no version check. */
  async append<T>(
    actor: Actor,
    id: string,
    decision: Decision,
    work: (tx: EntityManager, action: Action) => Promise<{ event: string; record: T }>,
  ): Promise<T> {
    return this.db.transaction(async (tx) => {
      const action = await this.load(tx, actor.authorityId, id);
      authorize(actor, decision, action);
      const plan = await this.plans.load(tx, actor.authorityId, action.planId);
      this.plans.assertNotClosed(plan);
      const { event, record } = await work(tx, action);
      await this.audit.record({ authorityId: actor.authorityId, entityType: 'action', entityId: id, event, actorId: actor.userId, after: record }, tx);
      return record;
    });
  }

  async list(actor: Actor, filter: ActionFilter) {
    const today = this.today();
    const { where, params } = listWhere(actor.authorityId, filter, today);
    const order = (filter.sort ? sortTerms(filter.sort) : DEFAULT_ORDER).map(([expr, dir]) => `${expr} ${dir}`).join(', ');
    const offset = (filter.page - 1) * filter.pageSize;
    const m = this.db.manager;
    const rows = await selectEntities(m, Action, `SELECT a.* FROM "action" a WHERE ${where} ORDER BY ${order} LIMIT :limit OFFSET :offset`, {
      ...params,
      limit: filter.pageSize,
      offset,
    });
    // A page that is not full, and not past the end, tells the total without counting.
    const total =
      rows.length > 0 && rows.length < filter.pageSize
        ? offset + rows.length
        : await selectCount(m, `SELECT COUNT(*) AS "count" FROM "action" a WHERE ${where}`, params);
    const plans = await this.plansById(rows.map((r) => r.planId));
    return { items: rows.map((a) => this.summary(a, plans.get(a.planId)!, today)), page: filter.page, pageSize: filter.pageSize, total };
  }

  /** Counts by status and by effective RAG for one plan. */
  async dashboard(actor: Actor, planId: string) {
    const plan = await this.plans.get(actor.authorityId, planId);
    const today = this.today();
    const params = { planId, authorityId: actor.authorityId, ...ragSqlParams(today) };
    const where = 'a."planId" = :planId AND a."authorityId" = :authorityId';
    const byStatus = await runSql(
      this.db.manager,
      `SELECT a."status" AS "key", COUNT(*) AS "count" FROM "action" a WHERE ${where} GROUP BY a."status"`,
      params,
    );
    const byRag = await runSql(
      this.db.manager,
      `SELECT ${ragSql('a')} AS "key", COUNT(*) AS "count" FROM "action" a WHERE ${where} GROUP BY ${ragSql('a')}`,
      params,
    );
    const tally = (rows: SqlRow[]) => Object.fromEntries(rows.filter((r) => r.key !== null).map((r) => [r.key, Number(r.count)]));
    return { plan, today, byStatus: tally(byStatus), byRag: tally(byRag) };
  }

  async timeline(actor: Actor, id: string) {
    await this.load(this.db.manager, actor.authorityId, id);
    return this.audit.timeline(actor.authorityId, 'action', id);
  }

  async load(manager: EntityManager, authorityId: string, id: string): Promise<Action> {
    const action = await selectEntity(manager, Action, 'SELECT * FROM "action" WHERE "id" = :id AND "authorityId" = :authorityId', { id, authorityId });
    if (!action) throw notFound('Action');
    return action;
  }

  /** A versioned change: the policy's decisions for it are checked against the action as it is now, then the version. */
  private async mutate(
    actor: Actor,
    id: string,
    version: number,
    decide: (action: Action, plan: Plan) => Decision[],
    work: (tx: EntityManager, action: Action, plan: Plan) => Promise<{ changes: Partial<Action>; event: string }>,
  ) {
    return this.db.transaction(async (tx) => {
      const action = await this.load(tx, actor.authorityId, id);
      const plan = await this.plans.load(tx, actor.authorityId, action.planId);
      authorize(actor, decide(action, plan), action);
      if (action.version !== version) throw this.conflict(action, plan);
      this.plans.assertNotClosed(plan);
      const { changes, event } = await work(tx, action, plan);
      const now = this.clock.nowIso();
      const updated = await updateRows(
        tx,
        'action',
        { ...changes, version: version + 1, updatedAt: now },
        '"id" = :id AND "authorityId" = :authorityId AND "version" = :version',
        { id, authorityId: actor.authorityId, version },
      );
      if (!updated) throw this.conflict(await this.load(tx, actor.authorityId, id), plan);
      const after = { ...action, ...changes, version: version + 1, updatedAt: now };
      await this.audit.record(
        {
          authorityId: actor.authorityId,
          entityType: 'action',
          entityId: id,
          event,
          actorId: actor.userId,
          before: pick(action, Object.keys(changes)),
          after: pick(after, Object.keys(changes)),
        },
        tx,
      );
      await this.runHooks(tx, after, plan, action);
      return this.summary(after, plan);
    });
  }

  async runHooks(tx: EntityManager, action: Action, plan: Plan, before?: Action): Promise<void> {
    for (const hook of this.hooks ?? []) await hook.afterActionChange(tx, action, plan, before);
  }

  private conflict(current: Action, plan: Plan) {
    return new AppError(
      'conflict',
      'stale_version',
      'Someone else changed this action since you loaded it. Here is its current state: review it and make your change again.',
      { current: this.summary(current, plan) },
    );
  }

  private async changeDueDate(tx: EntityManager, actor: Actor, action: Action, plan: Plan, toDate: string, reason?: string) {
    if (plan.status === 'active') {
      if (!reason?.trim()) throw badRequest('reason_required', "Give the reason for the board's decision to change the due date (dueDateReason)");
    }
    await tx.insert(DueDateChange, {
      id: newId(),
      authorityId: actor.authorityId,
      actionId: action.id,
      fromDate: action.dueDate,
      toDate,
      reason: reason?.trim() || null,
      changedById: actor.userId,
      createdAt: this.clock.nowIso(),
    });
  }

  private async checkPeople(tx: EntityManager, actor: Actor, input: { ownerId?: string | null; managerId?: string | null; organisationId?: string | null }) {
    if (input.ownerId) await this.users.assertMember(tx, actor.authorityId, input.ownerId, 'Owner');
    if (input.managerId) await this.users.assertMember(tx, actor.authorityId, input.managerId, 'Manager');
    if (input.organisationId && !(await tx.existsBy(Organisation, { id: input.organisationId, authorityId: actor.authorityId })))
      throw notFound('Organisation');
  }

  /** Read in the transaction: a second connection from the pool, while this one is held, can wait forever under load. */
  private async lineManagerOf(tx: EntityManager, authorityId: string, userId: string) {
    return (await tx.findOneBy(Membership, { authorityId, userId }))?.managerId ?? null;
  }

  private async plansById(ids: string[]) {
    const plans = ids.length
      ? await selectEntities(this.db.manager, Plan, 'SELECT * FROM "improvement_plan" WHERE "id" IN (:...ids)', { ids: [...new Set(ids)] })
      : [];
    return new Map(plans.map((p) => [p.id, p]));
  }

  summary(action: Action, plan: Plan, today = this.today()) {
    const derived = deriveRag({
      status: action.status,
      dueDate: action.dueDate,
      today,
      warningWindowDays: plan.warningWindowDays,
      atRisk: action.atRisk,
    });
    const { warnFrom: _warnFrom, ...fields } = action;
    return {
      ...fields,
      overdue: !!action.dueDate && action.dueDate < today && isOpenStatus(action.status),
      rag: {
        derived,
        override: action.ragOverride,
        overrideReason: action.ragOverrideReason,
        effective: effectiveRag(derived, action.ragOverride),
      },
    };
  }

  private async details(action: Action, plan: Plan) {
    const m = this.db.manager;
    const where = { actionId: action.id, authorityId: action.authorityId };
    const [links, milestones, notes, evidence, dueDateHistory, measures] = await Promise.all([
      m.findBy(ActionFinding, where),
      m.find(Milestone, { where, order: { createdAt: 'ASC' } }),
      m.find(ProgressNote, { where, order: { createdAt: 'ASC' } }),
      m.find(Evidence, { where, order: { createdAt: 'ASC' } }),
      m.find(DueDateChange, { where, order: { createdAt: 'ASC' } }),
      this.measures.forAction(action.authorityId, action.id),
    ]);
    const findings = links.length ? await m.findBy(Finding, { id: In(links.map((l) => l.findingId)) }) : [];
    return {
      ...this.summary(action, plan),
      plan: { id: plan.id, title: plan.title, status: plan.status },
      findings,
      milestones,
      notes,
      evidence,
      dueDateHistory,
      measures,
    };
  }
}

const pick = (o: object, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));
