import * as path from 'node:path';
import { newAuthority, newUser, TEST_PASSWORD, TestUser } from '@app/testing';
import { describeInBrowser, journey, settled, signIn, useWebBrowser } from './web-harness';

jest.setTimeout(90_000);

/** A council performance paper of our own (libs/importer/test-documents/figures). */
const PAPER = path.resolve(__dirname, '../../libs/importer/test-documents/figures/performance-paper-ashcombe-2015.txt');

describeInBrowser('web: a board member brings a paper’s figures into the measures', () => {
  let member: TestUser;
  const web = useWebBrowser(async ({ t }) => {
    member = await newUser(t, (await newAuthority(t)).id, ['board_member']);
  });

  it('uploads the paper, chooses which is better where it does not say, ticks and imports (every page checked with axe)', async () => {
    const { page, problems } = await web.tab();
    await journey(
      'member-imports-paper-figures',
      () => [page],
      async () => {
        await signIn(page, member.email, TEST_PASSWORD);
        await page.goto('/import');
        await settled(page);
        await page.getByRole('link', { name: 'import figures from a paper' }).click();
        await settled(page);
        await page.getByRole('button', { name: 'Upload and find the figures' }).click();
        await settled(page);
        expect(await page.locator('.govuk-error-summary a[href="#paper-file"]').textContent()).toContain('Select the paper');

        await page.setInputFiles('#paper-file', PAPER);
        await page.getByRole('button', { name: 'Upload and find the figures' }).click();
        await settled(page);
        await page.getByLabel('Which is better for Children in care').selectOption('lower');
        await page.getByLabel('Import Children in care, 2014/15 Q4').check();
        for (const label of await page.getByLabel(/^Import Initial child protection conferences/).all()) await label.uncheck();
        // Ticked: the assessments' quarter, the plans' band and four quarters of re-referrals as offered, and children in care.
        await page.getByRole('button', { name: 'Import the ticked figures' }).click();
        await settled(page);
        expect(await page.locator('.govuk-panel').textContent()).toMatch(/Figures imported\s+4 new measures, 6 values stored/);
        expect(problems).toEqual([]);
      },
    );
  });
});
