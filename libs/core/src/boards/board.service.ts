import { Injectable } from '@nestjs/common';
import { BoardRepositories } from '@app/database/repositories/board.repository';
import { Transactions } from '@app/database/transactions';
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
    private readonly transactions: Transactions,
    private readonly boards: BoardRepositories,
    private readonly audit: AuditService,
    private readonly users: UserService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, name: string, chairId: string | null, memberIds: string[] = []) {
    authorize(actor, 'board.create');
    return this.transactions.run(async () => {
      const ids = [...new Set([...(chairId ? [chairId] : []), ...memberIds])];
      for (const id of ids) await this.users.assertMember(actor.authorityId, id, 'Board member');
      const now = this.clock.nowIso();
      const board = { id: newId(), authorityId: actor.authorityId, name: name.trim(), chairId, createdAt: now };
      await this.boards.for(actor.authorityId).insert(
        board,
        ids.map((userId) => ({ id: newId(), userId, createdAt: now })),
      );
      const created = { ...board, memberIds: ids };
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'board',
        entityId: board.id,
        event: 'board_created',
        actorId: actor.userId,
        after: created,
      });
      return created;
    });
  }

  async addMember(actor: Actor, boardId: string, userId: string) {
    authorize(actor, 'board.members');
    const boards = this.boards.for(actor.authorityId);
    return this.transactions.run(async () => {
      if (!(await boards.get(boardId))) throw notFound('Board');
      await this.users.assertMember(actor.authorityId, userId);
      if (await boards.isMember(boardId, userId)) throw new AppError('conflict', 'already_member', 'That person is already a member of this board');
      await boards.addMember({ id: newId(), boardId, userId, createdAt: this.clock.nowIso() });
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'board',
        entityId: boardId,
        event: 'board_member_added',
        actorId: actor.userId,
        after: { userId },
      });
      return this.get(actor.authorityId, boardId);
    });
  }

  async get(authorityId: string, boardId: string) {
    const board = await this.boards.for(authorityId).withMembers(boardId);
    if (!board) throw notFound('Board');
    return board;
  }

  list(authorityId: string) {
    return this.boards.for(authorityId).list();
  }
}
