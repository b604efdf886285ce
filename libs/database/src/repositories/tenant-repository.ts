import { Injectable } from '@nestjs/common';
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

/**
 * The injectable maker of one aggregate's repositories: a service asks `for(authorityId)` and gets a
 * repository that cannot reach another authority's rows. Subclass with `protected readonly make = XRepository`.
 */
@Injectable()
export abstract class TenantRepositories<R extends TenantRepository> {
  protected abstract readonly make: new (authorityId: string, transactions: Transactions) => R;

  constructor(private readonly transactions: Transactions) {}

  for(authorityId: string): R {
    return new this.make(authorityId, this.transactions);
  }
}
