import { INestApplication } from '@nestjs/common';
import express from 'express';
import * as path from 'node:path';
import { repoRoot } from '@app/config';

/** Where the page templates and our own static files live (outside dist/, so found from the repository root). */
export const VIEWS_DIR = path.join(repoRoot(), 'apps', 'api', 'views');

/** The design system's Nunjucks macros and compiled assets. */
export const GOVUK_DIST = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist');

const ONE_DAY = 24 * 60 * 60 * 1000;

/** Serves GOV.UK Frontend's CSS, JS, fonts and images and our own CSS and scripts under /assets, without sign-in. */
export function setupWebAssets(app: INestApplication): void {
  const options = { maxAge: ONE_DAY, index: false, fallthrough: true, dotfiles: 'ignore' as const };
  app.use('/assets', express.static(path.join(VIEWS_DIR, 'assets'), options));
  app.use('/assets', express.static(path.join(GOVUK_DIST, 'govuk', 'assets'), options));
  app.use('/assets', express.static(path.join(GOVUK_DIST, 'govuk'), { ...options, extensions: false }));
}
