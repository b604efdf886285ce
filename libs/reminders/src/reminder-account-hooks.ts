import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccountHooks, plugAccountHooks, PersonNotice } from '@app/core/accounts/account-hooks';
import { newId } from '@app/core/ids';
import { insertMany } from '@app/database/sql';
import { CalendarFeedToken, Notification } from './entities';

/** The accounts code's hooks: a withdrawn trust ends the person's calendar feeds; notices go to their inbox. */
@Injectable()
export class ReminderAccountHooks implements AccountHooks, OnModuleInit {
  constructor(private readonly db: DataSource) {}

  onModuleInit() {
    plugAccountHooks(this.db, this);
  }

  async trustEnded(tx: EntityManager, now: string, userId: string, authorityId: string | null): Promise<void> {
    const scope = authorityId ? { userId, authorityId } : { userId };
    await tx.update(CalendarFeedToken, { ...scope, revokedAt: IsNull() }, { revokedAt: now });
  }

  async tellPerson(tx: EntityManager, now: string, notice: PersonNotice): Promise<void> {
    const { userId, kind, title, body, link } = notice;
    if (!notice.each && (await tx.existsBy(Notification, { userId, kind, readAt: IsNull() }))) return;
    const rows = notice.authorityIds.map((authorityId) => ({
      id: newId(),
      authorityId,
      userId,
      reminderId: null,
      actionId: notice.actionId ?? null,
      kind,
      title,
      body,
      link,
      createdAt: now,
      readAt: null,
    }));
    await insertMany(tx, Notification, rows);
  }
}
