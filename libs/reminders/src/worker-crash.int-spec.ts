import { TestingModule } from '@nestjs/testing';
import Database from 'better-sqlite3';
import { DataSource, In } from 'typeorm';
import { Clock } from '@app/core/clock';
import { createTestDatabase, DB_KINDS, DbKind, TestDatabase } from '@app/testing/test-database';
import { Notification, OutboxEmail } from './entities';
import { Reminder, ReminderState } from './entities/reminder.entity';
import { reminderMessageId } from './mailer.service';
import { DELIVERY_BATCH_SIZE, ReminderDeliveryService, SMTP_CLAIMED_AT_MOST, SMTP_CONCURRENCY } from './reminder-delivery.service';
import { londonDate } from './reminder-rules';
import { RemindersService, SENDING_LEASE_MS } from './reminders.service';
import { HoldingSmtpSink } from '@app/testing/holding-smtp-sink';
import { dueReminders, remindersTestModule, seedWorld, setClock, testConfig, waitFor, World } from '@app/testing/reminders-test-kit';
import { activeBatchJobs, emptyRedisDatabase, requireBuild, runCli, AppProcess } from '@app/testing/worker-process';

// Each test starts a worker process and a CLI process; on a busy machine that can take a while.
jest.setTimeout(60_000);

const DAY_MS = 24 * 60 * 60_000;
// The worker process keeps the real clock, so the reminders fell due three days ago by it.
const DUE_DATE = londonDate(new Date(Date.now() - 3 * DAY_MS));
const SEEDED_AT = new Date(Date.now() - 10 * DAY_MS).toISOString();
/** The name the killed worker's PostgreSQL connections go by, to find its open transaction. */
const WORKER_APP = 'reminders-crash-test-worker';
/** Rows a worker has claimed for SMTP while none of its messages is acknowledged: as many as a process may hold. */
const CLAIMED_AT_ONCE = SMTP_CLAIMED_AT_MOST;

