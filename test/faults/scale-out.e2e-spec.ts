import { TestingModule } from '@nestjs/testing';
import { DataSource, In } from 'typeorm';
import { Notification, OutboxEmail, Reminder } from '@app/reminders';
import { londonDate } from '@app/reminders/reminder-rules';
import { dueReminders, remindersTestModule, seedWorld, setClock, testConfig, waitFor, World } from '@app/testing/reminders-test-kit';
import { AppProcess, emptyRedisDatabase, freePort, requireBuild } from '@app/testing/worker-process';
import { bearer, createTestDatabase, DB_KINDS, newUser, TestDatabase } from '../support';

jest.setTimeout(180_000);

const DAY_MS = 24 * 60 * 60_000;
// The processes keep the real clock: the reminders fell due two days ago by it, so the workers catch them up at once.
const DUE_DATE = londonDate(new Date(Date.now() - 2 * DAY_MS));
const SEEDED_AT = new Date(Date.now() - 10 * DAY_MS).toISOString();

/** Scaling out is for PostgreSQL: two API processes and two workers on one database and one Redis. */
(DB_KINDS.includes('postgres') ? describe : describe.skip)('two APIs and two workers on one PostgreSQL and Redis', () => {
  let scratch: TestDatabase;
  let moduleRef: TestingModule;
  let db: DataSource;
  let world: World;
  let redis: { url: string; wipe: () => Promise<void> };
  const processes: AppProcess[] = [];

  beforeAll(async () => {
    requireBuild();
    scratch = await createTestDatabase('postgres');
    moduleRef = await remindersTestModule(testConfig(scratch.config));
    db = moduleRef.get(DataSource);
    world = await seedWorld(db, SEEDED_AT);
    redis = await emptyRedisDatabase();
  });
  afterAll(async () => {
    for (const p of processes) await p.kill();
    await moduleRef?.close();
    await redis?.wipe();
    await scratch?.drop();
  });

  it('serves a person through either API, refuses a stale write through the other, and sends each reminder once', async () => {
    const person = await newUser(moduleRef, world.authorityId, ['admin', 'board_chair']);
    setClock(moduleRef, SEEDED_AT);
    const ids = (await dueReminders(moduleRef, world, 150, DUE_DATE)).map((r) => r.id);
    const env = { ...scratch.env, REDIS_URL: redis.url };
    const ports = [String(await freePort()), String(await freePort())];
    processes.push(...(await Promise.all(ports.map((PORT) => AppProcess.api({ ...env, PORT })))));
    processes.push(AppProcess.worker(env), AppProcess.worker(env));
    const [a, b] = ports.map(
      (port) =>
        (path: string, init: { method?: string; body?: unknown } = {}) =>
          fetch(`http://127.0.0.1:${port}${path}`, {
            method: init.method ?? 'GET',
            headers: { ...bearer(person), 'content-type': 'application/json' },
            body: init.body === undefined ? undefined : JSON.stringify(init.body),
          }),
    );

    const plan = (await (
      await a('/api/v1/plans', { method: 'POST', body: { title: 'Shared plan', boardId: world.boardId, startDate: '2026-12-01' } })
    ).json()) as { id: string };
    const created = await a(`/api/v1/plans/${plan.id}/actions`, { method: 'POST', body: { title: 'Made through A' } });
    expect(created.status).toBe(201);
    const action = (await created.json()) as { id: string };
    expect(await (await b(`/api/v1/actions/${action.id}`)).json()).toMatchObject({ title: 'Made through A', version: 1 });
    expect((await b(`/api/v1/actions/${action.id}`, { method: 'PATCH', body: { version: 1, title: 'Changed through B' } })).status).toBe(200);
    expect((await a(`/api/v1/actions/${action.id}`, { method: 'PATCH', body: { version: 1, title: 'Stale through A' } })).status).toBe(409);
    expect(await (await a(`/api/v1/actions/${action.id}`)).json()).toMatchObject({ title: 'Changed through B', version: 2 });

    await waitFor('both workers to deliver every reminder', async () => (await db.manager.countBy(Reminder, { id: In(ids), state: 'sent' })) === ids.length, {
      timeoutMs: 90_000,
      detail: () => processes.map((p) => p.log).join('\n'),
    });
    expect(await db.manager.countBy(Notification, { reminderId: In(ids) })).toBe(ids.length);
    expect(await db.manager.countBy(OutboxEmail, { reminderId: In(ids) })).toBe(ids.length);
  });
});
