import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Authority } from '../entities';
import { Transactions } from '../transactions';

/** The councils themselves: the deployment's list, above any one tenant (TypeORM finders). */
@Injectable()
export class AuthorityRepository {
  constructor(private readonly transactions: Transactions) {}

  private get manager() {
    return this.transactions.manager;
  }

  list(): Promise<Authority[]> {
    return this.manager.find(Authority, { order: { name: 'ASC' } });
  }

  byIds(ids: string[]): Promise<Authority[]> {
    return ids.length ? this.manager.findBy(Authority, { id: In(ids) }) : Promise.resolve([]);
  }

  bySlugOrId(key: string): Promise<Authority | null> {
    return this.manager.findOne(Authority, { where: [{ id: key }, { slug: key }] });
  }

  slugTaken(slug: string): Promise<boolean> {
    return this.manager.existsBy(Authority, { slug });
  }

  async insert(authority: Authority): Promise<void> {
    await this.manager.insert(Authority, authority);
  }
}
