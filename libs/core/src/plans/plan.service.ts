import { Inject, Injectable, Optional } from '@nestjs/common';
import { actionRef, DEFAULT_PLAN_SETTINGS, dueDateOf, newActionFields, warnFromOf } from '@app/domain';
import { Action, Finding, Plan } from '@app/database/entities';
import { Transactions } from '@app/database/transactions';
import { AppError, badRequest, notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { ACTION_HOOKS, ActionHook } from '../actions/action-hooks';
import { ActionRepositories } from '../actions/action.repository';
import { PlanRepositories } from './plan.repository';
import { Actor, authorize } from '../request-context';
import { earliest, NewPlan, PlanChanges, planTerms, shortTitle } from './plan-terms';

export * from './plan-terms';

/** Improvement plans: draft -> active -> closed, made from source documents, owning actions. */
@Injectable()
export class PlanService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repositories: PlanRepositories,
    private readonly actionRepositories: ActionRepositories,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Optional() @Inject(ACTION_HOOKS) private readonly hooks: ActionHook[] = [],
  ) {}

  /** Joins the caller's transaction when there is one (a plan made with its actions, or by an import). */
  async create(actor: Actor, input: NewPlan): Promise<Plan> {
    authorize(actor, input.settings && Object.keys(input.settings).length ? ['plan.create', 'plan.settings'] : 'plan.create');
    const plans = this.repositories.for(actor.authorityId);
    return this.transactions.run(async () => {
      if (!(await plans.boardExists(input.boardId))) throw notFound('Board');
      const documentIds = [...new Set(input.documentIds ?? [])];
      const documents = await plans.documents(documentIds);
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
      await plans.insert(plan);
      await plans.linkDocuments(documentIds.map((documentId) => ({ id: newId(), authorityId: actor.authorityId, planId: plan.id, documentId })));
      const after = { ...plan, documentIds };
      await this.audit.record({ authorityId: actor.authorityId, entityType: 'plan', entityId: plan.id, event: 'plan_created', actorId: actor.userId, after });
      return plan;
    });
  }

  /** Adds one action per finding of the plan's documents not yet answered, with due dates from timescales. */
  async addActionsFromFindings(actor: Actor, planId: string): Promise<number> {
    authorize(actor, 'plan.edit');
    const actions = this.actionRepositories.for(actor.authorityId);
    return this.transactions.run(async () => {
      const plan = await this.loadForNewActions(actor.authorityId, planId);
      const findings = await this.repositories.for(actor.authorityId).findings(planId);
      const answered = await actions.answered(findings.map((f) => f.id));
      let position = (await actions.highestPosition(planId)) + 1;
      const pairs = findings.filter((f) => !answered.has(f.id)).map((finding) => ({ finding, action: this.actionFromFinding(plan, finding, position++) }));
      if (!pairs.length) return 0;
      const added = pairs.map((p) => p.action);
      await actions.insert(added);
      await actions.linkFindings(pairs.map(({ finding, action }) => ({ id: newId(), actionId: action.id, findingId: finding.id })));
      for (const action of added) {
        await this.audit.record({
          authorityId: plan.authorityId,
          entityType: 'action',
          entityId: action.id,
          event: 'action_created',
          actorId: actor.userId,
          after: action,
        });
      }
      await this.runHooks(added, plan);
      return added.length;
    });
  }

  async update(actor: Actor, planId: string, changes: PlanChanges): Promise<Plan> {
    authorize(actor, changes.settings && Object.keys(changes.settings).length ? ['plan.edit', 'plan.settings'] : 'plan.edit');
    return this.transactions.run(async () => {
      const plan = await this.get(actor.authorityId, planId);
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
      await this.save(plan, changes.version);
      await this.runHooks(await this.redateActions(before, plan), plan);
      await this.audit.record({
        authorityId: plan.authorityId,
        entityType: 'plan',
        entityId: plan.id,
        event: 'plan_updated',
        actorId: actor.userId,
        before,
        after: plan,
      });
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
    const actions = this.actionRepositories.for(actor.authorityId);
    return this.transactions.run(async () => {
      const from = await this.get(actor.authorityId, fromPlanId);
      const to = await this.get(actor.authorityId, toPlanId);
      if (from.status !== 'closed') throw new AppError('unprocessable', 'plan_not_closed', 'Close the plan before carrying its open actions over');
      if (to.status === 'closed' || to.id === from.id)
        throw new AppError('unprocessable', 'invalid_successor', 'Carry actions over into a draft or active plan other than this one');
      await this.repositories.for(actor.authorityId).lock(to.id);
      const open = await actions.ofPlan(from.id, true);
      let position = (await actions.highestPosition(to.id)) + 1;
      const now = this.clock.nowIso();
      const copies = open.map((original): Action => ({
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
      }));
      await actions.insert(copies);
      const links = await actions.findingLinks(open.map((a) => a.id));
      const copyOf = new Map(copies.map((c) => [c.carriedFromId!, c.id]));
      await actions.linkFindings(links.map((l) => ({ id: newId(), actionId: copyOf.get(l.actionId)!, findingId: l.findingId })));
      const carried = open.map((original) => ({ ...original, status: 'carried_over' as const, version: original.version + 1, updatedAt: now }));
      for (const [i, original] of open.entries()) {
        const copy = copies[i];
        await actions.update(original.id, { status: 'carried_over', version: original.version + 1, updatedAt: now });
        const base = { authorityId: copy.authorityId, entityType: 'action', actorId: actor.userId };
        await this.audit.record({
          ...base,
          entityId: original.id,
          event: 'action_carried_over',
          before: { status: original.status },
          after: { status: 'carried_over', successorId: copy.id },
        });
        await this.audit.record({ ...base, entityId: copy.id, event: 'action_created', after: copy });
      }
      if (!to.predecessorId) await this.repositories.for(actor.authorityId).setPredecessor(to.id, from.id);
      await this.runHooks(carried, from);
      await this.runHooks(copies, to);
      return open.length;
    });
  }

  async get(authorityId: string, planId: string): Promise<Plan> {
    const plan = await this.repositories.for(authorityId).find(planId);
    if (!plan) throw notFound('Plan');
    return plan;
  }

  list(authorityId: string): Promise<Plan[]> {
    return this.repositories.for(authorityId).list();
  }

  /** The plan, open for new actions and locked for them (see PlanRepository.lock); in a transaction. */
  async loadForNewActions(authorityId: string, planId: string): Promise<Plan> {
    const plan = await this.get(authorityId, planId);
    this.assertNotClosed(plan);
    await this.repositories.for(authorityId).lock(planId);
    return plan;
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
      ...newActionFields(planTerms(plan), actionRef(position), finding.timescale),
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
    return this.transactions.run(async () => {
      const plan = await this.get(actor.authorityId, planId);
      this.assertVersion(plan, version);
      if (plan.status !== from)
        throw new AppError('unprocessable', 'invalid_plan_transition', `Only a ${from} plan can become ${to}; this plan is ${plan.status}`);
      const before = { status: plan.status };
      plan.status = to;
      await this.save(plan, version);
      await this.audit.record({
        authorityId: plan.authorityId,
        entityType: 'plan',
        entityId: plan.id,
        event,
        actorId: actor.userId,
        before,
        after: { status: to },
      });
      await this.runHooks(await this.actionRepositories.for(plan.authorityId).ofPlan(plan.id), plan);
      return plan;
    });
  }

  private assertVersion(plan: Plan, version: number) {
    if (plan.version !== version)
      throw new AppError('conflict', 'stale_version', 'Someone else changed this plan since you loaded it: reload it and make your change again', {
        current: plan,
      });
  }

  private async save(plan: Plan, expectedVersion: number) {
    plan.version = expectedVersion + 1;
    plan.updatedAt = this.clock.nowIso();
    if (!(await this.repositories.for(plan.authorityId).updateVersioned(plan, expectedVersion)))
      throw new AppError('conflict', 'stale_version', 'Someone else changed this plan since you loaded it: reload it and make your change again');
  }

  /** Lets hooks (reminders) follow a change to many of the plan's actions, in one call each. */
  private async runHooks(actions: Action[], plan: Plan) {
    if (!actions.length) return;
    for (const hook of this.hooks ?? []) await hook.afterActionsChange(actions, plan);
  }

  /**
   * Keeps due dates in line with a plan's new start date or settings; returns the plan's actions as
   * they are now. Only a draft plan's dates move, and only those its old terms derived from the
   * timescale: a date set by hand stays, as on an active plan. warnFrom follows the warning window.
   */
  private async redateActions(before: Plan, plan: Plan): Promise<Action[]> {
    const actions = this.actionRepositories.for(plan.authorityId);
    const all = await actions.ofPlan(plan.id);
    const [was, now] = [planTerms(before), planTerms(plan)];
    if (JSON.stringify(was) === JSON.stringify(now)) return all;
    const redated: Action[] = [];
    for (const a of all) {
      const derived = plan.status === 'draft' && a.dueDate === dueDateOf(was, a.timescale);
      const dueDate = derived ? dueDateOf(now, a.timescale) : a.dueDate;
      const warnFrom = warnFromOf(dueDate, plan.warningWindowDays);
      if (dueDate !== a.dueDate || warnFrom !== a.warnFrom) await actions.update(a.id, { dueDate, warnFrom });
      redated.push({ ...a, dueDate, warnFrom });
    }
    return redated;
  }
}
