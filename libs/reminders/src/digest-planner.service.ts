import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACCOUNTABLE_MANAGER_ID_SQL } from '@app/core/actions/accountable-manager';
import { Clock } from '@app/core/clock';
import { Action, Plan } from '@app/database/entities';
import { insertMany } from '@app/database/sql';
import { OPEN_STATUSES } from '@app/domain';
import { Reminder } from './entities/reminder.entity';
import { newReminderRow } from './reminder-row';
import { DEFAULT_REMINDER_RULES, digestDedupeKey, latestDigestMonday, londonInstant, ReminderKind } from './reminder-rules';
import { rulesOf } from './plan-rules';

/**
 * Creates the Monday digest rows: one per owner, and one per accountable manager of someone else's actions.
 * Whether a digest has anything in it is decided when it is delivered; an empty one is not sent.
 */
@Injectable()
export class DigestPlanner {
  private readonly plannedWeeks = new Set<string>();

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Plans the latest Monday's digests due by `at`. Cheap to call often: unless forced, the work is
   * done once per week per process (people given actions later in the week wait for next Monday).
   */
  async planDigests(at: Date, options: { force?: boolean } = {}): Promise<number> {
    const monday = latestDigestMonday(at);
    if (this.plannedWeeks.has(monday) && !options.force) return 0;
    const rows = await this.rowsFor(monday);
    await this.db.transaction((tx) => insertMany(tx, Reminder, rows, { ignoreConflicts: true }));
    this.plannedWeeks.add(monday);
    return rows.length;
  }

  private async rowsFor(monday: string): Promise<Reminder[]> {
    const dueAt = londonInstant(monday, DEFAULT_REMINDER_RULES.sendTime);
    // Only actions that existed when the digest was due: a person given actions after it (a new
    // install, an import) hears of them by their own reminders, not by a Monday's digest sent late.
    const found: { authorityId: string; planId: string; ownerId: string | null; managerId: string | null }[] = await this.db.manager
      .createQueryBuilder(Action, 'a')
      .innerJoin(Plan, 'p', 'p.id = a.planId')
      // The accountable manager (accountable-manager.ts): where the action names none, its owner's line manager.
      .select(['a.authorityId AS "authorityId"', 'a.planId AS "planId"', 'a.ownerId AS "ownerId"', `${ACCOUNTABLE_MANAGER_ID_SQL} AS "managerId"`])
      .distinct(true)
      .where('p.status = :active AND a.status IN (:...open) AND a.dueDate IS NOT NULL', { active: 'active', open: [...OPEN_STATUSES] })
      .andWhere('a.createdAt <= :dueAt', { dueAt })
      .getRawMany();
    const rules = await rulesOf(this.db.manager, [...new Set(found.map((f) => f.planId))]);
    const readers = new Map<string, { authorityId: string; userId: string; kind: ReminderKind }>();
    for (const f of found.filter((f) => rules.get(f.planId)!.weeklyDigest)) {
      if (f.ownerId)
        readers.set(digestDedupeKey(f.authorityId, f.ownerId, 'digest_owner', monday), { authorityId: f.authorityId, userId: f.ownerId, kind: 'digest_owner' });
      if (f.managerId && f.managerId !== f.ownerId)
        readers.set(digestDedupeKey(f.authorityId, f.managerId, 'digest_manager', monday), {
          authorityId: f.authorityId,
          userId: f.managerId,
          kind: 'digest_manager',
        });
    }
    const now = this.clock.nowIso();
    return [...readers].map(([dedupeKey, r]) =>
      newReminderRow(
        { authorityId: r.authorityId, actionId: null, planId: null, kind: r.kind, offsetDays: null, forDate: monday, recipientId: r.userId, dueAt, dedupeKey },
        now,
      ),
    );
  }
}
