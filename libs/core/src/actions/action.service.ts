import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  ActionPeople,
  actionRef,
  ActionStatus,
  assertNotPast,
  assertTransition,
  Decision,
  decisionsForActionChange,
  may,
  needsEvidence,
  newActionFields,
  planRefNumber,
  statusDecision,
  warnFromOf,
} from '@app/domain';
import { Action, Plan } from '@app/database/entities';
import { OrganisationRepositories } from '@app/database/repositories/organisation.repository';
import { PeopleRepositories } from '@app/database/repositories/people.repository';
import { Transactions } from '@app/database/transactions';
import { badRequest, notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { MeasureService } from '../measures/measure.service';
import { planTerms, PlanService } from '../plans/plan.service';
import { PlanRepositories } from '../plans/plan.repository';
import { Actor, authorize, subjectOf } from '../request-context';
import { actionPeopleOf } from './accountable-manager';
import { ACTION_HOOKS, ActionHook } from './action-hooks';
import { ActionFilter } from './action-list';
import { ActionChanges, NewAction } from './action-inputs';
import { actionSummary, staleAction } from './action-summary';
import { ActionRepositories, ActionRepository, ChosenIds, FilterChoices } from './action.repository';

export * from './action-inputs';
export * from './action-list';

@Injectable()
export class ActionService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repositories: ActionRepositories,
    private readonly planRepositories: PlanRepositories,
    private readonly people: PeopleRepositories,
    private readonly organisations: OrganisationRepositories,
    private readonly audit: AuditService,
    private readonly plans: PlanService,
    private readonly measures: MeasureService,
    private readonly clock: Clock,
    @Optional() @Inject(ACTION_HOOKS) private readonly hooks: ActionHook[] = [],
  ) {}

  /** Today's date in London (the Clock's). */
  today(): string {
    return this.clock.today();
  }

  /** A new action; `decision` is what lets the actor add it (a review's follow-up is the commissioner's). */
  async create(actor: Actor, planId: string, input: NewAction, decision: Decision = 'action.create') {
    return (await this.createMany(actor, planId, [input], decision))[0];
  }

  /**
   * New actions of one plan, in the order given, in one transaction: each checked, numbered and audited as
   * `create` does for one, but the plan, the people, the refs and the hooks read once for them all.
   */
  async createMany(actor: Actor, planId: string, inputs: NewAction[], decision: Decision = 'action.create') {
    authorize(actor, decision);
    const actions = this.repositories.for(actor.authorityId);
    return this.transactions.run(async () => {
      const plan = await this.plans.loadForNewActions(actor.authorityId, planId);
      // A tracker's dates are the council's record, not set by a person now (past-dates.ts).
      for (const input of inputs) if (input.dueDate && !input.recorded) assertNotPast(input.dueDate, this.today(), 'due date');
      const managers = await this.checkPeopleOfMany(actor, inputs);
      const findingIds = [...new Set(inputs.flatMap((input) => input.findingIds ?? []))];
      if ((await actions.existingFindings(findingIds)).size !== findingIds.length) throw notFound('Finding');
      const taken = await actions.refsTaken(
        planId,
        inputs.map((input) => input.ref).filter((ref): ref is string => !!ref),
      );
      const kept = inputs.map((input) => (input.ref && !taken.has(input.ref) ? (taken.add(input.ref), input.ref) : null));
      // The others are numbered on from the plan's highest A number and any the batch keeps, so none clashes.
      let position = kept.reduce((n, ref) => Math.max(n, (ref && planRefNumber(ref)) || 0), await actions.highestPosition(planId));
      const now = this.clock.nowIso();
      const created = inputs.map((input, i): Action => {
        return {
          id: newId(),
          authorityId: actor.authorityId,
          planId,
          ...newActionFields(planTerms(plan), kept[i] ?? actionRef(++position), input.timescale ?? 'unspecified', input.dueDate),
          ...input.recorded,
          title: input.title.trim(),
          description: input.description?.trim() ?? '',
          ownerId: input.ownerId ?? null,
          managerId: input.managerId ?? (input.ownerId ? (managers.get(input.ownerId) ?? null) : null),
          organisationId: input.organisationId ?? null,
          carriedFromId: null,
          createdAt: now,
          updatedAt: now,
        };
      });
      await actions.insert(created);
      await actions.linkFindings(
        created.flatMap((action, i) => [...new Set(inputs[i].findingIds ?? [])].map((findingId) => ({ id: newId(), actionId: action.id, findingId }))),
      );
      await this.audit.recordMany(
        created.map((action) => ({
          authorityId: actor.authorityId,
          entityType: 'action',
          entityId: action.id,
          event: 'action_created',
          actorId: actor.userId,
          after: action,
        })),
      );
      if (created.length === 1) await this.runHooks(created[0], plan);
      else for (const hook of this.hooks ?? []) await hook.afterActionsChange(created, plan);
      return created.map((action) => this.summary(action, plan));
    });
  }

  async get(actor: Actor, id: string) {
    const { action, plan } = await this.loadWithPlan(actor.authorityId, id);
    return this.details(action, plan);
  }

  /** The action as `get` gives it, its timeline and its people (for the forms the policy offers): the action page's reads, loading the action once. */
  async withTimeline(actor: Actor, id: string) {
    const { action, plan } = await this.loadWithPlan(actor.authorityId, id);
    const [details, timeline, people] = await Promise.all([
      this.details(action, plan),
      this.audit.timeline(actor.authorityId, 'action', id),
      this.peopleOf(action),
    ]);
    return { action: details, timeline, people };
  }

  async update(actor: Actor, id: string, changes: ActionChanges) {
    const decide = (action: Action, plan: Plan) => decisionsForActionChange(action, plan.status, changes);
    return this.mutate(actor, id, changes.version, decide, async (action, plan) => {
      await this.checkPeople(actor, changes);
      if (changes.ragOverride && !changes.ragOverrideReason?.trim()) {
        throw badRequest('reason_required', 'Give a reason for overriding the RAG rating');
      }
      const next: Partial<Action> = {};
      for (const key of ['title', 'description', 'ownerId', 'managerId', 'organisationId', 'atRisk'] as const) {
        if (changes[key] !== undefined)
          (next as Record<string, unknown>)[key] = typeof changes[key] === 'string' ? (changes[key] as string).trim() : changes[key];
      }
      if (changes.ownerId && changes.managerId === undefined && changes.ownerId !== action.ownerId) {
        next.managerId = await this.people.for(actor.authorityId).lineManagerOf(changes.ownerId);
      }
      if (changes.ragOverride !== undefined) {
        next.ragOverride = changes.ragOverride;
        next.ragOverrideReason = changes.ragOverride ? changes.ragOverrideReason!.trim() : null;
      }
      if (changes.dueDate !== undefined && changes.dueDate !== action.dueDate) {
        assertNotPast(changes.dueDate, this.today(), 'due date');
        await this.changeDueDate(actor, action, plan, changes.dueDate, changes.dueDateReason);
        next.dueDate = changes.dueDate;
        next.warnFrom = warnFromOf(changes.dueDate, plan.warningWindowDays);
      }
      return { changes: next, event: 'action_updated' };
    });
  }

  async changeStatus(actor: Actor, id: string, input: { version: number; status: ActionStatus; reason?: string | null }) {
    const decide = (action: Action) => [statusDecision(action.status, input.status)];
    return this.mutate(actor, id, input.version, decide, async (action) => {
      // Only completing an action asks for its evidence, so only then is it counted.
      const evidenceCount = needsEvidence(input.status) ? await this.repositories.for(actor.authorityId).evidenceCount(id) : 0;
      // A board decision: the actor's roles (or a meeting) make it, never their relation to the action.
      const byBoardDecision = may(subjectOf(actor), 'action.status.verified');
      assertTransition(action.status, input.status, { evidenceCount, reason: input.reason, byBoardDecision });
      const reason = input.reason?.trim() || null;
      return { changes: { status: input.status, statusReason: reason }, event: input.status === 'verified' ? 'action_verified' : 'action_status_changed' };
    });
  }

  async addNote(actor: Actor, id: string, body: string) {
    return this.append(actor, id, 'action.note', async (action, actions) => {
      const note = {
        id: newId(),
        authorityId: actor.authorityId,
        actionId: action.id,
        authorId: actor.userId,
        body: body.trim(),
        createdAt: this.clock.nowIso(),
      };
      await actions.addNote(note);
      return { event: 'progress_note_added', record: note };
    });
  }

  /** `done` records a milestone already reached, which may be dated in the past. */
  async addMilestone(actor: Actor, id: string, title: string, dueDate: string | null, done = false) {
    if (dueDate && !done) assertNotPast(dueDate, this.today(), 'milestone');
    return this.append(actor, id, 'action.milestone', async (action, actions) => {
      const milestone = {
        id: newId(),
        authorityId: actor.authorityId,
        actionId: action.id,
        title: title.trim(),
        dueDate,
        doneAt: done ? this.clock.nowIso() : null,
        createdAt: this.clock.nowIso(),
      };
      await actions.addMilestone(milestone);
      return { event: 'milestone_added', record: milestone };
    });
  }

  async setMilestoneDone(actor: Actor, id: string, milestoneId: string, done: boolean) {
    return this.append(actor, id, 'action.milestone', async (action, actions) => {
      const milestone = await actions.findMilestone(action.id, milestoneId);
      if (!milestone) throw notFound('Milestone');
      milestone.doneAt = done ? this.clock.nowIso() : null;
      await actions.setMilestoneDone(milestone);
      return { event: done ? 'milestone_done' : 'milestone_reopened', record: milestone };
    });
  }

  /** Adds a note, milestone or evidence: not an edit of the action's fields, so no version check. */
  async append<T>(
    actor: Actor,
    id: string,
    decision: Decision,
    work: (action: Action, actions: ActionRepository) => Promise<{ event: string; record: T }>,
  ): Promise<T> {
    return this.transactions.run(async () => {
      const { action, plan } = await this.loadWithPlan(actor.authorityId, id);
      authorize(actor, decision, await this.peopleOf(action));
      this.plans.assertNotClosed(plan);
      const { event, record } = await work(action, this.repositories.for(actor.authorityId));
      await this.audit.record({ authorityId: actor.authorityId, entityType: 'action', entityId: id, event, actorId: actor.userId, after: record });
      return record;
    });
  }

  async list(actor: Actor, filter: ActionFilter, known: Plan[] = []) {
    return (await this.lists(actor, [filter], known))[0];
  }

  /** Several lists at once (a page's regions): the plans of all their rows are read in one statement, less any the caller has. */
  async lists(actor: Actor, filters: ActionFilter[], known: Plan[] = []) {
    const today = this.today();
    const actions = this.repositories.for(actor.authorityId);
    const found = await Promise.all(filters.map((filter) => actions.list(filter, today)));
    const plans = new Map(known.map((p) => [p.id, p]));
    const missing = found.flatMap(({ rows }) => rows.map((r) => r.planId)).filter((id) => !plans.has(id));
    if (missing.length) for (const p of await this.planRepositories.for(actor.authorityId).findMany(missing)) plans.set(p.id, p);
    return found.map(({ rows, total }, i) => ({
      items: rows.map((a) => this.summary(a, plans.get(a.planId)!, today)),
      page: filters[i].page,
      pageSize: filters[i].pageSize,
      total,
    }));
  }

  /** Counts by status and by effective RAG for one plan. */
  async dashboard(actor: Actor, planId: string) {
    const plan = await this.plans.get(actor.authorityId, planId);
    const today = this.today();
    return { plan, today, ...(await this.repositories.for(actor.authorityId).counts(planId, today)) };
  }

  /** What the plan's owner, manager and partner filters offer: whom its actions name, and any choice already made here. */
  filterChoices(actor: Actor, planId: string, chosen: ChosenIds): Promise<FilterChoices> {
    return this.repositories.for(actor.authorityId).filterChoices(planId, chosen);
  }

  async timeline(actor: Actor, id: string) {
    await this.load(actor.authorityId, id);
    return this.audit.timeline(actor.authorityId, 'action', id);
  }

  async load(authorityId: string, id: string): Promise<Action> {
    const action = await this.repositories.for(authorityId).find(id);
    if (!action) throw notFound('Action');
    return action;
  }

  /** The action's owner and accountable manager (its own, or its owner's line manager here), as the policy weighs them. */
  private peopleOf(action: Action): Promise<ActionPeople> {
    return actionPeopleOf(action, (userId) => this.people.for(action.authorityId).lineManagerOf(userId));
  }

  private async loadWithPlan(authorityId: string, id: string): Promise<{ action: Action; plan: Plan }> {
    const found = await this.repositories.for(authorityId).findWithPlan(id);
    if (!found) throw notFound('Action');
    return found;
  }

  /** A versioned change: the policy's decisions for it are checked against the action as it is now, then the version. */
  private async mutate(
    actor: Actor,
    id: string,
    version: number,
    decide: (action: Action, plan: Plan) => Decision[],
    work: (action: Action, plan: Plan) => Promise<{ changes: Partial<Action>; event: string }>,
  ) {
    const actions = this.repositories.for(actor.authorityId);
    return this.transactions.run(async () => {
      const { action, plan } = await this.loadWithPlan(actor.authorityId, id);
      authorize(actor, decide(action, plan), await this.peopleOf(action));
      if (action.version !== version) throw this.conflict(action, plan);
      this.plans.assertNotClosed(plan);
      const { changes, event } = await work(action, plan);
      const now = this.clock.nowIso();
      if (!(await actions.updateVersioned(id, version, { ...changes, version: version + 1, updatedAt: now })))
        throw this.conflict(await this.load(actor.authorityId, id), plan);
      const after = { ...action, ...changes, version: version + 1, updatedAt: now };
      const keys = Object.keys(changes);
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'action',
        entityId: id,
        event,
        actorId: actor.userId,
        before: pick(action, keys),
        after: pick(after, keys),
        at: now,
      });
      await this.runHooks(after, plan, action);
      return this.summary(after, plan);
    });
  }

  private async runHooks(action: Action, plan: Plan, before?: Action): Promise<void> {
    for (const hook of this.hooks ?? []) await hook.afterActionChange(action, plan, before);
  }

  private conflict(current: Action, plan: Plan) {
    return staleAction(actionSummary(current, plan, this.today()));
  }

  private async changeDueDate(actor: Actor, action: Action, plan: Plan, toDate: string, reason?: string) {
    if (plan.status === 'active' && !reason?.trim())
      throw badRequest('reason_required', "Give the reason for the board's decision to change the due date (dueDateReason)");
    await this.repositories.for(actor.authorityId).addDueDateChange({
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

  /** Checks the people and partners of new actions, each once; gives the line manager of each owner whose action names no manager. */
  private async checkPeopleOfMany(actor: Actor, inputs: NewAction[]): Promise<Map<string, string | null>> {
    const distinct = <K extends 'ownerId' | 'managerId' | 'organisationId'>(key: K) => [
      ...new Set(inputs.map((i) => i[key]).filter((id): id is string => !!id)),
    ];
    for (const ownerId of distinct('ownerId')) await this.checkPeople(actor, { ownerId });
    for (const managerId of distinct('managerId')) await this.checkPeople(actor, { managerId });
    for (const organisationId of distinct('organisationId')) await this.checkPeople(actor, { organisationId });
    const people = this.people.for(actor.authorityId);
    const managers = new Map<string, string | null>();
    for (const input of inputs) {
      if (input.ownerId && !input.managerId && !managers.has(input.ownerId)) managers.set(input.ownerId, await people.lineManagerOf(input.ownerId));
    }
    return managers;
  }

  private async checkPeople(actor: Actor, input: { ownerId?: string | null; managerId?: string | null; organisationId?: string | null }) {
    const people = this.people.for(actor.authorityId);
    if (input.ownerId && !(await people.isMember(input.ownerId))) throw notFound('Owner');
    if (input.managerId && !(await people.isMember(input.managerId))) throw notFound('Manager');
    if (input.organisationId && !(await this.organisations.for(actor.authorityId).exists(input.organisationId))) throw notFound('Organisation');
  }

  summary(action: Action, plan: Plan, today = this.today()) {
    return actionSummary(action, plan, today);
  }

  private async details(action: Action, plan: Plan) {
    const [children, measures] = await Promise.all([
      this.repositories.for(action.authorityId).children(action.id),
      this.measures.forAction(action.authorityId, action.id),
    ]);
    return { ...this.summary(action, plan), plan: { id: plan.id, title: plan.title, status: plan.status }, ...children, measures };
  }
}

const pick = (o: object, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));
