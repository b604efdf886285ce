import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppConfig, loadConfig } from '@app/config';
import { Clock } from '@app/core';
import { createTestDatabase, DbKind, TestDatabase } from '.';
import { ApiModule } from '../../apps/api/src/app.module';
import { setupApp } from '../../apps/api/src/setup-app';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  clock: Clock;
  http: () => ReturnType<typeof request>;
  get<T>(token: new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/** The real API module on a fresh database with the real migrations, the clock fixed. */
export async function createTestApp(kind: DbKind, env: Record<string, string> = {}, now = '2026-11-23T09:00:00Z'): Promise<TestApp> {
  const db: TestDatabase = await createTestDatabase(kind);
  const config: AppConfig = { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: db.dataDir, ...env }), database: db.config };
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  setupApp(app);
  await app.init();
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