describe.each(DB_KINDS)('a worker process killed in the middle of delivering, on %s', (kind: DbKind) => {
  const sink = new HoldingSmtpSink();
  let scratch: TestDatabase;
  let moduleRef: TestingModule;
  let db: DataSource;
  let redis: { url: string; wipe: () => Promise<void> };
  let smtpUrl: string;
  let world: World;
  let worker: AppProcess | null = null;

  beforeAll(async () => {
    requireBuild();
    scratch = await createTestDatabase(kind);
    // Pooled, as a busy deployment would configure it: 810 messages over one connection each took most of this spec's time.
    smtpUrl = `smtp://127.0.0.1:${await sink.start()}?pool=true&maxConnections=${SMTP_CONCURRENCY}`;
    moduleRef = await remindersTestModule(testConfig(scratch.config, { SMTP_URL: smtpUrl }));
    db = moduleRef.get(DataSource);
    redis = await emptyRedisDatabase();
    world = await seedWorld(db, SEEDED_AT);
  });

  afterEach(async () => {
    await worker?.kill();
    worker = null;
    await redis?.wipe();
  });

  afterAll(async () => {
    await moduleRef?.close();
    await sink.stop();
    await scratch?.drop();
  });

  /** The worker's and the CLI's settings: this database and Redis, and whatever else is given. */
  const env = (extra: Record<string, string> = {}) => ({ ...scratch.env, REDIS_URL: redis.url, ...extra });
  const startWorker = (extra: Record<string, string> = {}) => {
    worker = AppProcess.worker(env({ ...namedConnections(scratch.env), ...extra }));
    return worker;
  };
  const seed = async (count: number) => {
    setClock(moduleRef, SEEDED_AT);
    return (await dueReminders(moduleRef, world, count, DUE_DATE)).map((r) => r.id);
  };
  const idsIn = async (ids: string[], state: ReminderState) =>
    (await db.manager.find(Reminder, { where: { id: In(ids), state }, select: { id: true } })).map((r) => r.id).sort();
  const copiesOf = (id: string) => sink.deliveredCounts().get(reminderMessageId(id, 'https://tracker.test')) ?? 0;
  const runDueByCli = async (extra: Record<string, string> = {}) => JSON.parse(await runCli(['reminders:run-due'], env(extra)));

  it('over SMTP: a message the server never acknowledged is sent again once the claim lapses, and each reminder arrives exactly once', async () => {
    const ids = await seed(CLAIMED_AT_ONCE + 10);
    await killWhileEverySlotIsMidSend(ids);

    // Nothing was acknowledged, so nothing was delivered; the batches the worker claimed are still claimed.
    expect(sink.delivered).toHaveLength(0);
    const claimed = await idsIn(ids, 'sending');
    expect(claimed).toHaveLength(CLAIMED_AT_ONCE);

    // Catching up straight away sends the rows it never claimed, and leaves its claims alone while their lease lasts;
    // so does its job, when BullMQ hands it to another worker.
    expect(await runDueByCli({ SMTP_URL: smtpUrl })).toMatchObject({ total: 10, sent: 10 });
    const [job] = await activeBatchJobs(redis.url);
    expect([...job.reminderIds].sort()).toEqual([...ids].sort());
    moduleRef.get(Clock).set(null);
    await expect(moduleRef.get(ReminderDeliveryService).onDeliverBatchJob(job, { finalAttempt: false })).resolves.toBe('skipped');
    expect(await idsIn(ids, 'sending')).toEqual(claimed);
    expect(claimed.map(copiesOf)).toEqual(claimed.map(() => 0));

    // With the clock past the lease, the same delivery path takes the claimed rows back and sends them.
    const afterLease = new Date(Date.now() + SENDING_LEASE_MS + 60_000);
    setClock(moduleRef, afterLease.toISOString());
    expect(await moduleRef.get(RemindersService).runDue(afterLease)).toMatchObject({ total: CLAIMED_AT_ONCE, sent: CLAIMED_AT_ONCE });
    expect(ids.map(copiesOf)).toEqual(ids.map(() => 1));
    expect(await idsIn(ids, 'sent')).toEqual([...ids].sort());
    expect(await db.manager.countBy(OutboxEmail, { reminderId: In(ids), transport: 'smtp' })).toBe(ids.length);
    expect(await db.manager.countBy(Reminder, { id: In(claimed), attempts: 2 })).toBe(claimed.length);
  });

  it('in-app only: a batch cut off mid-transaction leaves nothing half done, and each reminder notifies exactly once', async () => {
    const ids = await seed(3 * DELIVERY_BATCH_SIZE);
    await killInsideADeliveryTransaction(ids);

    // Each batch is one transaction: a row is sent with its notification, or neither happened; nothing stays claimed.
    const sent = await idsIn(ids, 'sent');
    expect(sent.length).toBeLessThan(ids.length);
    expect(await idsIn(ids, 'sending')).toEqual([]);
    expect(await notified(ids)).toEqual(sent);

    const rest = ids.length - sent.length;
    expect(await runDueByCli()).toMatchObject({ total: rest, sent: rest });
    expect(await notified(ids)).toEqual([...ids].sort());
    expect(await db.manager.countBy(Notification, { reminderId: In(ids) })).toBe(ids.length);
    expect(await db.manager.countBy(OutboxEmail, { reminderId: In(ids), transport: 'outbox' })).toBe(ids.length);
    expect(await idsIn(ids, 'sent')).toEqual([...ids].sort());
  });

  /**
   * The server holds back its reply to every message; once every SMTP slot is waiting for one, and
   * the worker holds all the rows it may claim, it is killed.
   */
  async function killWhileEverySlotIsMidSend(ids: string[]): Promise<void> {
    sink.holding = true;
    const dead = startWorker({ SMTP_URL: smtpUrl });
    await waitFor(
      'every SMTP slot to be mid-send, and the worker to hold all it may claim',
      async () => sink.heldCount === SMTP_CONCURRENCY && (await idsIn(ids, 'sending')).length === CLAIMED_AT_ONCE,
      { detail: () => dead.log },
    );
    await dead.kill();
    await waitFor('the server to see the killed worker hang up', () => sink.dropped.length === SMTP_CONCURRENCY);
    sink.release();
  }

  /** Freezes the worker (SIGSTOP) until it is caught inside a delivery transaction, then kills it there. */
  async function killInsideADeliveryTransaction(ids: string[]): Promise<void> {
    const dead = startWorker();
    // On SQLite, where only the write lock shows (and this process's transactions take turns), past its
    // start-up writes and the first batch. PostgreSQL shows the delivery's own statements, so catching
    // starts at once: waiting for the start-up log let all three batches, run at once, finish first.
    if (kind === 'sqlite')
      await waitFor('the worker to be delivering', async () => dead.printed('Start-up reconcile') && (await idsIn(ids, 'sent')).length > 0, {
        detail: () => dead.log,
      });
    await waitFor(
      'the worker to be frozen inside a delivery transaction',
      async () => {
        dead.pause();
        if (await insideTransaction()) return true;
        dead.resume();
        return false;
      },
      { detail: () => dead.log },
    );
    await dead.kill();
  }

  const notified = async (ids: string[]) =>
    (await db.manager.find(Notification, { where: { reminderId: In(ids) }, select: { reminderId: true } })).map((n) => n.reminderId!).sort();

  /**
   * Whether the (frozen) worker is inside a delivery transaction. PostgreSQL shows where: one that has
   * written notifications or is recording outcomes, after its claim (not the start-up's marking of rows
   * as queued). SQLite shows only that its write lock is held.
   */
  async function insideTransaction(): Promise<boolean> {
    if (kind === 'postgres') {
      const [row] = await db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE application_name = $1 AND backend_xid IS NOT NULL
          AND (query ~ '^INSERT INTO "notification"' OR query ~ '^UPDATE "reminder" SET "state" = \\$[0-9]+, "outcome"')`,
        [WORKER_APP],
      );
      return row.n > 0;
    }
    return sqliteWriteLocked((scratch.config as { file: string }).file);
  }
});

/** On PostgreSQL, the worker's connections carry a name, by which its transactions are found. */
function namedConnections(env: Record<string, string>): Record<string, string> {
  if (!env.DATABASE_URL) return {};
  const url = new URL(env.DATABASE_URL);
  url.searchParams.set('application_name', WORKER_APP);
  return { DATABASE_URL: url.toString() };
}

/** Whether another connection holds the SQLite file's write lock (the worker opens every transaction with BEGIN IMMEDIATE). */
function sqliteWriteLocked(file: string): boolean {
  const probe = new Database(file, { timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    probe.close();
  }
}
