import { Injectable } from '@nestjs/common';
import { Plan } from '@app/database/entities';
import { BoardRepositories } from '@app/database/repositories/board.repository';
import { MeetingRepositories } from '@app/database/repositories/meeting.repository';
import { Transactions } from '@app/database/transactions';
import { ActionRepositories } from '../actions/action.repository';
import { AppError, badRequest, forbidden } from '../app-error';
import { Clock } from '../clock';
import { newId } from '../ids';
import { PlanService } from '../plans/plan.service';
import { Actor, authorize } from '../request-context';
import { MeetingAccess } from './meeting-access';
import { MeetingService } from './meeting.service';

export interface PlanClosureInput {
  /** An existing draft or active plan to hold the open actions. */
  successorPlanId?: string;
  /** Or the title of a new draft plan, on the same board, made for them. */
  title?: string;
  comment: string;
}

/**
 * The board closes its plan at a meeting: the decision is recorded in the meeting (and its minutes),
 * the plan closes and its open actions are carried over through PlanService, as the plan's own
 * carry-over does; the plan's audit trail names the meeting.
 */
@Injectable()
export class MeetingPlanClosureService {
  constructor(
    private readonly transactions: Transactions,
    private readonly meetings: MeetingRepositories,
    private readonly boards: BoardRepositories,
    private readonly plans: PlanService,
    private readonly actionRepositories: ActionRepositories,
    private readonly access: MeetingAccess,
    private readonly meetingService: MeetingService,
    private readonly clock: Clock,
  ) {}

  async closePlan(actor: Actor, meetingId: string, input: PlanClosureInput) {
    authorize(actor, 'meeting.closePlan');
    const comment = input.comment?.trim() ?? '';
    const title = input.title?.trim() ?? '';
    return this.transactions.run(async () => {
      const repo = this.meetings.for(actor.authorityId);
      const meeting = await this.access.loadOpen(actor.authorityId, meetingId);
      const board = (await this.boards.for(actor.authorityId).withMembers(meeting.boardId))!;
      if (board.chairId !== actor.userId) throw forbidden(`Only the chair of the ${board.name} can close its plan at a meeting.`);
      if (!comment) throw badRequest('comment_required', 'Record why the board closes the plan (comment): it goes into the minutes.');
      if (input.successorPlanId && title)
        throw badRequest('successor', 'Choose an existing successor plan (successorPlanId) or name a new one (title), not both.');
      const plan = await this.plans.get(actor.authorityId, meeting.planId);
      if (plan.status !== 'active')
        throw new AppError('unprocessable', 'plan_not_active', `The plan is ${plan.status}: only an active plan is closed at a meeting.`);
      const open = await this.actionRepositories.for(actor.authorityId).ofPlan(plan.id, true);
      const successor = await this.successor(actor, plan, input.successorPlanId, title, meeting.date);
      if (!successor && open.length)
        throw badRequest(
          'successor_required',
          `The plan has ${open.length} open action${open.length === 1 ? '' : 's'}: choose the successor plan that will hold them (successorPlanId), or name a new one (title).`,
        );
      await this.plans.close(actor, plan.id, plan.version);
      const carried = successor ? await this.plans.carryOver(actor, plan.id, successor.id) : 0;
      const now = this.clock.nowIso();
      const closure = await repo.insertPlanClosure({
        id: newId(),
        meetingId: meeting.id,
        planId: plan.id,
        successorPlanId: successor?.id ?? null,
        comment,
        actionsCarried: carried,
        decidedById: actor.userId,
        createdAt: now,
      });
      if (meeting.status === 'planned') await repo.update(meeting.id, { status: 'in_progress', updatedAt: now });
      const named = { meetingId: meeting.id, meetingDate: meeting.date, closureId: closure.id, kind: 'close_plan', comment };
      const after = { ...named, successorPlanId: closure.successorPlanId, actionsCarried: carried };
      await this.access.recordOn(actor, 'plan', plan.id, 'board_decision', after);
      await this.access.record(actor, meeting.id, 'plan_closed_at_meeting', { ...after, planId: plan.id });
      return this.meetingService.get(actor, meeting.id);
    });
  }

  /** The plan that takes the open actions: the one chosen (checked by the carry-over), or a new draft on the same board. */
  private async successor(actor: Actor, plan: Plan, successorPlanId: string | undefined, title: string, meetingDate: string): Promise<Plan | null> {
    if (successorPlanId) {
      const chosen = await this.plans.get(actor.authorityId, successorPlanId);
      if (chosen.id === plan.id || chosen.status === 'closed')
        throw new AppError('unprocessable', 'invalid_successor', 'Carry the actions into a draft or active plan other than the one being closed.');
      return chosen;
    }
    if (title) return this.plans.create(actor, { title, boardId: plan.boardId, startDate: meetingDate });
    return null;
  }
}
