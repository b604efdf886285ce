import { Injectable } from '@nestjs/common';
import { longDate } from '@app/domain';
import { BoardRepositories } from '@app/database/repositories/board.repository';
import { MeetingRepositories } from '@app/database/repositories/meeting.repository';
import { Transactions } from '@app/database/transactions';
import { accountHooks } from '../accounts/account-hooks';
import { AppError, badRequest, forbidden } from '../app-error';
import { Clock } from '../clock';
import { Actor, authorize } from '../request-context';
import { assertOpen, MeetingAccess } from './meeting-access';
import { MeetingAgendaService } from './meeting-agenda.service';
import { MeetingService } from './meeting.service';

/**
 * Cancelling a planned meeting: its chair (or the council's admin) calls it off with a reason. Its
 * SEQUENCE rises so every calendar holding it (invitation or feed) takes the cancellation, the
 * invited are told, and its agenda carries to the plan's next meeting (re-drafted now if one is
 * planned; otherwise the next meeting's draft picks it up).
 */
@Injectable()
export class MeetingCancellationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly meetings: MeetingRepositories,
    private readonly boards: BoardRepositories,
    private readonly access: MeetingAccess,
    private readonly agenda: MeetingAgendaService,
    private readonly meetingService: MeetingService,
    private readonly clock: Clock,
  ) {}

  async cancel(actor: Actor, id: string, reason: string) {
    authorize(actor, 'meeting.cancel');
    const why = reason.trim();
    return this.transactions.run(async () => {
      const repo = this.meetings.for(actor.authorityId);
      const meeting = await this.access.load(actor.authorityId, id);
      const board = (await this.boards.for(actor.authorityId).withMembers(meeting.boardId))!;
      if (!actor.roles.includes('admin') && board.chairId !== actor.userId)
        throw forbidden(`Only the chair of the ${board.name} or the council's admin can cancel its meetings.`);
      assertOpen(meeting);
      if (meeting.status !== 'planned')
        throw new AppError(
          'conflict',
          'meeting_started',
          `The meeting on ${meeting.date} has started (attendance or decisions are recorded), so it cannot be cancelled: mark it held, and what it did not reach carries to the next meeting.`,
        );
      if (!why) throw badRequest('reason_required', 'Say why the meeting is cancelled (reason): the people invited are told it.');
      const now = this.clock.nowIso();
      const changes = { status: 'cancelled' as const, cancelReason: why, sequence: meeting.sequence + 1, updatedAt: now };
      await repo.update(id, changes);
      await this.access.record(actor, id, 'meeting_cancelled', changes, { status: meeting.status, sequence: meeting.sequence });
      const next = await repo.next(meeting);
      if (next?.status === 'planned') await this.agenda.draft(actor, next.id);
      await this.tellInvited(actor, meeting.id, meeting.date, board.name, why);
      return { ...(await this.meetingService.get(actor, id)), agendaCarriedTo: next?.status === 'planned' ? next.id : null };
    });
  }

  private async tellInvited(actor: Actor, meetingId: string, date: string, boardName: string, reason: string) {
    const tx = this.transactions.manager;
    const invited = (await this.meetings.for(actor.authorityId).attendees(meetingId)).filter((a) => a.userId && a.attendance !== 'apologies');
    for (const a of invited)
      await accountHooks(tx).tellPerson(tx, this.clock.nowIso(), {
        userId: a.userId!,
        authorityIds: [actor.authorityId],
        kind: 'meeting_cancelled',
        each: true,
        title: `Cancelled: the ${boardName} meeting on ${longDate(date)}`.slice(0, 300),
        body: `The meeting on ${longDate(date)} is cancelled. ${reason}`,
        link: `/meetings/${meetingId}`,
      });
  }
}
