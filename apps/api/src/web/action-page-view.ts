import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ActionService, Authenticated, subjectOf } from '@app/core';
import { ACTION_STATUSES, ActionStatus, allowedTransitions, Decision, fromTracker, fullActionText, may, Rag, RAGS, statusDecision } from '@app/domain';
import { ActionSummary } from './action-rows';
import { changesSince, snapshot } from './action-snapshot';
import { PageRequest } from './csrf';
import { dateItems } from './date-field';
import { FormErrors } from './form-errors';
import { lineSpan } from './page-format';
import { PageRenderer } from './page-renderer';
import { RAG_LABELS, STATUS_LABELS } from './page-labels';
import { IdsOnPage, Names, PeopleDirectory } from './people-directory';
import { describeEvent, TimelineEvent } from './timeline-wording';

export type FormName = 'status' | 'rag' | 'note' | 'evidence' | 'due-date' | 'milestone' | 'evidence-link' | 'evidence-note';

export interface FormState {
  form?: FormName;
  errors?: FormErrors;
  values?: Record<string, string>;
  conflict?: { seen: Record<string, unknown> | null };
}

/** The action page: the action, its history and timeline, and the forms the person may use, with any form's errors. */
@Injectable()
export class ActionPageView {
  constructor(
    private readonly actions: ActionService,
    private readonly directory: PeopleDirectory,
    private readonly pages: PageRenderer,
  ) {}

  async render(actor: Authenticated, id: string, req: PageRequest, res: FastifyReply, state: FormState, status: number, success?: string) {
    // The layout's frame is read beside the action (PageRenderer.frame keeps it for the render).
    const [{ action, timeline: events, people }] = await Promise.all([this.actions.withTimeline(actor, id), this.pages.frame(req)]);
    const timeline = events as TimelineEvent[];
    const summary = action as unknown as ActionSummary;
    const names = await this.directory.named(actor.authorityId, idsOnPage(action, timeline, state.conflict?.seen ?? null).person(people.accountableManagerId));
    // The forms and choices offered are the policy's: the service checks the same decisions again.
    const open = action.plan.status !== 'closed';
    const subject = subjectOf(actor, people);
    const can = (decision: Decision) => open && may(subject, decision);
    const stage = action.plan.status === 'draft' ? 'draft' : 'active';
    const values = state.values ?? {};
    const view = (state.errors ?? new FormErrors()).view();
    await this.pages.render(
      req,
      res,
      'action.njk',
      {
        pageTitle: `${action.ref}: ${action.title}`,
        heading: fullActionText(action),
        description: action.description,
        showDescription: !repeatsWhatIsShown(action),
        findings: action.findings.map((f) => ({ text: f.text, section: f.section, place: lineSpan(f.lineStart, f.lineEnd) })),
        action,
        ragFromTracker: !!action.rag.override && fromTracker(action.rag.overrideReason),
        success,
        owner: names.personName(action.ownerId),
        manager: accountableManagerName(action.managerId, people.accountableManagerId, names),
        partner: names.organisationName(action.organisationId),
        dueDateHistory: action.dueDateHistory.map((c) => ({ ...c, by: names.personName(c.changedById) })),
        notes: action.notes.map((n) => ({ ...n, by: names.personName(n.authorId) })),
        evidence: action.evidence.map((e) => ({ ...e, by: names.personName(e.addedById) })),
        timeline: timeline.map((e) => ({ ...describeEvent(e, names), at: e.at, by: e.actorId ? names.personName(e.actorId) : 'The system' })).reverse(),
        canUpdateStatus: can('action.status.in_progress') || can('action.status.verified'),
        canFlagAtRisk: can('action.atRisk'),
        canAddNote: can('action.note'),
        canAddEvidence: can('action.evidence'),
        canChangeMilestones: can('action.milestone'),
        canChangeDueDate: can(`action.dueDate.${stage}`),
        dueDateItems: dateItems('dueDate', state.form === 'due-date' ? values : {}, !!view.errors['dueDate-day']),
        milestoneDueItems: dateItems('milestoneDue', state.form === 'milestone' ? values : {}, !!view.errors['milestoneDue-day']),
        statusItems: statusChoices(action.status, can, state.form === 'status' ? state.values?.status : undefined),
        ragItems: ragChoices(action.rag, can, state.form === 'rag' ? (state.values?.ragOverride ?? '') : (action.rag.override ?? '')),
        seen: snapshot(summary),
        form: state.form,
        values,
        ...view,
        conflict: state.conflict ? { changes: changesSince(state.conflict.seen, summary, names), by: lastChangeBy(timeline, names) } : null,
      },
      status,
    );
  }
}

