import { Test, TestingModule } from '@nestjs/testing';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { Queue } from 'bullmq';
import { AppConfig } from '@app/config';
import { jobId, JobName, QueueName, redisConnection } from '@app/queue';
import { Clock } from '@app/core';
import { Notification, OutboxEmail, Reminder, ReminderReconciler, ReminderSettingsService } from '@app/reminders';
import {
  activePlan,
  createTestDatabase,
  DB_KINDS,
  DbKind,
  newAction,
  remindersTestModule,
  seedWorld,
  SmtpSink,
  testConfig,
  World,
} from '@app/testing/reminders-test-kit';
import { HealthServer } from './health.server';
import { WorkerBootstrap } from './worker-bootstrap';
import { WorkerModule } from './worker.module';

jest.setTimeout(40_000);

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('Timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(DB_KINDS)('worker on %s with real Redis', (kind: DbKind) => {
  const prefix = `it-test-${randomUUID().slice(0, 8)}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const workers: TestingModule[] = [];
  let api: TestingModule;
  let db: DataSource;
  let config: AppConfig;
  let drop: () => Promise<void>;
  let world: World;

  const DUE = '2026-03-22T08:00:00.000Z';

  async function startWorker(options: { at?: string; config?: AppConfig; start?: boolean } = {}): Promise<TestingModule> {
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot({ config: options.config ?? config, queuePrefix: prefix })] }).compile();
    await moduleRef.init();
    moduleRef.get(Clock).set(options.at ?? DUE);
    workers.push(moduleRef);
    if (options.start !== false) await moduleRef.get(WorkerBootstrap).start({ reconcileEveryMs: 500 });
    return moduleRef;
  }

  async function stopWorkers() {
    for (const w of workers.splice(0)) await w.close();
  }

  async function wipeRedis() {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  }

  /** `count` actions whose only reminder (on the due date) falls at DUE. */
  async function dueActions(count: number) {
    const plan = await activePlan(api, world);
    await api
      .get(ReminderSettingsService)
      .update(world.admin, plan.id, { beforeDays: [], overdueOwnerDays: null, managerAfterDays: null, chairAfterDays: null, weeklyDigest: false });
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await newAction(api, world, plan.id, '2026-03-22')).id);
    const rows = await db.manager.findBy(Reminder, { actionId: In(ids) });
    expect(rows).toHaveLength(count);
    return rows;
  }

  const sent = (ids: string[]) => db.manager.countBy(Reminder, { id: In(ids), state: 'sent' });

  beforeAll(async () => {
    const created = await createTestDatabase(kind);
    drop = created.drop;
    config = testConfig(created.config, { REDIS_URL });
    api = await remindersTestModule(config);
    db = api.get(DataSource);
  });

  afterAll(async () => {
    await stopWorkers();
    await api?.close();
    await wipeRedis();
    redis.disconnect();
    await drop?.();
  });

  beforeEach(async () => {
    await db.query(`UPDATE "improvement_plan" SET "status" = 'closed'`);
    api.get(Clock).set('2026-03-01T12:00:00.000Z');
    world = await seedWorld(db, '2026-03-01T12:00:00.000Z');
  });

  afterEach(async () => {
    await stopWorkers();
    await wipeRedis();
  });

  it('delivers due reminders through the queue, once, and reports health', async () => {
    const rows = await dueActions(3);
    const worker = await startWorker();
    await waitFor(async () => (await sent(rows.map((r) => r.id))) === 3);
    expect(await db.manager.countBy(OutboxEmail, { reminderId: In(rows.map((r) => r.id)) })).toBe(3);
    const health = worker.get(HealthServer);
    const port = await health.listen(0);
    const body = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
    expect(body).toMatchObject({ status: 'ok', database: 'up', redis: 'up', reminders: { sent: expect.any(Number) } });
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
  });

  it('runs two workers at once without a duplicate', async () => {
    const rows = await dueActions(40);
    await Promise.all([startWorker(), startWorker()]);
    await waitFor(async () => (await sent(rows.map((r) => r.id))) === 40, 25_000);
    expect(await db.manager.countBy(OutboxEmail, { reminderId: In(rows.map((r) => r.id)) })).toBe(40);
    expect(await db.manager.countBy(Notification, { reminderId: In(rows.map((r) => r.id)) })).toBe(40);
  });

  it('queues rows due together as one batch job whose id derives from its rows, so queueing again adds nothing', async () => {
    const rows = await dueActions(3);
    const w = await startWorker({ start: false });
    await w.get(ReminderReconciler).reconcile();
    await w.get(ReminderReconciler).reconcile({ requeueAll: true });
    const queue = new Queue(QueueName.Reminders, { connection: redisConnection(REDIS_URL), prefix });
    try {
      const jobs = (await queue.getJobs(['waiting', 'delayed', 'prioritized'])).filter((j) => j.name === JobName.ReminderDeliverBatch);
      expect(jobs).toHaveLength(1);
      expect([...jobs[0].data.reminderIds].sort()).toEqual(rows.map((r) => r.id).sort());
      expect(jobs[0].id).toBe(jobId(JobName.ReminderDeliverBatch, { reminderIds: rows.map((r) => r.id) }));
    } finally {
      await queue.close();
    }
  });

  (kind === 'postgres' ? it : it.skip)('queues rows without waiting for a delivery that holds some of them (PostgreSQL row locks)', async () => {
    const rows = await dueActions(4);
    const held = rows.slice(0, 2).map((r) => r.id);
    const w = await startWorker({ start: false });
    const delivery = db.createQueryRunner();
    await delivery.startTransaction();
    try {
      await delivery.query(`SELECT "id" FROM "reminder" WHERE "id" IN ($1, $2) FOR UPDATE`, held);
      const waited = new Promise((_, reject) => setTimeout(() => reject(new Error('The reconcile waited for the delivery')), 5_000));
      expect(await Promise.race([w.get(ReminderReconciler).reconcile(), waited])).toMatchObject({ queued: 4 });
      expect(await db.manager.countBy(Reminder, { id: In(rows.map((r) => r.id)), state: 'queued' })).toBe(2);
      expect(await db.manager.countBy(Reminder, { id: In(held), state: 'pending' })).toBe(2);
    } finally {
      await delivery.rollbackTransaction();
      await delivery.release();
    }
  });

  it('rebuilds the queue from the database after Redis is wiped: everything delivered, once', async () => {
    const rows = await dueActions(5);
    const first = await startWorker({ start: false });
    await first.get(ReminderReconciler).reconcile();
    expect(await db.manager.countBy(Reminder, { id: In(rows.map((r) => r.id)), state: 'queued' })).toBe(5);
    await stopWorkers();
    await wipeRedis();
    await startWorker();
    await waitFor(async () => (await sent(rows.map((r) => r.id))) === 5);
    expect(await db.manager.countBy(OutboxEmail, { reminderId: In(rows.map((r) => r.id)) })).toBe(5);
  });

  it('rebuilds the queue by itself when Redis is wiped under a running worker: no restart, everything delivered, once', async () => {
    const rows = await dueActions(3);
    const worker = await startWorker({ at: '2026-03-22T07:59:30.000Z' });
    await waitFor(async () => (await db.manager.countBy(Reminder, { id: In(rows.map((r) => r.id)), state: 'queued' })) === 3);
    await wipeRedis();
    worker.get(Clock).set(DUE);
    await waitFor(async () => (await sent(rows.map((r) => r.id))) === 3);
    expect(await db.manager.countBy(OutboxEmail, { reminderId: In(rows.map((r) => r.id)) })).toBe(3);
  });

  it('delivers exactly once when a worker died mid-send', async () => {
    const [row] = await dueActions(1);
    const dead = await startWorker({ start: false });
    await dead.get(ReminderReconciler).reconcile();
    // The dead worker had claimed the row; its job is still in Redis.
    await db.manager.update(Reminder, { id: row.id }, { state: 'sending', claimedAt: DUE, attempts: 1 });
    await stopWorkers();
    const live = await startWorker({ at: '2026-03-22T08:01:00.000Z' });
    await new Promise((r) => setTimeout(r, 500));
    expect(await sent([row.id])).toBe(0);
    live.get(Clock).set('2026-03-22T08:06:00.000Z');
    await waitFor(async () => (await sent([row.id])) === 1);
    expect(await db.manager.countBy(OutboxEmail, { reminderId: row.id })).toBe(1);
    expect(await db.manager.findOneBy(Reminder, { id: row.id })).toMatchObject({ attempts: 2 });
  });

  it('keeps retrying while SMTP is down and delivers once, late, when it is back', async () => {
    const sink = new SmtpSink();
    const port = await sink.start();
    await sink.stop();
    const [row] = await dueActions(1);
    await startWorker({ config: { ...config, smtpUrl: `smtp://127.0.0.1:${port}` } });
    await waitFor(async () => (await db.manager.findOneBy(Reminder, { id: row.id }))!.lastError !== null);
    expect(await db.manager.findOneBy(Reminder, { id: row.id })).toMatchObject({ state: 'queued', attempts: 1 });
    await sink.start();
    try {
      await waitFor(async () => (await sent([row.id])) === 1, 20_000);
      expect(sink.to(world.owner.email)).toHaveLength(1);
      expect(await db.manager.findOneBy(Reminder, { id: row.id })).toMatchObject({ attempts: 2, lastError: null });
    } finally {
      await sink.stop();
    }
  });

  it('accepts action changes with no Redis at all, and the queue catches up from the database', async () => {
    const rows = await dueActions(2);
    // The API module (`api`) has no queue: the rows above were scheduled without Redis.
    await startWorker();
    await waitFor(async () => (await sent(rows.map((r) => r.id))) === 2);
  });
});
