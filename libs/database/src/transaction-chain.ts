import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { beforeDestroy } from './before-destroy';

/** What an async call chain holds of the transaction it runs in: on SQLite its turn's mark (sqlite-turns.ts), and its manager once open. */
export interface TransactionMark {
  manager?: EntityManager;
}

const chains = new WeakMap<DataSource, AsyncLocalStorage<TransactionMark>>();

/**
 * The one store of a data source's transactions, by async call chain, that Transactions and SQLite's turns
 * share. Node visits every AsyncLocalStorage at each promise it makes, so each one costs every request
 * (a status update spent 2.8 % of its time in async hooks with two). Disabled when the data source is
 * destroyed: a process that opens and closes many data sources (the bench's workers, a test run) would
 * otherwise pay for all of them, 11 % of a quarter-end drain after seven.
 */
export function transactionChain(dataSource: DataSource): AsyncLocalStorage<TransactionMark> {
  let chain = chains.get(dataSource);
  if (!chain) {
    const made = new AsyncLocalStorage<TransactionMark>();
    chains.set(dataSource, made);
    beforeDestroy(dataSource, () => made.disable());
    chain = made;
  }
  return chain;
}
