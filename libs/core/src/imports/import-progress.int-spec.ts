import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { AppConfig, loadConfig } from '@app/config';
import { freePort } from '@app/testing/worker-process';
import { ImportProgress, PROGRESS_KEPT_SECONDS, PROGRESS_WRITE_GAP_MS, tracked } from './import-progress';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// A prefix of this run's own, so its keys are told apart from anyone else's.
const PREFIX = `progress-test-${process.pid}`;
const config = (redisUrl = REDIS_URL): AppConfig => loadConfig({ NODE_ENV: 'test', REDIS_URL: redisUrl, QUEUE_PREFIX: PREFIX });

/** The progress of an import, kept in Redis so that any API process can tell it to the page that started it. */
describe('the progress of an import, for the page that started it', () => {
  const me = { userId: 'u1', authorityId: 'a1', roles: ['board_member' as const] };
  let here: ImportProgress, there: ImportProgress;
  let redis: Redis;

  beforeAll(() => {
    here = new ImportProgress(config());
    there = new ImportProgress(config());
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await Promise.all([here.onModuleDestroy(), there.onModuleDestroy()]);
    const keys = await redis.keys(`${PREFIX}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('tells the pages read so far through another API process, then that it is done', async () => {
    const id = randomUUID();
    const tracker = await here.start(me, id, 'pages');
    expect(await there.get(me, id)).toEqual({ id, stage: 'reading', done: 0, total: null, unit: 'pages' });
    await tracked(tracker, async () => {
      tracker.onProgress(1, 3);
      await waitForWrite();
      expect(await there.get(me, id)).toMatchObject({ stage: 'reading', done: 1, total: 3 });
      tracker.onProgress(2, 3);
      tracker.onProgress(3, 3);
    });
    // Once the import has ended, its end is written: the next question anywhere is told it.
    expect(await there.get(me, id)).toEqual({ id, stage: 'done', done: 3, total: 3, unit: 'pages' });
  });

  it('says a failed import failed, and the rows of a tracker are being stored', async () => {
    const id = randomUUID();
    const tracker = await here.start(me, id, 'rows');
    tracker.onProgress(4, 10);
    await waitForWrite();
    expect(await there.get(me, id)).toMatchObject({ stage: 'storing', done: 4, total: 10, unit: 'rows' });
    await expect(tracked(tracker, () => Promise.reject(new Error('bad row')))).rejects.toThrow('bad row');
    expect((await there.get(me, id))?.stage).toBe('failed');
  });

  it('tells nobody else, in the council or outside it, and takes no id that is not a fresh UUID', async () => {
    const id = randomUUID();
    (await here.start(me, id, 'pages')).onProgress(1, 2);
    await waitForWrite();
    expect(await there.get({ ...me, userId: 'u2' }, id)).toBeNull();
    expect(await there.get({ ...me, authorityId: 'a2' }, id)).toBeNull();
    expect(await there.get(me, randomUUID())).toBeNull();
    // Someone else naming the same id, on either process, neither takes it over nor changes it.
    const intruder = await there.start({ ...me, userId: 'u2' }, id, 'pages');
    intruder.onProgress(2, 2);
    await intruder.finish(true);
    expect(await here.get(me, id)).toMatchObject({ stage: 'reading', done: 1, total: 2 });
    (await here.start(me, 'not-a-uuid', 'pages')).onProgress(1, 1);
    expect(await here.get(me, 'not-a-uuid')).toBeNull();
  });

  it('is forgotten a quarter of an hour after its last news', async () => {
    const id = randomUUID();
    const tracker = await here.start(me, id, 'pages');
    await redis.expire(`${PREFIX}:import-progress:${id}`, 60);
    tracker.onProgress(1, 5);
    await waitForWrite();
    const ttl = await redis.ttl(`${PREFIX}:import-progress:${id}`);
    expect(ttl).toBeGreaterThan(PROGRESS_KEPT_SECONDS - 10);
    expect(ttl).toBeLessThanOrEqual(PROGRESS_KEPT_SECONDS);
  });

  it('writes its news a few times a second at most, however often the import tells it, and the latest in the end', async () => {
    const id = randomUUID();
    const tracker = await here.start(me, id, 'rows');
    const writes = jest.spyOn(Redis.prototype, 'set');
    try {
      const started = Date.now();
      let told = 0;
      while (Date.now() - started < 1000) {
        tracker.onProgress(++told, 100_000);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await tracker.finish(true);
      const seconds = (Date.now() - started) / 1000;
      expect(told).toBeGreaterThan(100);
      // One write at the start of each gap, one trailing write, and the end.
      expect(writes.mock.calls.length).toBeLessThanOrEqual(Math.ceil((seconds * 1000) / PROGRESS_WRITE_GAP_MS) + 2);
      expect(await there.get(me, id)).toMatchObject({ stage: 'done', done: told });
    } finally {
      writes.mockRestore();
    }
  });

  it('lets the import go on while Redis does not answer, its progress unknown', async () => {
    const closed = new ImportProgress(config(`redis://127.0.0.1:${await freePort()}`));
    try {
      const id = randomUUID();
      const started = Date.now();
      const tracker = await closed.start(me, id, 'pages');
      const result = await tracked(tracker, async () => {
        tracker.onProgress(1, 2);
        tracker.onProgress(2, 2);
        return 'imported';
      });
      expect(result).toBe('imported');
      await expect(tracked(tracker, () => Promise.reject(new Error('unreadable')))).rejects.toThrow('unreadable');
      expect(await closed.get(me, id)).toEqual({ id, stage: 'unknown', done: null, total: null, unit: null });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await closed.onModuleDestroy();
    }
  });
});

/** Long enough for a throttled write to have gone to Redis. */
function waitForWrite(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, PROGRESS_WRITE_GAP_MS + 100));
}
