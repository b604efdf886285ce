import { TenantRepository } from '@app/database/repositories/tenant-repository';
import { runSql, selectCount, updateRows } from '@app/database/sql';

/** A notification as stored, a plain row (fixed SQL). */
export interface NotificationRow {
  id: string;
  authorityId: string;
  userId: string;
  reminderId: string | null;
  actionId: string | null;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

/** What every page's frame shows of the person: their name, their unread count here, and the councils they may work in. */
export interface PageFrame {
  displayName: string | null;
  unread: number;
  councils: { id: string; name: string }[];
}

const UNREAD = 'n."authorityId" = :authorityId AND n."userId" = :userId AND n."readAt" IS NULL';

// One statement for the frame of every page: a row per council the person may work in, each with their
// name and this council's unread count (the count is not correlated with the row, so it runs once).
const FRAME_SQL = `SELECT a."id", a."name", u."displayName", (SELECT COUNT(*) FROM "notification" n WHERE ${UNREAD}) AS "unread"
  FROM "membership" m JOIN "authority" a ON a."id" = m."authorityId" JOIN "app_user" u ON u."id" = m."userId"
  WHERE m."userId" = :userId AND m."active" = :active ORDER BY a."name" ASC`;

/** One authority's in-app notifications (fixed SQL: the count is on every page). */
export class NotificationRepository extends TenantRepository {
  /** A page of the person's notifications, newest first; counted only when the page is full or past the end. */
  async page(userId: string, unreadOnly: boolean, page: number, pageSize: number): Promise<{ rows: NotificationRow[]; total: number }> {
    const where = `n."authorityId" = :authorityId AND n."userId" = :userId${unreadOnly ? ' AND n."readAt" IS NULL' : ''}`;
    const params = { authorityId: this.authorityId, userId, limit: pageSize, offset: (page - 1) * pageSize };
    const rows = (await runSql(
      this.manager,
      `SELECT n.* FROM "notification" n WHERE ${where} ORDER BY n."createdAt" DESC, n."id" ASC LIMIT :limit OFFSET :offset`,
      params,
    )) as unknown as NotificationRow[];
    const total =
      rows.length < pageSize && (rows.length > 0 || params.offset === 0)
        ? params.offset + rows.length
        : await selectCount(this.manager, `SELECT COUNT(*) AS "count" FROM "notification" n WHERE ${where}`, params);
    return { rows, total };
  }

  async find(userId: string, id: string): Promise<NotificationRow | null> {
    const sql = 'SELECT n.* FROM "notification" n WHERE n."id" = :id AND n."authorityId" = :authorityId AND n."userId" = :userId';
    const [row] = await runSql(this.manager, sql, { id, authorityId: this.authorityId, userId });
    return (row as unknown as NotificationRow | undefined) ?? null;
  }

  async markRead(id: string, at: string): Promise<void> {
    await updateRows(this.manager, 'notification', { readAt: at }, '"id" = :id AND "authorityId" = :authorityId', { id, authorityId: this.authorityId });
  }

  /** Marks all the person's unread notifications here read; returns how many. */
  markAllRead(userId: string, at: string): Promise<number> {
    const where = '"authorityId" = :authorityId AND "userId" = :userId AND "readAt" IS NULL';
    return updateRows(this.manager, 'notification', { readAt: at }, where, { authorityId: this.authorityId, userId });
  }

  unreadCount(userId: string): Promise<number> {
    return selectCount(this.manager, `SELECT COUNT(*) AS "count" FROM "notification" n WHERE ${UNREAD}`, { authorityId: this.authorityId, userId });
  }

  async frame(userId: string): Promise<PageFrame> {
    const rows = await runSql(this.manager, FRAME_SQL, { authorityId: this.authorityId, userId, active: true });
    return {
      displayName: (rows[0]?.displayName as string | undefined) ?? null,
      unread: Number(rows[0]?.unread ?? 0),
      councils: rows.map((r) => ({ id: r.id as string, name: r.name as string })),
    };
  }
}
