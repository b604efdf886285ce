import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HealthServer } from './health.server';
import { WorkerBootstrap } from './worker-bootstrap';
import { WorkerModule } from './worker.module';

async function main() {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot());
  app.enableShutdownHooks();
  await app.get(HealthServer).listen();
  await app.get(WorkerBootstrap).start();
}

main().catch((error) => {
  new Logger('Worker').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
