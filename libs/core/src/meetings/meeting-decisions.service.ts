import { Injectable } from '@nestjs/common';
import { DecisionKind, longDate } from '@app/domain';
import { Action, Meeting, MeetingDecision } from '@app/database/entities';
import { MeetingRepositories } from '@app/database/repositories/meeting.repository';
import { PeopleRepositories } from '@app/database/repositories/people.repository';
import { Transactions } from '@app/database/transactions';
import { accountHooks } from '../accounts/account-hooks';
import { ActionService } from '../actions/action.service';
import { ActionRepositories } from '../actions/action.repository';
import { AppError, badRequest, notFound } from '../app-error';
import { Clock } from '../clock';
import { newId } from '../ids';
import { Actor, authorize } from '../request-context';
import { MeetingAccess, notAMember } from './meeting-access';
import { decisionSentence } from './meeting-minutes';

export interface NewDecision {
  actionId: string;
  kind: DecisionKind;
  comment?: string;
  dueDate?: string;
  ownerId?: string;
  managerId?: string;
  escalateToId?: string;
}

/**
 * The board's decisions at a meeting. Each acts through the action's own paths (ActionService, as
 * the board: `atMeeting`), so the status rules, reminders and conflicts are the ones every change
 * obeys; each is recorded, audited in the action's trail naming the meeting, and told to the owner.
 */
@Injectable()
export class MeetingDecisionService {
  constructor(
    private readonly transactions: Transactions,
    private readonly meetings: MeetingRepositories,
    private readonly people: PeopleRepositories,
    private readonly actions: ActionService,
    private readonly actionRepositories: ActionRepositories,
    private readonly access: MeetingAccess,
    private readonly clock: Clock,
  ) {}

  /** Whom the decision form offers to reassign an action to or escalate it to (see MeetingRepository.decisionPeople). */
  peopleToOffer(actor: Actor, planId: string, boardId: string) {
    return this.meetings.for(actor.authorityId).decisionPeople(planId, boardId);
  }

  async record(actor: Actor, meetingId: string, input: NewDecision) {
    authorize(actor, 'meeting.decide');
    const repo = this.meetings.for(actor.authorityId);
    return this.transactions.run(async () => {
      const meeting = await this.access.loadForBoard(actor, meetingId);
      const [action] = await repo.actionsById([input.actionId]);
      if (!action) throw notFound('Action');
      if (action.planId !== meeting.planId)
        throw badRequest('other_plan', "That action is not in this meeting's plan: decide on it at its own plan's meeting.");
      const comment = input.comment?.trim() ?? '';
      await this.check(actor, action, input, comment);
      await this.act({ ...actor, atMeeting: meeting.id }, action, input, comment);
      const item = (await repo.agenda(meeting.id)).find((i) => i.actionId === action.id && i.position >= 0);
      const decision = await repo.insertDecision({
        id: newId(),
        meetingId: meeting.id,
        actionId: action.id,
        agendaItemId: item?.id ?? null,
        kind: input.kind,
        comment,
        dueDate: input.kind === 'extend' ? input.dueDate! : null,
        ownerId: input.kind === 'reassign' ? (input.ownerId ?? null) : null,
        managerId: input.kind === 'reassign' ? (input.managerId ?? null) : null,
        escalateToId: input.kind === 'escalate' ? input.escalateToId! : null,
        decidedById: actor.userId,
        createdAt: this.clock.nowIso(),
      });
      if (meeting.status === 'planned') await repo.update(meeting.id, { status: 'in_progress', updatedAt: this.clock.nowIso() });
      const named = { meetingId: meeting.id, meetingDate: meeting.date, decisionId: decision.id, kind: decision.kind, comment };
      await this.actionsAudit(actor, action.id, named, decision);
      await this.access.record(actor, meeting.id, 'meeting_decision_recorded', { ...named, actionId: action.id });
      await this.tell(actor, meeting, action, decision);
      return decisionView(decision);
    });
  }

