import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import * as path from 'node:path';
import { repoRoot } from '@app/config';

/** Where the page templates and our own static files live (outside dist/, so found from the repository root). */
export const VIEWS_DIR = path.join(repoRoot(), 'apps', 'api', 'views');

/** The design system's Nunjucks macros and compiled assets. */
export const GOVUK_DIST = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist');

const ONE_DAY = 24 * 60 * 60 * 1000;

/**
 * Serves our own CSS and scripts and GOV.UK Frontend's CSS, JS, fonts and images under /assets, without
 * sign-in: the first folder that has the file serves it, and a file none has is the app's 404.
 */
export async function setupWebAssets(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyStatic, {
    root: [path.join(VIEWS_DIR, 'assets'), path.join(GOVUK_DIST, 'govuk', 'assets'), path.join(GOVUK_DIST, 'govuk')],
    prefix: '/assets/',
    maxAge: ONE_DAY,
    index: false,
    dotfiles: 'ignore',
  });
}