/** The accountable manager as the page names them: one the action does not name is its owner's line manager (accountable-manager.ts). */
function accountableManagerName(named: string | null, accountable: string | null, names: Names): string | null {
  if (!accountable) return null;
  return named ? names.personName(accountable) : `${names.personName(accountable)} (the owner's line manager)`;
}

/** The ratings the person may choose, and the one set now (keeping it is no change); none when that is all. */
function ragChoices(rag: { derived: Rag | null; override: Rag | null }, can: (d: Decision) => boolean, chosen: string) {
  const rules = { value: '', text: `Use the rating from the rules (${rag.derived ? RAG_LABELS[rag.derived] : 'none'})` };
  const items = [rules, ...RAGS.map((r) => ({ value: r, text: RAG_LABELS[r] }))].filter(
    (item) => item.value === (rag.override ?? '') || can(item.value ? `action.rag.${item.value as Rag}` : 'action.rag.clear'),
  );
  return items.length > 1 ? items.map((item) => ({ ...item, checked: item.value === chosen })) : [];
}

function statusChoices(current: ActionStatus, can: (d: Decision) => boolean, chosen?: string) {
  const next = allowedTransitions(current).filter((s) => s !== 'carried_over' && can(statusDecision(current, s)));
  return ACTION_STATUSES.filter((s) => next.includes(s)).map((s) => ({ value: s, text: STATUS_LABELS[s], checked: s === chosen }));
}

/** Every person and partner the page names: the action's, its history's, and those of the changes its timeline describes. */
function idsOnPage(
  action: {
    ownerId: string | null;
    managerId: string | null;
    organisationId: string | null;
    dueDateHistory: { changedById: string | null }[];
    notes: { authorId: string | null }[];
    evidence: { addedById: string | null }[];
  },
  timeline: TimelineEvent[],
  seen: Record<string, unknown> | null,
): IdsOnPage {
  const ids = new IdsOnPage().person(action.ownerId, action.managerId).organisation(action.organisationId);
  ids.person(...action.dueDateHistory.map((c) => c.changedById), ...action.notes.map((n) => n.authorId), ...action.evidence.map((e) => e.addedById));
  for (const values of [...timeline.flatMap((e) => [e.before, e.after]), seen]) {
    if (!values) continue;
    ids.person(idOf(values.ownerId), idOf(values.managerId)).organisation(idOf(values.organisationId));
  }
  ids.person(...timeline.map((event) => event.actorId));
  return ids;
}

/** An id from a stored or posted record, if it is one. */
const idOf = (value: unknown) => (typeof value === 'string' ? value : null);

function lastChangeBy(timeline: TimelineEvent[], names: Names) {
  const last = [...timeline].reverse().find((e) => e.event === 'action_updated' || e.event.startsWith('action_status') || e.event === 'action_verified');
  return last ? { name: last.actorId ? names.personName(last.actorId) : 'The system', at: last.at } : null;
}

const folded = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** A description that only repeats the heading or the finding shown below it is not shown again. */
function repeatsWhatIsShown(action: { title: string; description: string; findings: { text: string }[] }): boolean {
  const description = folded(action.description);
  return !!description && (description === folded(fullActionText(action)) || action.findings.some((f) => folded(f.text) === description));
}
