import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalCalendar, ICalCalendarMethod } from 'ical-generator';
import { DataSource, In, IsNull } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { notFound } from '@app/core/app-error';
import { Clock } from '@app/core/clock';
import { newId } from '@app/core/ids';
import { Actor } from '@app/core/request-context';
import { addMeetingEvent } from '@app/core/meetings/meeting-calendar';
import { Action, Board, Meeting, MeetingAttendee, Membership, Plan, User } from '@app/database/entities';
import { addDays, OPEN_STATUSES } from '@app/domain';
import { CalendarFeedToken } from './entities';
import { actionLink } from './reminder-message';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A private iCalendar feed of a user's open actions' due dates, behind a revocable token. */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new feed address; the token is shown once. Earlier addresses stop working. */
  async createToken(actor: Actor): Promise<{ token: string; url: string }> {
    const token = randomBytes(24).toString('base64url');
    await this.db.transaction(async (tx) => {
      await tx.update(CalendarFeedToken, { authorityId: actor.authorityId, userId: actor.userId, revokedAt: IsNull() }, { revokedAt: this.clock.nowIso() });
      await tx.insert(CalendarFeedToken, {
        id: newId(),
        authorityId: actor.authorityId,
        userId: actor.userId,
        tokenHash: hash(token),
        createdAt: this.clock.nowIso(),
        revokedAt: null,
      });
    });
    return { token, url: this.feedUrl(token) };
  }

  async revoke(actor: Actor): Promise<number> {
    const result = await this.db.transaction((tx) =>
      tx.update(CalendarFeedToken, { authorityId: actor.authorityId, userId: actor.userId, revokedAt: IsNull() }, { revokedAt: this.clock.nowIso() }),
    );
    return result.affected ?? 0;
  }

  /** Whether the token is the person's live feed address here (not stopped, not replaced). */
  async isCurrent(actor: Actor, token: string): Promise<boolean> {
    const row = await this.db.manager.findOneBy(CalendarFeedToken, {
      tokenHash: hash(token),
      authorityId: actor.authorityId,
      userId: actor.userId,
      revokedAt: IsNull(),
    });
    return !!row;
  }

  feedUrl(token: string): string {
    return `${this.config.publicUrl}/calendar/${token}.ics`;
  }

  /**
   * The feed's iCalendar text for a token. An unknown or revoked token is not found, and so is one whose
   * owner can no longer sign in there (account or membership stopped, or removed): checked at every read.
   */
  async feed(token: string): Promise<string> {
    const row = await this.db.manager.findOneBy(CalendarFeedToken, { tokenHash: hash(token), revokedAt: IsNull() });
    const member =
      row &&
      (await this.db.manager
        .createQueryBuilder(Membership, 'm')
        .innerJoin(User, 'u', 'u.id = m.userId')
        .where('m.authorityId = :authorityId AND m.userId = :userId AND m.active = :yes AND u.active = :yes', {
          authorityId: row.authorityId,
          userId: row.userId,
          yes: true,
        })
        .getExists());
    if (!row || !member) throw notFound('Calendar feed');
    const actions = await this.db.manager
      .createQueryBuilder(Action, 'a')
      .innerJoin(Plan, 'p', 'p.id = a.planId')
      .where('a.authorityId = :authorityId AND a.ownerId = :userId AND a.status IN (:...open) AND a.dueDate IS NOT NULL AND p.status <> :closed', {
        authorityId: row.authorityId,
        userId: row.userId,
        open: [...OPEN_STATUSES],
        closed: 'closed',
      })
      .orderBy('a.dueDate', 'ASC')
      .getMany();
    const plans = new Map(
      (actions.length ? await this.db.manager.findBy(Plan, { id: In([...new Set(actions.map((a) => a.planId))]) }) : []).map((p) => [p.id, p]),
    );
    const calendar = ical({
      name: 'Improvement Tracker: my deadlines',
      prodId: { company: 'improvement-tracker', product: 'deadlines' },
      method: ICalCalendarMethod.PUBLISH,
    });
    for (const a of actions) {
      calendar.createEvent({
        id: `action-${a.id}@improvement-tracker`,
        allDay: true,
        start: new Date(`${a.dueDate}T00:00:00Z`),
        end: new Date(`${addDays(a.dueDate!, 1)}T00:00:00Z`),
        summary: `Due: ${a.ref} ${a.title}`,
        description: `${plans.get(a.planId)?.title ?? ''}\n${actionLink(this.config.publicUrl, a.id)}`,
        url: actionLink(this.config.publicUrl, a.id),
        stamp: new Date(a.updatedAt),
      });
    }
    await this.addMeetings(calendar, row.authorityId, row.userId);
    return calendar.toString();
  }

  /** The board meetings the person is invited to, from 90 days ago on: each as its invitation has it. */
  private async addMeetings(calendar: ICalCalendar, authorityId: string, userId: string): Promise<void> {
    const meetings = await this.db.manager
      .createQueryBuilder(Meeting, 'm')
      .innerJoin(MeetingAttendee, 'ma', 'ma.meetingId = m.id')
      .where('m.authorityId = :authorityId AND ma.userId = :userId AND m.date >= :from', { authorityId, userId, from: addDays(this.clock.today(), -90) })
      .orderBy('m.date', 'ASC')
      .getMany();
    const boards = new Map(
      (meetings.length ? await this.db.manager.findBy(Board, { id: In([...new Set(meetings.map((m) => m.boardId))]) }) : []).map((b) => [b.id, b.name]),
    );
    for (const m of meetings) addMeetingEvent(calendar, m, `${boards.get(m.boardId) ?? 'Board'} meeting`, `${this.config.publicUrl}/meetings/${m.id}`);
  }
}