  private async check(actor: Actor, action: Action, input: NewDecision, comment: string) {
    const people = this.people.for(actor.authorityId);
    const member = async (id: string | undefined, who: string) => {
      if (id && !(await people.isMember(id))) throw notAMember(`The ${who} is not a person in this council: choose someone from the council's people.`);
    };
    switch (input.kind) {
      case 'verify':
        if ((await this.actionRepositories.for(actor.authorityId).evidenceCount(action.id)) === 0)
          throw new AppError('unprocessable', 'evidence_required', 'The action has no evidence: the board verifies only an action whose evidence it has seen.');
        return;
      case 'send_back':
        if (!comment) throw badRequest('comment_required', 'Say what the owner still has to do (comment): it goes to them with the action.');
        return;
      case 'extend':
        if (!input.dueDate) throw badRequest('due_date_required', 'Give the new due date (dueDate) for an extension.');
        if (!comment) throw badRequest('reason_required', 'Give the reason for the extension (comment): it is kept with the due-date history.');
        return;
      case 'reassign':
        if (!input.ownerId && !input.managerId) throw badRequest('person_required', 'Choose the new owner (ownerId) or accountable manager (managerId).');
        await member(input.ownerId, 'new owner');
        await member(input.managerId, 'new manager');
        return;
      case 'escalate':
        if (!input.escalateToId) throw badRequest('person_required', 'Choose the person the action is escalated to (escalateToId).');
        await member(input.escalateToId, 'person to escalate to');
        if (!comment) throw badRequest('comment_required', 'Say why it is escalated and what is asked of them (comment).');
        return;
      case 'note':
        if (!comment) throw badRequest('comment_required', 'Write what the board noted (comment).');
    }
  }

  /** Carries the decision out on the action, as the board. */
  private async act(board: Actor, action: Action, input: NewDecision, comment: string) {
    const version = action.version;
    switch (input.kind) {
      case 'verify':
        return this.actions.changeStatus(board, action.id, { version, status: 'verified', reason: comment || null });
      case 'send_back':
        if (action.status !== 'completed')
          throw new AppError('unprocessable', 'not_completed', 'Only a completed action can be sent back; this one is not marked completed.');
        return this.actions.changeStatus(board, action.id, { version, status: 'in_progress', reason: comment });
      case 'extend':
        return this.actions.update(board, action.id, { version, dueDate: input.dueDate, dueDateReason: comment });
      case 'reassign':
        return this.actions.update(board, action.id, {
          version,
          ...(input.ownerId ? { ownerId: input.ownerId } : {}),
          ...(input.managerId ? { managerId: input.managerId } : {}),
        });
      default:
        return null;
    }
  }

  private actionsAudit(actor: Actor, actionId: string, named: object, decision: MeetingDecision) {
    const { dueDate, ownerId, managerId, escalateToId } = decision;
    return this.access.recordOn(actor, 'action', actionId, 'board_decision', { ...named, dueDate, ownerId, managerId, escalateToId });
  }

  /** The owner hears of every decision about their action; the person escalated to, of theirs. */
  private async tell(actor: Actor, meeting: Meeting, action: Action, decision: MeetingDecision) {
    const people = await this.people.for(actor.authorityId).list();
    const name = (id: string | null) => people.find((p) => p.id === id)?.displayName ?? null;
    const sentence = decisionSentence({
      actionRef: action.ref,
      actionTitle: action.title,
      kind: decision.kind,
      comment: decision.comment,
      dueDate: decision.dueDate,
      ownerName: name(decision.ownerId),
      managerName: name(decision.managerId),
      escalateToName: name(decision.escalateToId),
    });
    const title = `Board decision on ${action.ref}: ${action.title}`.slice(0, 300);
    const body = `At its meeting on ${longDate(meeting.date)}: ${sentence}`;
    const to = new Set([action.ownerId, decision.kind === 'reassign' ? decision.ownerId : null, decision.escalateToId].filter((id): id is string => !!id));
    const tx = this.transactions.manager;
    for (const userId of to)
      await accountHooks(tx).tellPerson(tx, this.clock.nowIso(), {
        userId,
        authorityIds: [actor.authorityId],
        kind: 'board_decision',
        each: true,
        actionId: action.id,
        title,
        body,
        link: `/actions/${action.id}`,
      });
  }
}

export function decisionView(d: MeetingDecision) {
  const { authorityId: _a, ...rest } = d;
  return rest;
}
