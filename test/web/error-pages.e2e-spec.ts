import { Page } from 'playwright-core';
import { PlanService } from '@app/core';
import { describeInBrowser, journey, settled, signIn, useDemoBrowser, visit } from './web-harness';

jest.setTimeout(90_000);

const HTML = { Accept: 'text/html,application/xhtml+xml' };
const WIDTHS = [320, 1280];

/** An error page: the status's heading, the layout's navigation for a signed-in person, no sideways scroll, and no role codes. */
async function expectErrorPage(page: Page, heading: string, width: number) {
  await settled(page);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
  // On a narrow screen the navigation folds behind its Menu button, so it is found whether shown or not.
  expect(await page.locator('nav[aria-label="Main"] a', { hasText: 'My actions' }).count()).toBe(1);
  expect(await page.getByRole('main').getByRole('link', { name: 'Go to My actions' }).count()).toBe(1);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  expect(await page.locator('body').textContent()).not.toMatch(/board_chair|board_member|"error"|payload_too_large|not_found/);
}

describeInBrowser('web: every error a browser can reach is a page that speaks to a person', () => {
  // Small upload limits, so a too-large file is quick to send (the demo's report is about 112 KB).
  const web = useDemoBrowser({ env: { EVIDENCE_MAX_BYTES: '2048', REPORT_MAX_BYTES: '200000' }, timeout: 90_000 });

  for (const width of WIDTHS) {
    it(`at ${width} px: an unknown address, a bad one, a refused page and a failure, each with the navigation and a way back`, async () => {
      const { page, problems } = await web.tab();
      await page.setViewportSize({ width, height: 800 });
      await journey(
        `error-pages-${width}`,
        () => [page],
        async () => {
          await signIn(page, 'owner@demo.example', 'demo-password');

          expect((await page.goto('/no/such/page'))!.status()).toBe(404);
          await expectErrorPage(page, 'Page not found', width);
          expect(await page.getByRole('main').textContent()).toContain('There is no page at this address.');

          expect((await page.goto('/actions/not-an-id'))!.status()).toBe(400);
          await expectErrorPage(page, 'There is a problem with the request', width);
          expect(await page.getByRole('main').textContent()).toContain('This web address is not one the service made');

          // From the plans page to an admin page an owner may not see: the refusal names the role in words, and offers the way back.
          await visit(page, '/plans');
          await page.evaluate(`window.location.href = '/admin/users'`);
          await page.waitForURL('**/admin/users');
          await expectErrorPage(page, 'You cannot do this', width);
          expect(await page.getByRole('main').textContent()).toContain('Only an admin can');
          await page.getByRole('link', { name: 'Go back to the page you were on' }).click();
          await page.waitForURL('**/plans');

          const spy = jest.spyOn(web.t.get(PlanService), 'list').mockRejectedValueOnce(new Error('the database went away'));
          expect((await page.goto('/plans'))!.status()).toBe(500);
          spy.mockRestore();
          await expectErrorPage(page, 'Sorry, there is a problem with the service', width);
          expect(await page.getByRole('main').textContent()).toContain('Nothing was changed');
          expect(await page.getByRole('main').textContent()).not.toContain('the database went away');
          expect(problems).toEqual([]);
        },
      );
    });

    it(`at ${width} px: a form over the size limit says the limit, and going back keeps what was typed`, async () => {
      const { page, problems } = await web.tab();
      await page.setViewportSize({ width, height: 800 });
      await journey(
        `too-large-form-${width}`,
        () => [page],
        async () => {
          await signIn(page, 'owner@demo.example', 'demo-password');
          const actionPath = await page.locator('main table a.govuk-link').first().getAttribute('href');
          await visit(page, actionPath!);
          const note = `The supervision audit found ${'a long account of the work. '.repeat(4500)}`;
          await page.getByLabel('Add a progress note').fill(note);
          await Promise.all([page.waitForURL('**/notes'), page.getByRole('button', { name: 'Add note' }).click()]);
          await expectErrorPage(page, 'What you sent is too large', width);
          expect(await page.getByRole('main').textContent()).toContain('larger than the 100 KB limit');

          await Promise.all([page.waitForURL(`**${actionPath}`), page.getByRole('link', { name: 'Go back to the page you were on' }).click()]);
          expect(await page.getByLabel('Add a progress note').inputValue()).toBe(note);
          expect(problems).toEqual([]);
        },
      );
    });

    it(`at ${width} px: a file over the limit says the limit, on the form when the file was read, on an error page when it was refused`, async () => {
      const { page, problems } = await web.tab();
      await page.setViewportSize({ width, height: 800 });
      await journey(
        `too-large-file-${width}`,
        () => [page],
        async () => {
          await signIn(page, 'owner@demo.example', 'demo-password');
          const actionPath = (await page.locator('main table a.govuk-link').first().getAttribute('href'))!;
          await visit(page, actionPath);
          // Over the evidence limit but within what the server reads: the form says so and keeps what was typed.
          await page.getByLabel('Evidence file').setInputFiles({ name: 'audit.txt', mimeType: 'text/plain', buffer: Buffer.alloc(8192, 'a') });
          await page.getByLabel('What the evidence shows (optional)').fill('Supervision audit, October');
          await page.getByRole('button', { name: 'Upload evidence' }).click();
          await settled(page);
          expect(await page.locator('.govuk-error-summary').textContent()).toContain('The file is larger than the 2 KB limit');
          expect(await page.getByLabel('What the evidence shows (optional)').inputValue()).toBe('Supervision audit, October');

          // Over everything the server reads: refused before the form is read, an error page with the limit and the way back.
          await visit(page, actionPath);
          await page.getByLabel('Evidence file').setInputFiles({ name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.alloc(300_000, 'a') });
          await page.getByRole('button', { name: 'Upload evidence' }).click();
          await expectErrorPage(page, 'What you sent is too large', width);
          expect(await page.getByRole('main').textContent()).toContain('The file is larger than the 2 KB limit');
          await Promise.all([page.waitForURL(`**${actionPath}`), page.getByRole('link', { name: 'Go back to the page you were on' }).click()]);
          expect(problems).toEqual([]);
        },
      );
    });
  }

  it('answers JSON to the API and to clients that do not ask for a page', async () => {
    const api = await web.t.http().get('/api/v1/no-such-thing').set(HTML).expect(404);
    expect(api.body.error.code).toBe('not_found');
    const client = await web.t.http().get('/no/such/page').set('Accept', 'application/json').expect(404);
    expect(client.body.error.code).toBe('not_found');
    const big = await web.t
      .http()
      .post('/api/v1/auth/sign-in')
      .set(HTML)
      .send({ email: 'x'.repeat(200_000) })
      .expect(413);
    expect(big.body.error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('larger than the 100 KB limit') });
    const page = await web.t.http().get('/no/such/page').set(HTML).expect(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<a href="/sign-in" class="govuk-link">Sign in</a>');
  });
});
