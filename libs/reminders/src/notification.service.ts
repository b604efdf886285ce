import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { notFound } from '@app/core/app-error';
import { Clock } from '@app/core/clock';
import { Actor } from '@app/core/request-context';
import { Notification } from './entities';

/** A user's in-app notifications: list, unread count, mark read. */
@Injectable()
export class NotificationService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, options: { unreadOnly?: boolean; page?: number; pageSize?: number } = {}) {
    const page = Math.max(1, options.page ?? 1);
    const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 20));
    const where = { authorityId: actor.authorityId, userId: actor.userId, ...(options.unreadOnly ? { readAt: IsNull() } : {}) };
    const [items, total] = await this.db.manager.findAndCount(Notification, {
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, page, pageSize, total };
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.db.manager.countBy(Notification, { authorityId: actor.authorityId, userId: actor.userId, readAt: IsNull() });
  }

  async markRead(actor: Actor, id: string): Promise<Notification> {
    return this.db.transaction(async (tx) => {
      const n = await tx.findOneBy(Notification, { id, authorityId: actor.authorityId, userId: actor.userId });
      if (!n) throw notFound('Notification');
      if (!n.readAt) {
        n.readAt = this.clock.nowIso();
        await tx.update(Notification, { id }, { readAt: n.readAt });
      }
      return n;
    });
  }

  async markAllRead(actor: Actor): Promise<number> {
    const result = await this.db.transaction((tx) =>
      tx.update(Notification, { authorityId: actor.authorityId, userId: actor.userId, readAt: IsNull() }, { readAt: this.clock.nowIso() }),
    );
    return result.affected ?? 0;
  }
}
