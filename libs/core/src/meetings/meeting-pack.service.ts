import { Injectable } from '@nestjs/common';
import { dayMonthYear, daysOverdue, fullActionText, RAGS } from '@app/domain';
import { MeetingRepositories } from '@app/database/repositories/meeting.repository';
import { PeopleRepositories } from '@app/database/repositories/people.repository';
import { actionSummary } from '../actions/action-summary';
import { ActionRepositories } from '../actions/action.repository';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { PlanService } from '../plans/plan.service';
import { Actor } from '../request-context';
import { MeetingAccess } from './meeting-access';
import { MeetingService } from './meeting.service';

type Counts = { byStatus: Record<string, number>; byRag: Record<string, number> };

/**
 * A meeting's board pack: the plan at a glance (counts by status and RAG), its RAG over time (the
 * counts as each earlier meeting's minutes were approved, then now), the agenda with each action's
 * history since the last meeting, and the overdue actions with their owners.
 */
@Injectable()
export class MeetingPackService {
  constructor(
    private readonly meetingService: MeetingService,
    private readonly meetings: MeetingRepositories,
    private readonly actions: ActionRepositories,
    private readonly people: PeopleRepositories,
    private readonly plans: PlanService,
    private readonly audit: AuditService,
    private readonly access: MeetingAccess,
    private readonly clock: Clock,
  ) {}

  async pack(actor: Actor, id: string) {
    const meeting = await this.meetingService.get(actor, id);
    const repo = this.meetings.for(actor.authorityId);
    const plan = await this.plans.get(actor.authorityId, meeting.planId);
    const today = this.clock.today();
    const counts: Counts = await this.actions.for(actor.authorityId).counts(plan.id, today);
    const history: { label: string; date: string; byRag: Record<string, number> }[] = [];
    for (const m of await repo.forPlan(plan.id)) {
      if (m.date > meeting.date || m.status !== 'minutes_approved') continue;
      const approved = (await this.audit.timeline(actor.authorityId, 'meeting', m.id)).find((e) => e.event === 'minutes_approved');
      const at = (approved?.after as { counts?: Counts } | null)?.counts;
      if (at) history.push({ label: `Meeting ${dayMonthYear(m.date)}`, date: m.date, byRag: at.byRag });
    }
    history.push({ label: `Now (${dayMonthYear(today)})`, date: today, byRag: counts.byRag });
    const people = await this.people.for(actor.authorityId).list();
    const name = (userId: string | null) => people.find((p) => p.id === userId)?.displayName ?? 'no owner';
    const overdue = (await repo.planActions(plan.id))
      .map((a) => ({ a, s: actionSummary(a, plan, today) }))
      .filter(({ s }) => s.overdue)
      .map(({ a }) => ({
        id: a.id,
        ref: a.ref,
        title: fullActionText(a),
        dueDate: a.dueDate,
        daysOverdue: daysOverdue(a.dueDate, today),
        ownerName: name(a.ownerId),
      }))
      .sort((x, y) => y.daysOverdue - x.daysOverdue);
    const previous = await repo.previous((await repo.get(id))!);
    const changes = previous ? await this.access.changesSince(actor.authorityId, previous) : [];
    const agenda = meeting.agenda.items.map((item) => ({
      ...item,
      history: item.actionId ? changes.filter((c) => c.actionId === item.actionId).map((c) => ({ event: c.event, at: c.at })) : [],
    }));
    return {
      meeting,
      today,
      previousMeetingDate: previous?.date ?? null,
      counts: { byStatus: counts.byStatus, byRag: Object.fromEntries(RAGS.map((r) => [r, counts.byRag[r] ?? 0])) },
      ragHistory: history.map((h) => ({ ...h, byRag: Object.fromEntries(RAGS.map((r) => [r, h.byRag[r] ?? 0])) as Record<(typeof RAGS)[number], number> })),
      agenda,
      overdue,
    };
  }
}

export type MeetingPack = Awaited<ReturnType<MeetingPackService['pack']>>;
