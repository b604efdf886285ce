import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { seedDemo } from '../../apps/cli/src/demo/demo-seed';
import { createTestApp, TestApp } from '../support';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** describe() when Chromium is installed; otherwise the suite is skipped, saying why. */
export function describeInBrowser(name: string, body: () => void) {
  if (HAS_CHROMIUM) return describe(name, body);
  console.warn(`Skipping browser tests "${name}": no Chromium at ${CHROMIUM} (Debian: apt-get install chromium).`);
  return describe.skip(name, body);
}

export interface WebApp {
  t: TestApp;
  baseUrl: string;
}

/** The real app on a fresh SQLite database, listening on a local port for the browser. */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  const t = await createTestApp('sqlite', env);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { t, baseUrl: `http://127.0.0.1:${port}` };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
}

/** A suite's app and browser, as useWebBrowser gives them: read its fields inside hooks and tests, once the suite has started. */
export interface BrowserSuite<T> extends WebApp {
  readonly browser: Browser;
  /** What the suite's set-up returned (useDemoBrowser: the demo's seed). */
  readonly world: T;
  /** A new tab on the app (see newTab). */
  tab(): ReturnType<typeof newTab>;
}

/**
 * For the enclosing suite: before its tests, the app on a fresh database, then `setUp` on it, then Chromium;
 * after them, the browser and the app closed. `timeout` bounds that start-up.
 */
export function useWebBrowser<T>(setUp: (web: WebApp) => Promise<T>, options: { env?: Record<string, string>; timeout?: number } = {}): BrowserSuite<T> {
  let web: WebApp | undefined;
  let browser: Browser | undefined;
  let world: T;
  beforeAll(async () => {
    web = await startWebApp(options.env);
    world = await setUp(web);
    browser = await launchBrowser();
  }, options.timeout ?? 60_000);
  afterAll(async () => {
    await browser?.close();
    await web?.t.close();
  });
  return {
    get t() {
      return web!.t;
    },
    get baseUrl() {
      return web!.baseUrl;
    },
    get browser() {
      return browser!;
    },
    get world() {
      return world;
    },
    tab: () => newTab(browser!, web!.baseUrl),
  };
}

/** useWebBrowser on the demo council (the people, plan and meetings `npm run demo` makes). */
export function useDemoBrowser(options: { env?: Record<string, string>; timeout?: number } = {}) {
  return useWebBrowser((web) => seedDemo(web.t.app), options);
}

/** A browser tab that records console errors (a refused script or style breaks CSP) and failed requests. */
export async function newTab(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL: baseUrl, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  // A form re-shown with its errors answers 4xx, which Chromium logs; failed assets are caught by status below.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('response', (r) => {
    if (r.url().includes('/assets/') && r.status() >= 400) problems.push(`asset ${r.status()}: ${r.url()}`);
  });
  return { context, page, problems };
}

/** Runs axe-core on the page as it is now; any violation fails with what and where. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  // A string, not a function: this project compiles without the DOM types.
  const violations = await page.evaluate<string[]>(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', ')))`);
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
}

/** Waits for the page to settle after a navigation and checks it with axe. */
export async function settled(page: Page): Promise<Page> {
  await page.waitForLoadState('load');
  await expectAccessible(page);
  return page;
}

export async function visit(page: Page, url: string): Promise<Page> {
  await page.goto(url);
  return settled(page);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/sign-in')), page.getByRole('button', { name: 'Sign in' }).click()]);
  await settled(page);
}

/** Runs a journey; on failure saves a screenshot of every open tab into test-artifacts/ before failing. */
export async function journey(name: string, pages: () => Page[], body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const [i, page] of pages().entries()) {
      await page.screenshot({ path: path.join(ARTIFACTS, `${name.replace(/\W+/g, '-')}-${i + 1}.png`), fullPage: true }).catch(() => undefined);
    }
    throw error;
  }
}
