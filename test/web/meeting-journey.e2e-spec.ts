import { DataSource } from 'typeorm';
import { Meeting } from '@app/database/entities';
import { describeInBrowser, journey, settled, signIn, useDemoBrowser, visit } from './web-harness';

// A long journey with axe on every page: minutes on a loaded machine.
jest.setTimeout(300_000);

describeInBrowser('web: the chair runs the next board meeting to approved minutes', () => {
  const web = useDemoBrowser();

  it('drafts the agenda, records a verification, an extension and a reassignment, approves the minutes and opens the pack', async () => {
    const { page, problems } = await web.tab();
    await journey(
      'chair-runs-meeting',
      () => [page],
      async () => {
        await signIn(page, 'chair@demo.example', 'demo-password');
        await page.getByRole('link', { name: 'Meetings' }).click();
        await settled(page);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Board meetings');
        await page.locator('main table a').first().click();
        await settled(page);
        const meetingUrl = new URL(page.url()).pathname;
        expect(await page.getByText('Planned').count()).toBeGreaterThan(0);

        await page.getByRole('button', { name: 'Re-draft the agenda' }).click();
        await settled(page);
        expect(await page.getByText('The agenda has been drafted.').count()).toBe(1);
        expect(await page.locator('.app-agenda-item').count()).toBeGreaterThanOrEqual(3);
        expect(await page.getByText('Completed: awaiting verification').count()).toBeGreaterThanOrEqual(1);

        // The chair gives the first item minutes and moves it second, and adds an item that is not an action.
        const firstTitle = (await page.locator('.app-agenda-item h3 a').first().textContent())!.trim();
        await page
          .getByRole('link', { name: /Change or remove/ })
          .first()
          .click();
        await settled(page);
        await page.getByLabel('Minutes allotted (optional)').fill('15');
        await page.getByLabel('Place on the agenda').fill('2');
        await page.getByRole('button', { name: 'Save the item' }).click();
        await settled(page);
        expect(await page.getByText('The agenda has been changed.').count()).toBe(1);
        expect((await page.locator('.app-agenda-item h3 a').nth(1).textContent())!.trim()).toBe(firstTitle);
        expect(await page.locator('.app-agenda-item').nth(1).textContent()).toContain('15 minutes');
        await page.getByRole('link', { name: 'Add an item to the agenda' }).click();
        await settled(page);
        await page.getByLabel('Title of an item that is not an action').fill('Update from the designated doctor');
        await page.getByRole('button', { name: 'Add the item' }).click();
        await settled(page);
        expect(await page.locator('.app-agenda-item h3', { hasText: 'Update from the designated doctor' }).count()).toBe(1);
        await page.getByRole('button', { name: 'Re-draft the agenda' }).click();
        await settled(page);
        expect(await page.locator('.app-agenda-item').nth(1).textContent()).toContain('15 minutes');
        expect(await page.locator('.app-agenda-item h3', { hasText: 'Update from the designated doctor' }).count()).toBe(1);

        // A decision without its date is refused, saying what to fix, and nothing is recorded.
        const overdueLink = page
          .locator('.app-agenda-item', { hasText: 'Overdue' })
          .getByRole('link', { name: /Record a decision/ })
          .first();
        await overdueLink.click();
        await settled(page);
        await page.getByLabel('Extend the due date').check();
        await page.getByLabel("The board's comment").fill('Agreed: recruitment delay');
        await page.getByRole('button', { name: 'Record the decision' }).click();
        await settled(page);
        expect(await page.locator('.govuk-error-summary').textContent()).toContain('Give the new due date');

        await page.getByLabel('Day').fill('31');
        await page.getByLabel('Month').fill('12');
        await page.getByLabel('Year').fill('2027');
        await page.getByRole('button', { name: 'Record the decision' }).click();
        await settled(page);
        expect(await page.getByText('The decision has been recorded and the owner told.').count()).toBe(1);

        const completed = page
          .locator('.app-agenda-item', { hasText: 'Completed: awaiting verification' })
          .getByRole('link', { name: /Record a decision/ })
          .first();
        await completed.click();
        await settled(page);
        await page.getByLabel('Verify: the evidence shows it is done').check();
        await page.getByLabel("The board's comment").fill('Evidence accepted');
        await page.getByRole('button', { name: 'Record the decision' }).click();
        await settled(page);
        expect(await page.getByText('The decision has been recorded and the owner told.').count()).toBe(1);

        await page
          .locator('.app-agenda-item', { hasText: 'Overdue' })
          .getByRole('link', { name: /Record a decision/ })
          .nth(1)
          .click();
        await settled(page);
        const chosen = await page.locator('#actionId').inputValue();
        expect(chosen).not.toBe('');
        await page.getByRole('radio', { name: 'Reassign' }).check();
        await page.getByLabel('New owner (to reassign)').selectOption({ label: 'Tom Evans (service manager)' });
        await page.getByRole('button', { name: 'Record the decision' }).click();
        await settled(page);
        const decisions = page.locator('#decisions + table tbody tr');
        expect(await decisions.count()).toBe(3);
        expect(await decisions.last().textContent()).toContain('Reassign');
        expect(meetingUrl).toMatch(/^\/meetings\//);

        await page.getByRole('link', { name: 'Minutes' }).first().click();
        await settled(page);
        await page.getByLabel("The chair's narrative").fill('The chair welcomed everyone.');
        await page.getByRole('button', { name: 'Save the narrative' }).click();
        await settled(page);
        // The demo's next meeting is after today: its minutes are approved on its day, not before (signed in again: a day has passed).
        const { date } = await web.t.get(DataSource).manager.findOneByOrFail(Meeting, { id: meetingUrl.split('/')[2] });
        web.t.clock.set(`${date}T15:00:00Z`);
        await signIn(page, 'chair@demo.example', 'demo-password');
        await visit(page, `${meetingUrl}/minutes`);
        await page.getByRole('button', { name: 'Approve the minutes' }).click();
        await settled(page);
        expect(await page.getByText('The minutes are approved and locked.').count()).toBe(1);
        expect(await page.getByText('The board accepted the evidence and verified the action as complete.', { exact: false }).count()).toBe(1);
        expect(await page.getByText('The chair welcomed everyone.').count()).toBe(1);
        expect(await page.getByRole('button', { name: 'Approve the minutes' }).count()).toBe(0);

        await page.getByRole('link', { name: 'Board pack' }).first().click();
        await settled(page);
        expect(await page.getByRole('heading', { name: 'Board pack' }).count()).toBe(1);
        expect(await page.locator('svg[role=img]').count()).toBe(3);
        expect(await page.getByText('RAG ratings as each meeting').count()).toBe(1);
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.govuk-service-navigation').isVisible()).toBe(false);
        await page.emulateMedia({ media: 'screen' });
        expect(problems).toEqual([]);
      },
    );
  });

  it('lets a board member read the minutes but not approve them', async () => {
    const { page, problems } = await web.tab();
    await journey(
      'member-reads-minutes',
      () => [page],
      async () => {
        await signIn(page, 'member@demo.example', 'demo-password');
        await visit(page, '/meetings');
        await page.locator('main table a').nth(1).click();
        await settled(page);
        await page.getByRole('link', { name: 'Minutes' }).first().click();
        await settled(page);
        expect(await page.getByText('(approved)').count()).toBe(1);
        expect(await page.getByRole('button', { name: 'Approve the minutes' }).count()).toBe(0);
        expect(problems).toEqual([]);
      },
    );
  });
});
