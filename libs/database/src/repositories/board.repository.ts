import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Board, BoardMember } from '../entities';
import { TenantRepositories, TenantRepository } from './tenant-repository';

export type BoardWithMembers = Board & { memberIds: string[] };

/** Service Improvement Boards and their members, in one authority (TypeORM finders). */
export class BoardRepository extends TenantRepository {
  get(id: string): Promise<Board | null> {
    return this.manager.findOneBy(Board, { id, authorityId: this.authorityId });
  }

  /** The authority's first board: where an imported report's plan goes when no board is chosen. */
  first(): Promise<Board | null> {
    return this.manager.findOne(Board, { where: { authorityId: this.authorityId }, order: { createdAt: 'ASC' } });
  }

  async withMembers(id: string): Promise<BoardWithMembers | null> {
    const board = await this.get(id);
    return board && { ...board, memberIds: await this.memberIds([id]).then((m) => m.get(id) ?? []) };
  }

  async list(): Promise<BoardWithMembers[]> {
    const boards = await this.manager.find(Board, { where: { authorityId: this.authorityId }, order: { name: 'ASC' } });
    const members = await this.memberIds(boards.map((b) => b.id));
    return boards.map((b) => ({ ...b, memberIds: members.get(b.id) ?? [] }));
  }

  async insert(board: Omit<Board, 'authorityId'>, members: Omit<BoardMember, 'authorityId' | 'boardId'>[]): Promise<void> {
    await this.manager.insert(Board, { ...board, authorityId: this.authorityId });
    for (const m of members) await this.addMember({ ...m, boardId: board.id });
  }

  isMember(boardId: string, userId: string): Promise<boolean> {
    return this.manager.existsBy(BoardMember, { authorityId: this.authorityId, boardId, userId });
  }

  async addMember(member: Omit<BoardMember, 'authorityId'>): Promise<void> {
    await this.manager.insert(BoardMember, { ...member, authorityId: this.authorityId });
  }

  /** A person leaving the authority leaves its boards. */
  async removePerson(userId: string): Promise<void> {
    await this.manager.delete(BoardMember, { authorityId: this.authorityId, userId });
  }

  private async memberIds(boardIds: string[]): Promise<Map<string, string[]>> {
    const rows = boardIds.length ? await this.manager.find(BoardMember, { where: { authorityId: this.authorityId, boardId: In(boardIds) } }) : [];
    const byBoard = new Map<string, string[]>();
    for (const r of rows) byBoard.set(r.boardId, [...(byBoard.get(r.boardId) ?? []), r.userId]);
    return byBoard;
  }
}

@Injectable()
export class BoardRepositories extends TenantRepositories<BoardRepository> {
  protected readonly make = BoardRepository;
}
