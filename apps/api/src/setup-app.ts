import fastifyCookie from '@fastify/cookie';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import helmet from 'helmet';
import { APP_CONFIG, AppConfig } from '@app/config';
import { setupApiDocs } from './api-docs';
import { BODY_LIMIT_BYTES } from './common/error.filter';
import { strictValidationPipe } from './common/validation';
import { setupWebAssets } from './web/web-assets';

/**
 * The HTTP server the API and the pages run on: Fastify, reading JSON and form bodies up to the limit,
 * trusting X-Forwarded-* only from the configured proxies, and routing as the pages' links expect
 * (a trailing slash is the same address; ids longer than find-my-way's default are still routed, so
 * the pipes answer them with a 400 rather than a bare 404). An address the router cannot read (a bad
 * percent-encoding) is answered in the API's own error shape, as every other refusal is.
 */
export function apiAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      void reply.status(400).send({ error: { status: 400, code: 'bad_request', message: `The address could not be read: ${error.message}` } });
    },
  });
}

/** Everything an app instance needs beyond its modules; shared by main.ts and the tests. */
export async function setupApp(app: NestFastifyApplication): Promise<void> {
  const config = app.get<AppConfig>(APP_CONFIG);
  sendSecurityHeaders(app);
  await app.register(fastifyCookie);
  await setupWebAssets(app);
  readJsonBodies(app);
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();
  if (config.apiDocs) setupApiDocs(app);
}

/**
 * helmet's headers on every answer. Its middleware is made once here; @fastify/helmet made it again
 * for each request, parsing the content security policy each time (1.7 to 3.6 % of a route's busy time).
 * Same-origin referrers only: an error page can offer the way back to the form the person came from.
 */
function sendSecurityHeaders(app: NestFastifyApplication): void {
  const headers = helmet({ referrerPolicy: { policy: 'same-origin' } });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => headers(request.raw, reply.raw, done as (error?: unknown) => void));
}

/** JSON bodies up to the limit; an empty one (a POST with the header and nothing to send) reads as {}, as body-parser read it. */
function readJsonBodies(app: NestFastifyApplication): void {
  const json = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit: BODY_LIMIT_BYTES }, (request, body, done) =>
    body.length === 0 ? done(null, {}) : json(request, body.toString('utf8'), done),
  );
}
