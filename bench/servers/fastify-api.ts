import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { ConfigError, loadConfig } from '@app/config';
import { ApiModule } from '../../apps/api/src/app.module';
import { strictValidationPipe } from '../../apps/api/src/common/validation';

/**
 * The bench's trial of issue 17: the same API module on Nest's Fastify adapter, configured by the
 * same environment as dist/apps/api/src/main.js. The JSON routes are what it is for: helmet and
 * cookie-parser run as connect middleware (each request pays for them as under Express), and the
 * few Express request/response methods our guard and error filter call are lent to Fastify's. The
 * web pages, static assets, file uploads (multer) and the error filter's HTML pages are Express's
 * and do not work here. Never production.
 */
async function main() {
  const config = loadConfig();
  const adapter = new FastifyAdapter({ trustProxy: config.trustProxy, bodyLimit: 1024 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, { logger: ['error', 'warn'] });
  expressShims(app);
  app.use(helmet({ referrerPolicy: { policy: 'same-origin' } }));
  app.use(cookieParser());
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  console.log(`Improvement Tracker API (Fastify adapter, bench only) listening on ${config.publicUrl} (database: ${config.database.kind})`);
}

/**
 * What our guard and error filter use of Express's request and response, lent to Fastify's, so that
 * the same guard, cross-site check and JSON errors run (a real switch would make those neutral).
 */
function expressShims(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.decorateRequest('path', {
    getter(this: FastifyRequest) {
      return this.url.split('?')[0];
    },
  });
  fastify.decorateRequest('get', function (this: FastifyRequest, name: string) {
    return this.headers[name.toLowerCase()];
  });
  fastify.decorateRequest('cookies', {
    getter(this: FastifyRequest) {
      return (this.raw as { cookies?: Record<string, string> }).cookies;
    },
  });
  fastify.decorateReply('json', function (this: FastifyReply, body: unknown) {
    return this.type('application/json; charset=utf-8').send(JSON.stringify(body));
  });
}

main().catch((error) => {
  console.error(
    error instanceof ConfigError ? error.message : `Could not start the API on Fastify: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
  );
  process.exit(1);
});
