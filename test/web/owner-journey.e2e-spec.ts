import { describeInBrowser, journey, settled, signIn, useDemoBrowser, visit } from './web-harness';

jest.setTimeout(60_000);

describeInBrowser('web: an owner updates an action with evidence', () => {
  const web = useDemoBrowser();

  it('finds the action on My actions, uploads evidence, adds a note, completes it and sees it all in the timeline', async () => {
    const { page, problems } = await web.tab();
    await journey(
      'owner-updates-action',
      () => [page],
      async () => {
        await page.goto('/');
        expect(new URL(page.url()).pathname).toBe('/sign-in');
        await signIn(page, 'owner@demo.example', 'demo-password');
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My actions');
        expect(await page.getByText(/You own \d+ open actions?/).count()).toBe(1);

        await page.locator('main table a').first().click();
        await settled(page);
        const actionUrl = new URL(page.url()).pathname;
        expect(actionUrl).toMatch(/^\/actions\//);

        if (await page.getByLabel('In progress').count()) {
          await page.getByLabel('In progress').check();
          await page.getByRole('button', { name: 'Save status' }).click();
          await settled(page);
          expect(await page.getByText('The status has been changed.').count()).toBe(1);
        }

        await page.getByRole('button', { name: 'Save status' }).scrollIntoViewIfNeeded();
        await page.getByLabel('Completed').check();
        await page.getByRole('button', { name: 'Save status' }).click();
        await settled(page);
        expect(await page.locator('.govuk-error-summary').textContent()).toContain('Attach at least one piece of evidence');

        await page.setInputFiles('#evidence-file', {
          name: 'case-audit.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from('Audit of 20 cases: all visits recorded within timescale.\n'),
        });
        await page.getByLabel('What the evidence shows (optional)').fill('Case file audit, November');
        await page.getByRole('button', { name: 'Upload evidence' }).click();
        await settled(page);
        expect(await page.getByText('The evidence has been added.').count()).toBe(1);
        expect(await page.getByRole('link', { name: 'Case file audit, November' }).count()).toBe(1);

        await page.getByLabel('Add a progress note').fill('All teams briefed; audit attached.');
        await page.getByRole('button', { name: 'Add note' }).click();
        await settled(page);

        await page.getByLabel('Completed').check();
        await page.getByRole('button', { name: 'Save status' }).click();
        await settled(page);
        expect(await page.getByText('The status has been changed.').count()).toBe(1);

        const timeline = await page.locator('.app-timeline').textContent();
        expect(timeline).toContain('Evidence added: Case file audit, November');
        expect(timeline).toContain('All teams briefed; audit attached.');
        expect(timeline).toMatch(/Status changed from In progress to Completed/);
        expect(timeline).toContain('Priya Shah');
        expect(problems).toEqual([]);
      },
    );
  });

  it('signs the owner out after 30 minutes idle, says so, and returns them to the page after signing in', async () => {
    const { page, problems } = await web.tab();
    await journey(
      'owner-session-expiry',
      () => [page],
      async () => {
        await signIn(page, 'owner@demo.example', 'demo-password');
        await visit(page, '/plans');
        web.t.clock.set(new Date(web.t.clock.now().getTime() + 31 * 60_000));
        await page.reload();
        await settled(page);
        expect(new URL(page.url()).pathname).toBe('/sign-in');
        expect(await page.getByText('You were signed out because you did not use the service for 30 minutes').count()).toBe(1);
        await page.getByLabel('Email address').fill('owner@demo.example');
        await page.getByLabel('Password', { exact: true }).fill('wrong password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await settled(page);
        expect(await page.locator('.govuk-error-summary a[href="#email"]').textContent()).toContain('The email address or password is not right');
        await page.getByLabel('Password', { exact: true }).fill('demo-password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await settled(page);
        expect(new URL(page.url()).pathname).toBe('/plans');
        await page.getByRole('button', { name: 'Sign out' }).click();
        await settled(page);
        expect(await page.getByText('You have signed out.').count()).toBe(1);
        expect(problems).toEqual([]);
      },
    );
  });
});
