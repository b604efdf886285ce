import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Board, BoardMember } from '@app/database/entities';
import { AppError, notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { UserService } from '../accounts/user.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { Actor, authorize } from '../request-context';

/** Service Improvement Boards and their members. */
@Injectable()
export class BoardService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly users: UserService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, name: string, chairId: string | null, memberIds: string[] = []) {
    authorize(actor, 'board.create');
    return this.db.transaction(async (tx) => {
      const ids = [...new Set([...(chairId ? [chairId] : []), ...memberIds])];
      for (const id of ids) await this.users.assertMember(tx, actor.authorityId, id, 'Board member');
      const now = this.clock.nowIso();
      const board: Board = { id: newId(), authorityId: actor.authorityId, name: name.trim(), chairId, createdAt: now };
      await tx.insert(Board, board);
      for (const userId of ids) await tx.insert(BoardMember, { id: newId(), authorityId: actor.authorityId, boardId: board.id, userId, createdAt: now });
      await this.audit.record(
        {
          authorityId: actor.authorityId,
          entityType: 'board',
          entityId: board.id,
          event: 'board_created',
          actorId: actor.userId,
          after: { ...board, memberIds: ids },
        },
        tx,
      );
      return { ...board, memberIds: ids };
    });
  }

  async addMember(actor: Actor, boardId: string, userId: string) {
    authorize(actor, 'board.members');
    return this.db.transaction(async (tx) => {
      const board = await tx.findOneBy(Board, { id: boardId, authorityId: actor.authorityId });
      if (!board) throw notFound('Board');
      await this.users.assertMember(tx, actor.authorityId, userId);
      if (await tx.existsBy(BoardMember, { boardId, userId }))
        throw new AppError('conflict', 'already_member', 'That person is already a member of this board');
      await tx.insert(BoardMember, { id: newId(), authorityId: actor.authorityId, boardId, userId, createdAt: this.clock.nowIso() });
      await this.audit.record(
        { authorityId: actor.authorityId, entityType: 'board', entityId: boardId, event: 'board_member_added', actorId: actor.userId, after: { userId } },
        tx,
      );
      return this.get(actor.authorityId, boardId);
    });
  }

  async get(authorityId: string, boardId: string) {
    const board = await this.db.manager.findOneBy(Board, { id: boardId, authorityId });
    if (!board) throw notFound('Board');
    const members = await this.db.manager.find(BoardMember, { where: { boardId, authorityId } });
    return { ...board, memberIds: members.map((m) => m.userId) };
  }

  async list(authorityId: string) {
    const boards = await this.db.manager.find(Board, { where: { authorityId }, order: { name: 'ASC' } });
    return Promise.all(boards.map((b) => this.get(authorityId, b.id)));
  }
}
