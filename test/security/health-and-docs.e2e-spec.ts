import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@app/config';
import type { RemindersService } from '@app/reminders';
import { HealthServer } from '../../apps/worker/src/health.server';
import { createTestApp, DB_KINDS, TestApp } from '../support';

describe('health and API documentation in production', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('says only up or down, and does not serve the API documentation', async () => {
    t = await createTestApp(DB_KINDS[0], { NODE_ENV: 'production' });
    const health = await t.http().get('/health').expect(200);
    expect(health.body).toEqual({ status: 'ok' });
    await t.http().get('/api/docs').expect(404);
    await t.http().get('/api/docs-json').expect(404);
  });

  it('says "degraded" while Redis does not answer, still 200: the API keeps every change without it', async () => {
    t = await createTestApp(DB_KINDS[0], { NODE_ENV: 'production', REDIS_URL: 'redis://127.0.0.1:1' });
    expect((await t.http().get('/health').expect(200)).body).toEqual({ status: 'degraded' });
  });

  it('shows the details and the documentation when the settings say so', async () => {
    t = await createTestApp(DB_KINDS[0], { NODE_ENV: 'production', HEALTH_DETAILS: 'true', API_DOCS: 'true' });
    const health = await t.http().get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', database: { status: 'up' }, reminders: expect.any(Object) });
    await t.http().get('/api/docs').redirects(1).expect(200);
  });
});

describe('health and API documentation outside production', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('shows the details and the documentation by default, and can turn them off', async () => {
    t = await createTestApp(DB_KINDS[0]);
    expect((await t.http().get('/health').expect(200)).body).toMatchObject({
      status: 'ok',
      database: { status: 'up' },
      redis: expect.any(Object),
      reminders: expect.any(Object),
    });
    await t.http().get('/api/docs-json').expect(200);
    await t.close();
    t = await createTestApp(DB_KINDS[0], { HEALTH_DETAILS: 'false', API_DOCS: 'false' });
    expect((await t.http().get('/health').expect(200)).body).toEqual({ status: 'ok' });
    await t.http().get('/api/docs-json').expect(404);
  });
});

describe("the worker's health check", () => {
  let server: HealthServer;
  afterEach(() => server.onApplicationShutdown());

  const start = async (env: Record<string, string>, databaseUp = true) => {
    const config: AppConfig = loadConfig({ NODE_ENV: 'production', ...env });
    const db = {
      query: async () => {
        if (!databaseUp) throw new Error('no database');
        return [{}];
      },
    } as unknown as DataSource;
    const reminders = { reminderCounts: async () => ({ sent: 12, pending: 3 }) } as unknown as RemindersService;
    const queue = { getJobCounts: async () => ({ waiting: 2 }) } as unknown as Queue;
    server = new HealthServer(config, db, reminders, queue);
    const port = await server.listen(0);
    return (path = '/health') => fetch(`http://127.0.0.1:${port}${path}`);
  };

  it('in production says only up or down', async () => {
    const get = await start({});
    const response = await get();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 when the database is down, still without details', async () => {
    const get = await start({}, false);
    const response = await get();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'degraded' });
  });

  it('shows the counts with HEALTH_DETAILS', async () => {
    const get = await start({ HEALTH_DETAILS: 'true' });
    expect(await (await get()).json()).toEqual({ status: 'ok', database: 'up', redis: 'up', reminders: { sent: 12, pending: 3 }, jobs: { waiting: 2 } });
  });
});
