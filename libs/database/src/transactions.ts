import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionMark, transactionChain } from './transaction-chain';

/**
 * The one way to run a transaction. The open transaction belongs to the async call chain that
 * opened it, so whatever that chain calls joins it without being handed a manager.
 * On SQLite this process's transactions take turns (see sqlite-turns.ts), so never open a
 * transaction any other way inside one opened here: it would wait for itself.
 */
@Injectable()
export class Transactions {
  private readonly chain: AsyncLocalStorage<TransactionMark>;

  constructor(private readonly db: DataSource) {
    this.chain = transactionChain(db);
  }

  /** Runs `work` in the caller's open transaction, or in a new one committed when `work` resolves. */
  run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const current = this.chain.getStore()?.manager;
    if (current) return work(current);
    return this.db.transaction((tx) => {
      // On SQLite the turn this transaction took has marked the chain already.
      const turn = this.chain.getStore();
      if (turn && !turn.manager) {
        turn.manager = tx;
        return work(tx);
      }
      return this.chain.run({ manager: tx }, () => work(tx));
    });
  }

  /** The open transaction's manager, else the pool's (for reads and single statements). */
  get manager(): EntityManager {
    return this.chain.getStore()?.manager ?? this.db.manager;
  }

  get inTransaction(): boolean {
    return this.chain.getStore()?.manager !== undefined;
  }
}
