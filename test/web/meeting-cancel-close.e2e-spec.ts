import { DataSource } from 'typeorm';
import { MeetingService, PlanService } from '@app/core';
import { User } from '@app/database/entities';
import { RemindersService } from '@app/reminders';
import { seedDemo } from '../../apps/cli/src/demo/demo-seed';
import { describeInBrowser, journey, settled, signIn, useWebBrowser, visit } from './web-harness';

// Axe on every page, on a loaded machine.
jest.setTimeout(300_000);

describeInBrowser('web: the chair sees who has been told, closes the plan at a meeting and cancels a later one', () => {
  let laterMeetingId: string, nextMeetingId: string;
  const web = useWebBrowser(async ({ t }) => {
    const { authority, planId } = await seedDemo(t.app);
    // The worker's first run: the overdue actions' owners, managers and chair are told.
    await t.get(RemindersService).runDue(t.clock.now());
    const chair = await t.get(DataSource).manager.findOneByOrFail(User, { email: 'chair@demo.example' });
    const actor = { userId: chair.id, authorityId: authority.id, roles: ['board_chair' as const] };
    const plan = await t.get(PlanService).get(authority.id, planId);
    const planned = (await t.get(MeetingService).listForPlan(actor, planId)).filter((m) => m.status === 'planned');
    nextMeetingId = planned[0].id;
    laterMeetingId = (await t.get(MeetingService).create(actor, plan.boardId, { date: '2027-03-09', planId })).id;
  });

  it('shows who has been told on the agenda, records the plan closing with where each action went, and cancels a meeting', async () => {
    const { page, problems } = await web.tab();
    await journey(
      'chair-closes-plan-cancels-meeting',
      () => [page],
      async () => {
        await signIn(page, 'chair@demo.example', 'demo-password');
        await visit(page, `/meetings/${nextMeetingId}`);
        await page.getByRole('button', { name: /Re-draft the agenda|Draft the agenda/ }).click();
        await settled(page);
        const overdue = page.locator('.app-agenda-item', { hasText: 'Overdue' }).first();
        expect((await overdue.textContent())!.replace(/\s+/g, ' ')).toMatch(
          /Who has been told: .+: (overdue notice|escalation to the manager|escalation to the board chair)/,
        );

        // The agenda leads to the form; reasons are required; then the board closes the plan into a new one.
        await page.getByRole('button', { name: 'Close the plan' }).click();
        await settled(page);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Close the plan');
        await page.getByRole('button', { name: 'Close the plan' }).click();
        await settled(page);
        expect(await page.locator('.govuk-error-summary').textContent()).toContain("Give the board's reasons for closing the plan");
        await page.getByLabel('Title of the new plan (if it is a new one)').fill('Service development plan 2027');
        await page.getByLabel("The board's reasons").fill('The inspection findings are largely met; the rest continue under the new plan.');
        await page.getByRole('button', { name: 'Close the plan' }).click();
        await settled(page);
        expect(await page.getByText("The board's decision is recorded").count()).toBe(1);
        const moved = page.locator('table', { hasText: 'Where each open action went' }).locator('tbody tr');
        expect(await moved.count()).toBeGreaterThanOrEqual(2);
        expect(await page.getByRole('button', { name: 'Close the plan' }).count()).toBe(0);
        await page.getByRole('link', { name: 'Minutes' }).first().click();
        await settled(page);
        expect(await page.getByText('Service development plan 2027', { exact: false }).count()).toBeGreaterThan(0);

        await visit(page, `/meetings/${laterMeetingId}`);
        await page.getByLabel('Why it is cancelled').fill('Not quorate in the election period');
        await page.getByRole('button', { name: 'Cancel the meeting' }).click();
        await settled(page);
        expect(await page.getByText('The meeting is cancelled.').count()).toBe(1);
        expect(await page.getByText('This meeting was cancelled: Not quorate in the election period').count()).toBe(1);
        expect(await page.getByRole('button', { name: 'Cancel the meeting' }).count()).toBe(0);
        expect(await page.getByRole('link', { name: 'Record a decision' }).count()).toBe(0);
        expect(problems).toEqual([]);
      },
    );
  });

  it('offers a board member neither the cancelling nor the closing', async () => {
    const { page, problems } = await web.tab();
    await signIn(page, 'member@demo.example', 'demo-password');
    await visit(page, `/meetings/${nextMeetingId}`);
    expect(await page.getByRole('button', { name: 'Cancel the meeting' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Close the plan' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
