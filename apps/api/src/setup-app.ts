import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { APP_CONFIG, AppConfig } from '@app/config';
import { setupApiDocs } from './api-docs';
import { strictValidationPipe } from './common/validation';
import { setupWebAssets } from './web/web-assets';

/** Everything an app instance needs beyond its modules; shared by main.ts and the tests. */
export function setupApp(app: INestApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  const express = app as NestExpressApplication;
  express.set('trust proxy', config.trustProxy);
  express.disable('x-powered-by');
  // Same-origin referrers only: an error page can offer the way back to the form the person came from.
  app.use(helmet({ referrerPolicy: { policy: 'same-origin' } }));
  app.use(cookieParser());
  setupWebAssets(app);
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();
  if (config.apiDocs) setupApiDocs(app);
}
