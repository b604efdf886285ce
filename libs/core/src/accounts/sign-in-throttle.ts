import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AccountRepository } from '@app/database/repositories/account.repository';
import { SignInThrottleRepository } from '@app/database/repositories/sign-in-throttle.repository';
import { Transactions } from '@app/database/transactions';
import { AppError } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { accountHooks } from './account-hooks';

/** A key's failures are forgotten an hour after its count began and its last wait ended. */
const WINDOW_MS = 60 * 60_000;
export const MAX_WAIT_SECONDS = 15 * 60;
/** One account tried from many addresses, or one address trying many accounts, may fail this many times more. */
const WIDE_FACTOR = 10;

type CounterKind = 'account_address' | 'account' | 'address';
interface Counter {
  kind: CounterKind;
  key: string;
  limit: number;
  failures: number;
}

class Refused extends Error {
  constructor(readonly waitUntil: string) {
    super('sign-in must wait');
  }
}

/** The attempts a sign-in was counted in, from `claim`; hand it back with the outcome. */
export interface SignInClaim {
  email: string;
  ip: string;
  counters: Counter[];
}

/** The wait before the next check once `failures` are counted: none below the limit, then 1 s, 2 s, 4 s ... up to 15 minutes. */
export function waitSeconds(failures: number, limit: number): number {
  return failures < limit ? 0 : Math.min(2 ** (failures - limit), MAX_WAIT_SECONDS);
}

export function describeWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * Limits password guessing without letting anyone lock a person out: failures are counted per account
 * and address (SIGN_IN_MAX_FAILURES), and ten times as many per account and per address; past a limit
 * each further attempt waits, from 1 second doubling up to 15 minutes, and the account's owner is told.
 */
@Injectable()
export class SignInThrottle {
  private purgedAt = 0;

  constructor(
    private readonly transactions: Transactions,
    private readonly counters: SignInThrottleRepository,
    private readonly accounts: AccountRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts this attempt before its password is checked; refuses it (429, saying how long to wait) while a key must wait. */
  async claim(typedEmail: string, givenIp: string): Promise<SignInClaim> {
    // No account has a longer email (the column holds 254): cut, the keys and audit rows still fit.
    const [email, ip] = [typedEmail.slice(0, 254), givenIp.slice(0, 64)];
    const now = this.clock.now();
    await this.purge(now);
    const max = this.config.signInMaxFailures;
    const wanted = [
      { kind: 'account_address' as const, key: `${email} ${ip}`, limit: max },
      { kind: 'account' as const, key: email, limit: max * WIDE_FACTOR },
      { kind: 'address' as const, key: ip, limit: max * WIDE_FACTOR },
    ];
    const outcome = await this.transactions
      .run(async (): Promise<{ counters: Counter[] } | { waitUntil: string }> => {
        const [strict, ...wide] = wanted;
        for (const counter of wide) {
          const waitUntil = await this.counters.nextAttemptAt(counter);
          if (waitUntil && waitUntil > now.toISOString()) throw new Refused(waitUntil);
        }
        const failures = await this.count(strict, now);
        if (failures === null) throw new Refused((await this.counters.nextAttemptAt(strict))!);
        return { counters: [{ ...strict, failures }, ...wide.map((c) => ({ ...c, failures: 0 }))] };
      })
      .catch((error) => {
        // The transaction was rolled back: a refused attempt is counted nowhere.
        if (error instanceof Refused) return { waitUntil: error.waitUntil };
        throw error;
      });
    if ('counters' in outcome) return { email, ip, counters: outcome.counters };
    await this.audit.recordAlone({ authorityId: null, entityType: 'user', entityId: null, event: 'sign_in_throttled', actorId: null, subject: email, ip });
    const seconds = Math.max(1, Math.ceil((Date.parse(outcome.waitUntil) - now.getTime()) / 1000));
    throw new AppError(
      'too_many_requests',
      'sign_in_throttled',
      `Too many failed sign-in attempts. Try again in ${describeWait(seconds)}, or ask your council's Improvement Tracker admin to reset your password.`,
      { retryAfterSeconds: seconds },
    );
  }

  /** The password was right: this attempt was no failure, and this person's failures from this address are forgotten. */
  async succeeded(claim: SignInClaim): Promise<void> {
    await this.counters.forget({ kind: 'account_address', key: `${claim.email} ${claim.ip}` });
  }

  /** The attempt failed: the wide keys count it now. When it starts an account's waits, that is audited and the owner told. */
  async failed(claim: SignInClaim, userId: string | null): Promise<void> {
    const now = this.clock.now();
    const counters = await this.transactions.run(async () => {
      const counted: Counter[] = [];
      for (const counter of claim.counters) {
        counted.push(counter.kind === 'account_address' ? counter : { ...counter, failures: (await this.count(counter, now)) ?? 0 });
      }
      return counted;
    });
    const started = counters.find((c) => c.kind !== 'address' && c.failures === c.limit);
    if (!started) return;
    await this.transactions.run(async (tx) => {
      await this.audit.record({
        authorityId: null,
        entityType: 'user',
        entityId: userId,
        event: 'sign_in_delayed',
        actorId: null,
        subject: claim.email,
        ip: claim.ip,
        after: { failures: started.failures, counted: started.kind },
      });
      if (userId) await this.tellOwner(tx, userId, claim.ip, started);
    });
  }

  private async count(counter: Omit<Counter, 'failures'>, now: Date): Promise<number | null> {
    const failures = await this.counters.countFailure(counter, now.toISOString(), new Date(now.getTime() - WINDOW_MS).toISOString());
    if (failures === null) return null;
    const wait = waitSeconds(failures, counter.limit);
    if (wait > 0) await this.counters.setNextAttempt(counter, new Date(now.getTime() + wait * 1000).toISOString());
    return failures;
  }

  /** One unread notice at a time in each of the person's councils: an attack repeats, the notice need not. */
  private async tellOwner(tx: EntityManager, userId: string, ip: string, started: Counter): Promise<void> {
    const memberships = await this.accounts.membershipsOf(userId);
    const now = this.clock.nowIso();
    const from = started.kind === 'account' ? 'from several addresses' : `from the address ${ip}`;
    const body =
      `${started.failures} sign-in attempts with a wrong password were made for your account ${from} (the last at ${now.slice(0, 16).replace('T', ' ')} UTC). ` +
      "Each further attempt now has to wait, from 1 second up to 15 minutes. If this was not you, tell your council's Improvement Tracker admin: they can set you a new password.";
    const authorityIds = memberships.map((m) => m.authorityId);
    await accountHooks(tx).tellPerson(tx, now, {
      userId,
      authorityIds,
      kind: 'sign_in_delayed',
      title: 'Failed sign-in attempts on your account',
      body,
      link: '/',
    });
  }

  /** Rows whose window has passed are worth nothing; clearing them now and then keeps the table small. */
  private async purge(now: Date): Promise<void> {
    if (now.getTime() - this.purgedAt < 60_000 && now.getTime() >= this.purgedAt) return;
    this.purgedAt = now.getTime();
    const floor = new Date(now.getTime() - WINDOW_MS).toISOString();
    await this.counters.purge(floor);
  }
}
