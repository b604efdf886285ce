import { Injectable } from '@nestjs/common';
import { notFound } from '@app/core/app-error';
import { Clock } from '@app/core/clock';
import { Actor } from '@app/core/request-context';
import { Transactions } from '@app/database/transactions';
import { NotificationRepository, NotificationRow, PageFrame } from './notification.repository';

/** A user's in-app notifications: list, unread count, mark read. */
@Injectable()
export class NotificationService {
  constructor(
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

  async markRead(actor: Actor, id: string): Promise<NotificationRow> {
    return this.transactions.run(async () => {
      const notifications = this.repository(actor);
      const n = await notifications.find(actor.userId, id);
      if (!n) throw notFound('Notification');
      if (!n.readAt) {
        n.readAt = this.clock.nowIso();
        await notifications.markRead(n.id, n.readAt);
      }
      return n;
    });
  }

  markAllRead(actor: Actor): Promise<number> {
    return this.transactions.run(() => this.repository(actor).markAllRead(actor.userId, this.clock.nowIso()));
  }

  private repository(actor: Actor): NotificationRepository {
    return new NotificationRepository(actor.authorityId, this.transactions);
  }
}
