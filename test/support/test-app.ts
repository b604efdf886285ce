import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppConfig, loadConfig } from '@app/config';
import { Clock } from '@app/core';
import { createTestDatabase, DbKind, TestDatabase } from '.';
import { ApiModule } from '../../apps/api/src/app.module';
import { apiAdapter, setupApp } from '../../apps/api/src/setup-app';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  clock: Clock;
  http: () => ReturnType<typeof request>;
  get<T>(token: new (...args: never[]) => T): T;
  close(): Promise<void>;
}

const servedRoutes = new WeakMap<NestFastifyApplication, string[]>();

/** Every route Fastify was given for this app, as "METHOD /path/:param" (its own HEAD routes among them). */
export function registeredRoutes(app: NestFastifyApplication): string[] {
  return servedRoutes.get(app) ?? [];
}

/** The API module, set up as main.ts does, ready for supertest (which talks to the bare server, so Fastify must have loaded its plugins and routes). */
export async function startApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(apiAdapter(config), { logger: ['error'] });
  const routes: string[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push(`${method} ${route.url}`);
    });
  servedRoutes.set(app, routes);
  await setupApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** The real API module on a fresh database with the real migrations, the clock fixed. */
export async function createTestApp(kind: DbKind, env: Record<string, string> = {}, now = '2026-11-23T09:00:00Z'): Promise<TestApp> {
  const db: TestDatabase = await createTestDatabase(kind);
  const config: AppConfig = { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: db.dataDir, ...env }), database: db.config };
  const app = await startApiApp(config);
  const clock = app.get(Clock);
  clock.set(now);
  return {
    app,
    config,
    clock,
    http: () => request(app.getHttpServer()),
    get: (token) => app.get(token),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
