import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one way to run a transaction. The open transaction belongs to the async call chain that
 * opened it, so whatever that chain calls joins it without being handed a manager.
 * On SQLite this process's transactions take turns (see sqlite-turns.ts), so never open a
 * transaction any other way inside one opened here: it would wait for itself.
 */
@Injectable()
export class Transactions implements OnApplicationShutdown {
  private readonly open = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly db: DataSource) {}

  /** Runs `work` in the caller's open transaction, or in a new one committed when `work` resolves. */
  run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const current = this.open.getStore();
    if (current) return work(current);
    return this.db.transaction((tx) => this.open.run(tx, () => work(tx)));
  }

  /** The open transaction's manager, else the pool's (for reads and single statements). */
  get manager(): EntityManager {
    return this.open.getStore() ?? this.db.manager;
  }

  get inTransaction(): boolean {
    return this.open.getStore() !== undefined;
  }

  /** A closed app's storage should not cost the rest of the process (see Turns.close in sqlite-turns.ts). */
  onApplicationShutdown(): void {
    this.open.disable();
  }
}
