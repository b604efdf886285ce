import { Inject, Injectable, Optional } from '@nestjs/common';
import { AGENDA_REASONS, AgendaReason, agendaReasons, compareRefs, daysOverdue, fullActionText, nextInSeries } from '@app/domain';
import { Action, AgendaItem, Meeting, Plan } from '@app/database/entities';
import { MeetingRepositories, MeetingRepository } from '@app/database/repositories/meeting.repository';
import { PeopleRepositories } from '@app/database/repositories/people.repository';
import { Transactions } from '@app/database/transactions';
import { badRequest, notFound } from '../app-error';
import { actionSummary } from '../actions/action-summary';
import { Clock } from '../clock';
import { newId } from '../ids';
import { PlanService } from '../plans/plan.service';
import { Actor, authorize } from '../request-context';
import { ACTION_NOTIFICATIONS_READERS, ActionNotificationsReader, whoHasBeenTold } from './action-notifications';
import { MeetingAccess, notAMember } from './meeting-access';

/** Events in an action's audit trail that count as a change the board should hear about. */
const CHANGE_EVENTS = new Set(['action_updated', 'action_status_changed', 'action_verified', 'evidence_added', 'progress_note_added', 'milestone_done']);

/** The agenda section a drafted item goes in, by its first reason. */
export const AGENDA_SECTIONS: Partial<Record<AgendaReason, string>> = {
  awaiting_verification: 'For verification',
  overdue: 'Overdue and blocked',
  blocked: 'Overdue and blocked',
  due_before_next: 'Due before the next meeting',
  at_risk: 'Due before the next meeting',
  changed: 'Changes since the last meeting',
  carried: 'Carried from the last meeting',
};

export interface AgendaItemChanges {
  section?: string | null;
  presenterId?: string | null;
  minutesAllotted?: number | null;
  position?: number;
}

export interface NewAgendaItem extends AgendaItemChanges {
  actionId?: string;
  title?: string;
}

/**
 * A meeting's agenda: drafted from the plan (awaiting verification, overdue, blocked, due before the
 * next meeting, changed since the last one, not reached last time), then edited by the board. An
 * item the chair edited or added stays as it is on re-drafting; one they removed stays off
 * (kept with a negative position).
 */
@Injectable()
export class MeetingAgendaService {
  constructor(
    private readonly transactions: Transactions,
    private readonly meetings: MeetingRepositories,
    private readonly people: PeopleRepositories,
    private readonly plans: PlanService,
    private readonly access: MeetingAccess,
    private readonly clock: Clock,
    @Optional() @Inject(ACTION_NOTIFICATIONS_READERS) private readonly readers: ActionNotificationsReader[] = [],
  ) {}

  async draft(actor: Actor, meetingId: string) {
    authorize(actor, 'meeting.plan');
    const repo = this.meetings.for(actor.authorityId);
    return this.transactions.run(async () => {
      const meeting = await this.access.loadForBoard(actor, meetingId, true);
      const plan = await this.plans.get(actor.authorityId, meeting.planId);
      const { wanted, carriedFree, actions } = await this.candidates(repo, meeting, plan);
      const existing = await repo.agenda(meeting.id);
      const decided = new Set((await repo.decisions(meeting.id)).map((d) => d.agendaItemId));
      const byAction = new Map(existing.filter((i) => i.actionId).map((i) => [i.actionId!, i]));
      const dropped: string[] = [];
      for (const item of existing) {
        if (item.chairEdited || !item.actionId) continue;
        const reasons = wanted.get(item.actionId)?.reasons;
        if (reasons) await repo.updateAgendaItem(item.id, { reasons: reasons.join(',') });
        else if (!decided.has(item.id)) dropped.push(item.id);
      }
      await repo.deleteAgendaItems(dropped);
      let position = Math.max(0, ...existing.map((i) => i.position));
      const added = [...wanted.values()]
        .filter((w) => !byAction.has(w.action.id))
        .map((w) => this.newItem(meeting, w.action, w.reasons, ++position, w.carriedFromId));
      // A cancelled meeting's items that are not actions (reports, other business) come too, once.
      const carriedHere = new Set(existing.map((i) => i.carriedFromId));
      for (const free of carriedFree.filter((f) => !carriedHere.has(f.id)))
        added.push({
          ...this.newItem(meeting, null, ['carried'], ++position, free.id),
          title: free.title,
          section: free.section,
          presenterId: free.presenterId,
          minutesAllotted: free.minutesAllotted,
        });
      await repo.insertAgenda(added);
      await this.access.record(actor, meeting.id, 'agenda_drafted', { added: added.length, removed: dropped.length });
      const items = (await repo.agenda(meeting.id)).filter((i) => i.position >= 0).map(itemView);
      // The agenda's actions are all the plan's (an action of another plan is refused).
      const onAgenda = actions.filter((a) => items.some((i) => i.actionId === a.id));
      const toldAbout = await whoHasBeenTold(this.readers, actor.authorityId, onAgenda, meeting, this.clock.today());
      const name = await this.access.namer(actor.authorityId, toldAbout.personIds);
      const told = toldAbout.named((id) => name(id)!);
      const byId = new Map(onAgenda.map((a) => [a.id, a]));
      return { items: items.map((i) => ({ ...i, title: itemTitle(i, byId.get(i.actionId!)), told: told(i.actionId) })) };
    });
  }

