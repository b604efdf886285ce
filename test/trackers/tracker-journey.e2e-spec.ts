import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserService } from '@app/core';
import { newAuthority, newBoard, newUser, TEST_PASSWORD, TestUser } from '@app/testing';
import { describeInBrowser, journey, settled, signIn, useWebBrowser } from '../web/web-harness';
import { improvementBoardWorkbook } from './council-trackers';

jest.setTimeout(90_000);

describeInBrowser('web: a board member brings in the council’s tracker', () => {
  let member: TestUser;
  let file: string;
  const web = useWebBrowser(async ({ t }) => {
    const authority = await newAuthority(t);
    member = await newUser(t, authority.id, ['board_member']);
    await newBoard(t, await newUser(t, authority.id, ['board_chair']), [member]);
    await t
      .get(UserService)
      .create(authority.id, { email: 'priya.shah@riverside.example', displayName: 'Priya Shah', password: TEST_PASSWORD, roles: ['manager'], managerId: null });
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-')), 'improvement-plan.xlsx');
    fs.writeFileSync(file, await improvementBoardWorkbook());
  });

  it('uploads, sees the mapping and problems, changes a column, reads again and makes the plan', async () => {
    const { page, problems } = await web.tab();
    await journey(
      'member-brings-in-tracker',
      () => [page],
      async () => {
        await signIn(page, member.email, TEST_PASSWORD);
        await page.goto('/import');
        await settled(page);
        await page.getByRole('link', { name: 'Bring in an existing tracker' }).click();
        await settled(page);
        await page.getByRole('button', { name: 'Upload and read the tracker' }).click();
        await settled(page);
        expect(await page.locator('.govuk-error-summary a[href="#tracker-file"]').textContent()).toContain('Select the tracker file');

        await page.setInputFiles('#tracker-file', file);
        await page.getByRole('button', { name: 'Upload and read the tracker' }).click();
        await settled(page);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Check the tracker');
        expect(await page.getByLabel('Action to be taken', { exact: true }).inputValue()).toBe('C');
        expect(await page.locator('#problems li').allTextContents()).toEqual([
          expect.stringContaining('head.of.performance@riverside.example'),
          expect.stringContaining('"31/02/2015" is not a date'),
          expect.stringContaining('"Head of Service" is a job title'),
          expect.stringContaining('is a formula'),
          'Line 10: no one called "Sam Okafor" is a person in this council; the action is left unassigned: choose its owner after the import.',
          expect.stringContaining('Line 11: no one called "Sam Okafor"'),
        ]);
        expect(await page.locator('tbody').textContent()).toContain('Priya Shah');
        // The recommendation each action answers is shown beside it, under its own heading.
        expect(await page.locator('thead').textContent()).toContain('Recommendation');
        expect(await page.locator('tbody tr', { hasText: 'Agree the scorecard’s targets' }).textContent()).toContain(
          'Ensure the board receives performance information monthly',
        );

        await page.getByLabel('Action to be taken', { exact: true }).selectOption('B');
        await page.getByRole('button', { name: 'Read again with these columns' }).click();
        await settled(page);
        expect(await page.locator('tbody').textContent()).toContain('Ensure the board receives performance information monthly');
        await page.getByLabel('Action to be taken', { exact: true }).selectOption('C');
        await page.getByRole('button', { name: 'Read again with these columns' }).click();
        await settled(page);

        await page.getByLabel('Plan title').fill('Improvement plan brought in from Excel');
        await page.getByRole('button', { name: 'Bring in 5 actions' }).click();
        await settled(page);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Improvement plan brought in from Excel');
        expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('5 actions were brought in from the tracker.');
        // The tracker's RAG kept over the rules' is said to come from the tracker, not from a person.
        const table = await page.getByRole('table', { name: /^Actions, sorted/ }).textContent();
        expect(table).toContain('(from the imported tracker)');
        expect(table).not.toContain('(set by a person)');
        await page.getByRole('link', { name: 'Produce a monthly performance scorecard for the board' }).first().click();
        await settled(page);
        expect(await page.locator('.govuk-summary-list', { hasText: 'RAG rating' }).first().textContent()).toContain(
          'from the imported tracker: Rated green in the tracker improvement-plan.xlsx (line 6)',
        );
        expect(await page.getByText('Produce a monthly performance scorecard for the board').count()).toBeGreaterThan(0);
        expect(problems).toEqual([]);
      },
    );
  });
});
