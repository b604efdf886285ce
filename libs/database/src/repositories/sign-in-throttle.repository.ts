import { Injectable } from '@nestjs/common';
import { runSql } from '../sql';
import { Transactions } from '../transactions';

/** A throttle key: an account from one address, an account, or an address. */
export interface ThrottleKey {
  kind: 'account_address' | 'account' | 'address';
  key: string;
}

const THROTTLE = '"sign_in_throttle"';
const STALE = `${THROTTLE}."windowStartedAt" <= :windowFloor AND ${THROTTLE}."nextAttemptAt" <= :windowFloor`;
// Counts a failure, unless the key must still wait. For an account from one address this runs before
// the password is checked: parallel attempts each take the row in turn, so no more checks happen than
// the limit allows.
const COUNT_SQL = `INSERT INTO ${THROTTLE} ("kind", "key", "failures", "windowStartedAt", "nextAttemptAt") VALUES (:kind, :key, 1, :now, :now)
  ON CONFLICT ("kind", "key") DO UPDATE SET
    "failures" = CASE WHEN ${STALE} THEN 1 ELSE ${THROTTLE}."failures" + 1 END,
    "windowStartedAt" = CASE WHEN ${STALE} THEN :now ELSE ${THROTTLE}."windowStartedAt" END
  WHERE ${THROTTLE}."nextAttemptAt" <= :now
  RETURNING "failures"`;

/** The sign-in throttle's counters (fixed SQL), before any authority is known. The rules are SignInThrottle's. */
@Injectable()
export class SignInThrottleRepository {
  constructor(private readonly transactions: Transactions) {}

  private get manager() {
    return this.transactions.manager;
  }

  /** Counts a failure (a new window once the last has passed); null while the key must still wait. */
  async countFailure({ kind, key }: ThrottleKey, now: string, windowFloor: string): Promise<number | null> {
    const [row] = await runSql(this.manager, COUNT_SQL, { kind, key, now, windowFloor });
    return row ? Number(row.failures) : null;
  }

  async setNextAttempt({ kind, key }: ThrottleKey, next: string): Promise<void> {
    await runSql(this.manager, `UPDATE ${THROTTLE} SET "nextAttemptAt" = :next WHERE "kind" = :kind AND "key" = :key`, { next, kind, key });
  }

  async nextAttemptAt({ kind, key }: ThrottleKey): Promise<string | null> {
    const [row] = await runSql(this.manager, `SELECT "nextAttemptAt" FROM ${THROTTLE} WHERE "kind" = :kind AND "key" = :key`, { kind, key });
    return row ? String(row.nextAttemptAt) : null;
  }

  async forget({ kind, key }: ThrottleKey): Promise<void> {
    await runSql(this.manager, `DELETE FROM ${THROTTLE} WHERE "kind" = :kind AND "key" = :key`, { kind, key });
  }

  /** Clears the keys whose window ended before `floor`. */
  async purge(floor: string): Promise<void> {
    await runSql(this.manager, `DELETE FROM ${THROTTLE} WHERE "windowStartedAt" <= :floor AND "nextAttemptAt" <= :floor`, { floor });
  }
}