  async add(actor: Actor, meetingId: string, input: NewAgendaItem) {
    authorize(actor, 'meeting.plan');
    const repo = this.meetings.for(actor.authorityId);
    return this.transactions.run(async () => {
      const meeting = await this.access.loadForBoard(actor, meetingId, true);
      let title = input.title?.trim() ?? '';
      if (input.actionId) {
        const [action] = await repo.actionsById([input.actionId]);
        if (!action) throw notFound('Action');
        if (action.planId !== meeting.planId) throw badRequest('other_plan', "That action is not in this meeting's plan: choose one of the plan's actions.");
        if ((await repo.agenda(meeting.id)).some((i) => i.actionId === action.id && i.position >= 0))
          throw badRequest('already_on_agenda', 'That action is already on the agenda.');
        title = `${action.ref} ${action.title}`;
      } else if (!title) throw badRequest('title_required', 'Give the item a title, or choose an action.');
      await this.checkPresenter(actor, input.presenterId);
      const items = await repo.agenda(meeting.id);
      const item = {
        ...this.newItem(meeting, null, ['added'], Math.max(0, ...items.map((i) => i.position)) + 1, null),
        actionId: input.actionId ?? null,
        title: title.slice(0, 300),
        section: input.section?.trim() || null,
        presenterId: input.presenterId ?? null,
        minutesAllotted: input.minutesAllotted ?? null,
        chairEdited: true,
      };
      await repo.insertAgenda([item]);
      await this.access.record(actor, meeting.id, 'agenda_item_added', item);
      return itemView({ ...item, authorityId: actor.authorityId });
    });
  }

  async update(actor: Actor, meetingId: string, itemId: string, changes: AgendaItemChanges) {
    authorize(actor, 'meeting.plan');
    const repo = this.meetings.for(actor.authorityId);
    return this.transactions.run(async () => {
      const meeting = await this.access.loadForBoard(actor, meetingId, true);
      const item = await repo.agendaItem(meeting.id, itemId);
      if (!item || item.position < 0) throw notFound('Agenda item');
      await this.checkPresenter(actor, changes.presenterId);
      const next: Partial<AgendaItem> = { chairEdited: true };
      if (changes.section !== undefined) next.section = changes.section?.trim() || null;
      if (changes.presenterId !== undefined) next.presenterId = changes.presenterId;
      if (changes.minutesAllotted !== undefined) next.minutesAllotted = changes.minutesAllotted;
      await repo.updateAgendaItem(item.id, next);
      if (changes.position !== undefined) await this.move(repo, meeting.id, item.id, changes.position);
      await this.access.record(actor, meeting.id, 'agenda_item_changed', { id: item.id, ...changes });
      return itemView((await repo.agendaItem(meeting.id, item.id))!);
    });
  }

  async remove(actor: Actor, meetingId: string, itemId: string) {
    authorize(actor, 'meeting.plan');
    const repo = this.meetings.for(actor.authorityId);
    return this.transactions.run(async () => {
      const meeting = await this.access.loadForBoard(actor, meetingId, true);
      const item = await repo.agendaItem(meeting.id, itemId);
      if (!item || item.position < 0) throw notFound('Agenda item');
      await repo.updateAgendaItem(item.id, { position: -1, chairEdited: true });
      await this.access.record(actor, meeting.id, 'agenda_item_removed', { id: item.id, title: item.title });
      return { removed: item.id };
    });
  }

