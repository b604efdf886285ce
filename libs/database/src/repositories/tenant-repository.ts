import { EntityManager } from 'typeorm';
import { Transactions } from '../transactions';

/** A repository made for one authority: every query it runs is scoped by `authorityId`. */
export abstract class TenantRepository {
  constructor(
    protected readonly authorityId: string,
    private readonly transactions: Transactions,
  ) {}

  /** The open transaction's manager, else the pool's. */
  protected get manager(): EntityManager {
    return this.transactions.manager;
  }
}
