import { demoReport } from '../../apps/cli/src/demo/demo-seed';
import { newAuthority, newBoard, newUser, TEST_PASSWORD, TestUser } from '@app/testing';
import { describeInBrowser, journey, settled, signIn, useWebBrowser, visit } from './web-harness';

jest.setTimeout(60_000);

describeInBrowser('web: an admin imports a report into an activated plan with owners', () => {
  let admin: TestUser;
  let owner: TestUser;
  const web = useWebBrowser(async ({ t }) => {
    const authority = await newAuthority(t);
    admin = await newUser(t, authority.id, ['admin']);
    owner = await newUser(t, authority.id, ['viewer']);
    await newBoard(t, await newUser(t, authority.id, ['board_chair']));
  });

  const findingCount = async (page: import('playwright-core').Page) => page.locator('#findings tbody tr').count();

  it('uploads, edits, merges, splits and drops findings, makes the draft plan, assigns owners and activates it', async () => {
    const { page, problems } = await web.tab();
    await journey(
      'admin-imports-report',
      () => [page],
      async () => {
        await signIn(page, admin.email, TEST_PASSWORD);
        await page.getByRole('link', { name: 'Import a report' }).click();
        await settled(page);
        await page.getByRole('button', { name: 'Upload and read the report' }).click();
        await settled(page);
        expect(await page.locator('.govuk-error-summary a[href="#report-file"]').textContent()).toContain('Select the report file');

        await page.setInputFiles('#report-file', demoReport().file);
        await page.getByRole('button', { name: 'Upload and read the report' }).click();
        await settled(page);
        const read = await findingCount(page);
        expect(read).toBeGreaterThan(4);

        await page.getByRole('link', { name: 'Change finding 1', exact: true }).click();
        await settled(page);
        await page.getByLabel('Finding', { exact: true }).fill('Ensure that all core assessments are completed within timescale (checked).');
        await page.getByRole('button', { name: 'Save the finding' }).click();
        await settled(page);
        expect(await page.locator('#findings tbody tr').first().textContent()).toContain('(checked)');

        await page.locator('#finding-2').check();
        await page.locator('#finding-3').check();
        await page.getByRole('button', { name: 'Merge selected findings' }).click();
        await settled(page);
        expect(await findingCount(page)).toBe(read - 1);

        await page.getByRole('link', { name: 'Change finding 3', exact: true }).click();
        await settled(page);
        await page.getByLabel('The parts, with a blank line between each').fill('First part of the finding.\n\nSecond part of the finding.');
        await page.getByRole('button', { name: 'Split the finding' }).click();
        await settled(page);
        expect(await findingCount(page)).toBe(read);

        await page.getByRole('link', { name: `Change finding ${read}`, exact: true }).click();
        await settled(page);
        await page.getByRole('button', { name: 'Remove the finding' }).click();
        await settled(page);
        expect(await findingCount(page)).toBe(read - 1);

        await page.getByLabel('Plan title').fill('Safeguarding improvement plan 2026');
        await page.getByLabel('Start date (optional)').fill('2026-12-01');
        await page.getByRole('button', { name: 'Create the draft plan' }).click();
        await settled(page);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Assign owners');
        expect(await page.locator('tbody tr').count()).toBe(read - 1);

        await page.getByLabel('Owner of A1', { exact: true }).selectOption({ label: owner.displayName });
        await page.getByLabel('Owner of A2', { exact: true }).selectOption({ label: owner.displayName });
        await page.getByRole('button', { name: 'Save owners' }).click();
        await settled(page);
        expect(await page.getByText('The owners have been saved.').count()).toBe(1);
        await page.getByRole('button', { name: 'Activate the plan' }).click();
        await settled(page);

        expect(await page.locator('.govuk-caption-l').textContent()).toContain('Active');
        await visit(page, `${new URL(page.url()).pathname}?owner=${owner.id}`);
        expect(await page.getByText(/^\s*2 actions where owner:/).count()).toBe(1);
        expect(problems).toEqual([]);
      },
    );
  });
});