  /** The actions the board should look at, with why, in the order the agenda takes them. */
  private async candidates(repo: MeetingRepository, meeting: Meeting, plan: Plan) {
    const actions = await repo.planActions(plan.id);
    // The last meeting the board held; those cancelled since pass their whole agenda on.
    const cancelled: Meeting[] = [];
    let previous = await repo.previous(meeting);
    while (previous?.status === 'cancelled') {
      cancelled.unshift(previous);
      previous = await repo.previous(previous);
    }
    const next = (await repo.next(meeting))?.date ?? nextInSeries(meeting.date)[0];
    const changed = new Set<string>();
    if (previous) for (const e of await this.access.changesSince(meeting.authorityId, previous)) if (CHANGE_EVENTS.has(e.event)) changed.add(e.actionId);
    const carried = new Map<string, string>();
    const carriedFree: AgendaItem[] = [];
    for (const earlier of [...(previous ? [previous] : []), ...cancelled]) {
      const decided = new Set((await repo.decisions(earlier.id)).map((d) => d.actionId));
      for (const item of await repo.agenda(earlier.id)) {
        if (item.position < 0) continue;
        if (item.actionId && !decided.has(item.actionId)) carried.set(item.actionId, item.id);
        else if (!item.actionId && earlier.status === 'cancelled') carriedFree.push(item);
      }
    }
    const passedOn = new Set(carriedFree.map((i) => i.carriedFromId));
    const today = this.clock.today();
    const wanted: { action: Action; reasons: AgendaReason[]; carriedFromId: string | null }[] = [];
    for (const action of actions) {
      const rag = actionSummary(action, plan, today).rag.effective;
      const reasons = agendaReasons({ status: action.status, dueDate: action.dueDate, rag, changedSinceLast: changed.has(action.id) }, meeting.date, next);
      const stillOpen = ['not_started', 'in_progress', 'blocked', 'completed'].includes(action.status);
      if (carried.has(action.id) && stillOpen) reasons.push('carried');
      if (reasons.length) wanted.push({ action, reasons, carriedFromId: carried.get(action.id) ?? null });
    }
    const rank = (w: (typeof wanted)[number]) => AGENDA_REASONS.indexOf(w.reasons[0]);
    wanted.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        daysOverdue(b.action.dueDate, meeting.date) - daysOverdue(a.action.dueDate, meeting.date) ||
        compareRefs(a.action.ref, b.action.ref),
    );
    return { wanted: new Map(wanted.map((w) => [w.action.id, w])), carriedFree: carriedFree.filter((i) => !passedOn.has(i.id)), actions };
  }

  private newItem(
    meeting: Meeting,
    action: Action | null,
    reasons: AgendaReason[],
    position: number,
    carriedFromId: string | null,
  ): Omit<AgendaItem, 'authorityId'> {
    return {
      id: newId(),
      meetingId: meeting.id,
      actionId: action?.id ?? null,
      title: action ? `${action.ref} ${action.title}`.slice(0, 300) : '',
      section: AGENDA_SECTIONS[reasons[0]] ?? null,
      presenterId: action?.ownerId ?? null,
      minutesAllotted: null,
      position,
      reasons: reasons.join(','),
      chairEdited: false,
      carriedFromId,
      createdAt: this.clock.nowIso(),
    };
  }

  /** Puts the item at a 1-based place among the listed items and renumbers them. */
  private async move(repo: MeetingRepository, meetingId: string, itemId: string, to: number) {
    const items = (await repo.agenda(meetingId)).filter((i) => i.position >= 0 && i.id !== itemId);
    const moved = (await repo.agendaItem(meetingId, itemId))!;
    items.splice(Math.max(0, Math.min(items.length, to - 1)), 0, moved);
    for (const [i, item] of items.entries()) if (item.position !== i + 1) await repo.updateAgendaItem(item.id, { position: i + 1 });
  }

  private async checkPresenter(actor: Actor, presenterId: string | null | undefined) {
    if (presenterId && !(await this.people.for(actor.authorityId).isMember(presenterId)))
      throw notAMember('The presenter is not a person in this council: choose someone from the list.');
  }
}

/** An item as the board reads it: an action's ref and whole text (a title cut from a long finding gives way to it), else its own title. */
export function itemTitle(item: { title: string }, action: Pick<Action, 'ref' | 'title' | 'description'> | undefined): string {
  return action ? `${action.ref} ${fullActionText(action)}` : item.title;
}

export function itemView(item: AgendaItem) {
  const { authorityId: _a, reasons, ...rest } = item;
  return { ...rest, reasons: reasons ? (reasons.split(',') as AgendaReason[]) : [] };
}
