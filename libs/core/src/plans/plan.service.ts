import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { actionRef, DEFAULT_PLAN_SETTINGS, dueDateOf, newActionFields, OPEN_STATUSES, PlanSettings, PlanTerms, warnFromOf } from '@app/domain';
import { Action, ActionFinding, Board, Finding, Plan, PlanDocument, SourceDocument } from '@app/database/entities';
import { isPostgres, runSql, selectEntity } from '@app/database/sql';
import { AppError, badRequest, notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { ACTION_HOOKS, ActionHook } from '../actions/action-hooks';
import { Actor, authorize } from '../request-context';

export interface NewPlan {
  title: string;
  boardId: string;
  documentIds?: string[];
  startDate?: string | null;
  settings?: Partial<PlanSettings>;
}

export interface PlanChanges {
  version: number;
  title?: string;
  startDate?: string;
  settings?: Partial<PlanSettings>;
}

export const planSettings = (plan: Plan): PlanSettings => ({
  immediateWindowDays: plan.immediateWindowDays,
  defaultHorizonMonths: plan.defaultHorizonMonths,
  warningWindowDays: plan.warningWindowDays,
  moveOffNonWorkingDays: plan.moveOffNonWorkingDays,
});

export const planTerms = (plan: Plan): PlanTerms => ({ startDate: plan.startDate, ...planSettings(plan) });

/** Improvement plans: draft -> active -> closed, made from source documents, owning actions. */
@Injectable()
export class PlanService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Optional() @Inject(ACTION_HOOKS) private readonly hooks: ActionHook[] = [],
  ) {}

  async create(actor: Actor, input: NewPlan, manager?: EntityManager): Promise<Plan> {
    authorize(actor, input.settings && Object.keys(input.settings).length ? ['plan.create', 'plan.settings'] : 'plan.create');
    const run = async (tx: EntityManager) => {
      if (!(await tx.existsBy(Board, { id: input.boardId, authorityId: actor.authorityId }))) throw notFound('Board');
      const documentIds = [...new Set(input.documentIds ?? [])];
      const documents = documentIds.length ? await tx.findBy(SourceDocument, { id: In(documentIds), authorityId: actor.authorityId }) : [];
      if (documents.length !== documentIds.length) throw notFound('Document');
      const startDate = input.startDate ?? earliest(documents.map((d) => d.publishedOn));
      if (!startDate) throw badRequest('start_date_required', 'Give the plan a start date: none of its documents has a publication date to start from');
      const now = this.clock.nowIso();
      const plan: Plan = {
        id: newId(),
        authorityId: actor.authorityId,
        boardId: input.boardId,
        title: input.title.trim(),
        status: 'draft',
        startDate,
        ...DEFAULT_PLAN_SETTINGS,
        ...input.settings,
        predecessorId: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(Plan, plan);
      for (const documentId of documentIds) await tx.insert(PlanDocument, { id: newId(), authorityId: actor.authorityId, planId: plan.id, documentId });
      await this.audit.record(
        {
          authorityId: actor.authorityId,
          entityType: 'plan',
          entityId: plan.id,
          event: 'plan_created',
          actorId: actor.userId,
          after: { ...plan, documentIds },
        },
        tx,
      );
      return plan;
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  /** Adds one action per finding of the plan's documents not yet answered, with due dates from timescales. */
  async addActionsFromFindings(actor: Actor, planId: string, manager?: EntityManager): Promise<number> {
    authorize(actor, 'plan.edit');
    const run = async (tx: EntityManager) => {
      const plan = await this.load(tx, actor.authorityId, planId);
      this.assertNotClosed(plan);
      const links = await tx.findBy(PlanDocument, { planId, authorityId: actor.authorityId });
      if (links.length === 0) return 0;
      const findings = await tx.find(Finding, {
        where: { documentId: In(links.map((l) => l.documentId)), authorityId: actor.authorityId },
        order: { documentId: 'ASC', position: 'ASC' },
      });
      const answered = new Set((await tx.findBy(ActionFinding, { findingId: In(findings.map((f) => f.id)) })).map((l) => l.findingId));
      let position = await this.nextActionPosition(tx, plan);
      let added = 0;
      for (const finding of findings.filter((f) => !answered.has(f.id))) {
        const action = this.actionFromFinding(plan, finding, position++);
        await tx.insert(Action, action);
        await tx.insert(ActionFinding, { id: newId(), authorityId: plan.authorityId, actionId: action.id, findingId: finding.id });
        await this.audit.record(
          { authorityId: plan.authorityId, entityType: 'action', entityId: action.id, event: 'action_created', actorId: actor.userId, after: action },
          tx,
        );
        added++;
      }
      await this.runHooks(tx, plan);
      return added;
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  async update(actor: Actor, planId: string, changes: PlanChanges): Promise<Plan> {
    authorize(actor, changes.settings && Object.keys(changes.settings).length ? ['plan.edit', 'plan.settings'] : 'plan.edit');
    return this.db.transaction(async (tx) => {
      const plan = await this.load(tx, actor.authorityId, planId);
      this.assertVersion(plan, changes.version);
      this.assertNotClosed(plan);
      if (changes.startDate !== undefined && plan.status !== 'draft') {
        throw new AppError(
          'unprocessable',
          'plan_active',
          'The start date can only change while the plan is a draft: change action due dates by board decision instead',
        );
      }
      const before = { ...plan };
      Object.assign(
        plan,
        changes.title !== undefined ? { title: changes.title.trim() } : {},
        changes.startDate !== undefined ? { startDate: changes.startDate } : {},
        changes.settings ?? {},
      );
      await this.save(tx, plan, changes.version);
      await this.redateActions(tx, before, plan);
      await this.runHooks(tx, plan);
      await this.audit.record(
        { authorityId: plan.authorityId, entityType: 'plan', entityId: plan.id, event: 'plan_updated', actorId: actor.userId, before, after: plan },
        tx,
      );
      return plan;
    });
  }

  async activate(actor: Actor, planId: string, version: number): Promise<Plan> {
    authorize(actor, 'plan.activate');
    return this.transition(actor, planId, version, 'draft', 'active', 'plan_activated');
  }

  async close(actor: Actor, planId: string, version: number): Promise<Plan> {
    authorize(actor, 'plan.close');
    return this.transition(actor, planId, version, 'active', 'closed', 'plan_closed');
  }

  /** Copies a closed plan's open actions into its successor, keeping the link to the original action and finding. */
  async carryOver(actor: Actor, fromPlanId: string, toPlanId: string): Promise<number> {
    authorize(actor, 'plan.carryOver');
    return this.db.transaction(async (tx) => {
      const from = await this.load(tx, actor.authorityId, fromPlanId);
      const to = await this.load(tx, actor.authorityId, toPlanId);
      if (from.status !== 'closed') throw new AppError('unprocessable', 'plan_not_closed', 'Close the plan before carrying its open actions over');
      if (to.status === 'closed' || to.id === from.id)
        throw new AppError('unprocessable', 'invalid_successor', 'Carry actions over into a draft or active plan other than this one');
      const open = await tx.find(Action, { where: { planId: from.id, status: In([...OPEN_STATUSES]) }, order: { ref: 'ASC' } });
      let position = await this.nextActionPosition(tx, to);
      const now = this.clock.nowIso();
      for (const original of open) {
        const copy: Action = {
          ...original,
          id: newId(),
          planId: to.id,
          ref: actionRef(position++),
          carriedFromId: original.id,
          version: 1,
          createdAt: now,
          updatedAt: now,
          ragOverride: null,
          ragOverrideReason: null,
        };
        await tx.insert(Action, copy);
        for (const link of await tx.findBy(ActionFinding, { actionId: original.id })) {
          await tx.insert(ActionFinding, { id: newId(), authorityId: copy.authorityId, actionId: copy.id, findingId: link.findingId });
        }
        await tx.update(Action, { id: original.id }, { status: 'carried_over', version: original.version + 1, updatedAt: now });
        await this.audit.record(
          {
            authorityId: copy.authorityId,
            entityType: 'action',
            entityId: original.id,
            event: 'action_carried_over',
            actorId: actor.userId,
            before: { status: original.status },
            after: { status: 'carried_over', successorId: copy.id },
          },
          tx,
        );
        await this.audit.record(
          { authorityId: copy.authorityId, entityType: 'action', entityId: copy.id, event: 'action_created', actorId: actor.userId, after: copy },
          tx,
        );
      }
      if (!to.predecessorId) await tx.update(Plan, { id: to.id }, { predecessorId: from.id });
      await this.runHooks(tx, from);
      await this.runHooks(tx, to);
      return open.length;
    });
  }

  get(authorityId: string, planId: string): Promise<Plan> {
    return this.load(this.db.manager, authorityId, planId);
  }

  list(authorityId: string): Promise<Plan[]> {
    return this.db.manager.find(Plan, { where: { authorityId }, order: { createdAt: 'DESC' } });
  }

  async load(manager: EntityManager, authorityId: string, planId: string): Promise<Plan> {
    const plan = await selectEntity(manager, Plan, 'SELECT * FROM "improvement_plan" WHERE "id" = :planId AND "authorityId" = :authorityId', {
      planId,
      authorityId,
    });
    if (!plan) throw notFound('Plan');
    return plan;
  }

  /**
   * The position of the plan's next new action (its ref number). On PostgreSQL the plan's row is
   * locked first, so concurrent creates in one plan take turns; SQLite transactions are serialised already.
   */
  async nextActionPosition(tx: EntityManager, plan: Plan): Promise<number> {
    const params = { planId: plan.id, authorityId: plan.authorityId };
    if (isPostgres(tx)) await runSql(tx, 'SELECT 1 FROM "improvement_plan" WHERE "id" = :planId AND "authorityId" = :authorityId FOR UPDATE', params);
    const [row] = await runSql(
      tx,
      'SELECT MAX(CAST(SUBSTR("ref", 2) AS INTEGER)) AS "n" FROM "action" WHERE "planId" = :planId AND "authorityId" = :authorityId',
      params,
    );
    return Number(row?.n ?? 0) + 1;
  }

  assertNotClosed(plan: Plan): void {
    if (plan.status === 'closed')
      throw new AppError('unprocessable', 'plan_closed', 'This plan is closed: carry its open actions into a successor plan to keep working on them');
  }

  private actionFromFinding(plan: Plan, finding: Finding, position: number): Action {
    const now = this.clock.nowIso();
    return {
      id: newId(),
      authorityId: plan.authorityId,
      planId: plan.id,
      ...newActionFields(planTerms(plan), position, finding.timescale),
      title: shortTitle(finding.text),
      description: finding.text,
      ownerId: null,
      managerId: null,
      organisationId: null,
      carriedFromId: null,
      createdAt: now,
      updatedAt: now,
    };
  }

  private async transition(actor: Actor, planId: string, version: number, from: Plan['status'], to: Plan['status'], event: string) {
    return this.db.transaction(async (tx) => {
      const plan = await this.load(tx, actor.authorityId, planId);
      this.assertVersion(plan, version);
      if (plan.status !== from)
        throw new AppError('unprocessable', 'invalid_plan_transition', `Only a ${from} plan can become ${to}; this plan is ${plan.status}`);
      const before = { status: plan.status };
      plan.status = to;
      await this.save(tx, plan, version);
      await this.audit.record(
        { authorityId: plan.authorityId, entityType: 'plan', entityId: plan.id, event, actorId: actor.userId, before, after: { status: to } },
        tx,
      );
      await this.runHooks(tx, plan);
      return plan;
    });
  }

  private assertVersion(plan: Plan, version: number) {
    if (plan.version !== version)
      throw new AppError('conflict', 'stale_version', 'Someone else changed this plan since you loaded it: reload it and make your change again', {
        current: plan,
      });
  }

  private async save(tx: EntityManager, plan: Plan, expectedVersion: number) {
    plan.version = expectedVersion + 1;
    plan.updatedAt = this.clock.nowIso();
    const { id, authorityId, ...fields } = plan;
    const result = await tx.update(Plan, { id, authorityId, version: expectedVersion }, fields);
    if (!result.affected)
      throw new AppError('conflict', 'stale_version', 'Someone else changed this plan since you loaded it: reload it and make your change again');
  }

  /** Lets hooks (reminders) follow a change that touches every action of the plan. */
  private async runHooks(tx: EntityManager, plan: Plan) {
    if (!this.hooks?.length) return;
    for (const action of await tx.findBy(Action, { planId: plan.id })) {
      for (const hook of this.hooks) await hook.afterActionChange(tx, action, plan);
    }
  }

  /**
   * Keeps due dates in line with a plan's new start date or settings. Only a draft plan's dates move, and
   * only those its old terms derived from the timescale: a date set by hand stays, as on an active plan.
   */
  private async redateActions(tx: EntityManager, before: Plan, plan: Plan) {
    const [was, now] = [planTerms(before), planTerms(plan)];
    if (JSON.stringify(was) === JSON.stringify(now)) return;
    const actions = await tx.find(Action, { where: { planId: plan.id, authorityId: plan.authorityId }, select: { id: true, timescale: true, dueDate: true } });
    for (const a of actions) {
      const derived = plan.status === 'draft' && a.dueDate === dueDateOf(was, a.timescale);
      const dueDate = derived ? dueDateOf(now, a.timescale) : a.dueDate;
      await tx.update(Action, { id: a.id, authorityId: plan.authorityId }, { dueDate, warnFrom: warnFromOf(dueDate, plan.warningWindowDays) });
    }
  }
}

const earliest = (dates: (string | null)[]) => dates.filter((d): d is string => !!d).sort()[0] ?? null;

/** A readable title from a finding: its first clause, cut at a word boundary. */
export function shortTitle(text: string, max = 120): string {
  const clean = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:]$/, '');
  const sentence = clean.charAt(0).toUpperCase() + clean.slice(1);
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
