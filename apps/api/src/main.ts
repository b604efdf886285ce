import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, loadConfig } from '@app/config';
import { ApiModule } from './app.module';
import { apiAdapter, setupApp } from './setup-app';

async function main() {
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), apiAdapter(config), { logger: ['error', 'warn'] });
  await setupApp(app);
  await app.listen(config.port, config.host);
  console.log(`Improvement Tracker API listening on ${config.publicUrl} (database: ${config.database.kind})`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `Could not start the API: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
