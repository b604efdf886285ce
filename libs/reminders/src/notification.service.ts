import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { notFound } from '@app/core/app-error';
import { Clock } from '@app/core/clock';
import { Actor } from '@app/core/request-context';
import { Transactions } from '@app/database/transactions';
import { Notification } from './entities';
import { NotificationRepository, PageFrame } from './notification.repository';

/** A user's in-app notifications: list, unread count, mark read. */
@Injectable()
export class NotificationService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async list(actor: Actor, options: { unreadOnly?: boolean; page?: number; pageSize?: number } = {}) {
    const page = Math.max(1, options.page ?? 1);
    const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 20));
    const { rows, total } = await this.repository(actor).page(actor.userId, !!options.unreadOnly, page, pageSize);
    return { items: rows, page, pageSize, total };
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.repository(actor).unreadCount(actor.userId);
  }

  /** What every page's frame shows of the person (their name, unread count, councils), in one statement. */
  frame(actor: Actor): Promise<PageFrame> {
    return this.repository(actor).frame(actor.userId);
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

  private repository(actor: Actor): NotificationRepository {
    return new NotificationRepository(actor.authorityId, this.transactions);
  }

  async markAllRead(actor: Actor): Promise<number> {
    const result = await this.db.transaction((tx) =>
      tx.update(Notification, { authorityId: actor.authorityId, userId: actor.userId, readAt: IsNull() }, { readAt: this.clock.nowIso() }),
    );
    return result.affected ?? 0;
  }
}
