import { randomUUID } from 'node:crypto';
import { Page } from 'playwright-core';
import { DataSource, In, Not } from 'typeorm';
import { Action, AuditEvent, User } from '@app/database/entities';
import { OPEN_STATUSES } from '@app/domain';
import { Notification, NotificationSettingsService, OutboxEmail, RemindersService } from '@app/reminders';
import { describeInBrowser, journey, settled, signIn, useDemoBrowser, visit } from './web-harness';

jest.setTimeout(90_000);

describeInBrowser('web: what a manager answers for, and the notification settings form', () => {
  const web = useDemoBrowser();
  let db: DataSource;
  const person = (email: string) => db.manager.findOneByOrFail(User, { email });

  beforeAll(() => {
    db = web.t.get(DataSource);
  });

  it('shows the manager the open actions they are accountable for, overdue first, and filters the dashboard by them', async () => {
    const { page, problems } = await web.tab();
    await journey(
      'manager-home',
      () => [page],
      async () => {
        const jo = await person('manager@demo.example');
        // Read straight from the table: the demo's actions name Jo as manager (Jo line-manages their owners).
        const answered = await db.manager.find(Action, {
          where: { authorityId: web.world.authority.id, managerId: jo.id, status: In([...OPEN_STATUSES]), ownerId: Not(jo.id) },
        });
        const today = web.t.clock.today();
        const overdue = answered.filter((a) => a.dueDate !== null && a.dueDate < today).length;
        expect(answered.length).toBeGreaterThan(5);
        expect(overdue).toBeGreaterThan(0);

        await signIn(page, 'manager@demo.example', 'demo-password');
        expect(await page.locator('main p').first().textContent()).toContain(
          `You own 0 open actions. You are accountable for ${answered.length} open actions that others own, ${overdue} of them overdue.`,
        );
        const table = page.locator('table', { has: page.locator('caption', { hasText: 'Actions you are accountable for' }) });
        expect(await table.locator('caption').textContent()).toBe(`Actions you are accountable for (${answered.length})`);
        const rows = await table.locator('tbody tr').all();
        expect(rows.length).toBe(answered.length);
        const flags = await Promise.all(rows.map(async (r) => (await r.textContent())!.includes('Overdue')));
        expect(flags.indexOf(false)).toBe(overdue);
        expect(flags.slice(overdue).every((f) => !f)).toBe(true);
        const owners = new Set(await table.locator('tbody tr td:nth-child(3)').allTextContents());
        expect(owners.size).toBeGreaterThan(1);
        expect([...owners].every((o) => ['Priya Shah (team manager)', 'Tom Evans (service manager)', 'Dr Ann Lee (designated nurse)'].includes(o))).toBe(true);

        await visit(page, `/plans/${web.world.planId}`);
        await page.getByLabel('Accountable manager').selectOption({ label: 'Jo Williams (head of safeguarding)' });
        await page.getByRole('button', { name: 'Apply filters' }).click();
        await settled(page);
        expect(new URL(page.url()).searchParams.get('manager')).toBe(jo.id);
        const all = await db.manager.countBy(Action, { planId: web.world.planId, managerId: jo.id });
        expect(await page.locator('main p[role=status]').textContent()).toContain(
          `${all} actions where accountable manager: Jo Williams (head of safeguarding).`,
        );
        expect(await page.locator('main p[role=status] a').getAttribute('href')).toContain(`manager=${jo.id}`);

        // The filter offers the plan's accountable managers only; a link naming someone else of the council keeps its filter.
        const managers = await page.getByLabel('Accountable manager').locator('option').allTextContents();
        expect(managers).toContain('Jo Williams (head of safeguarding)');
        expect(managers).not.toContain('Priya Shah (team manager)');
        const priya = await person('owner@demo.example');
        await visit(page, `/plans/${web.world.planId}?manager=${priya.id}`);
        expect(await page.getByLabel('Accountable manager').inputValue()).toBe(priya.id);
        expect(await page.locator('main p[role=status]').textContent()).toContain('0 actions where accountable manager: Priya Shah (team manager).');
        expect(problems).toEqual([]);
      },
    );
  });

  it('does not show an owner who manages nobody a list of actions they answer for', async () => {
    const { page, problems } = await web.tab();
    await signIn(page, 'owner@demo.example', 'demo-password');
    expect(await page.locator('main p').first().textContent()).toMatch(/^You own \d+ open actions?\.\s+You have/);
    expect(await page.getByText('Actions you are accountable for').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it("shows the manager every emailed reminder, escalations and the weekly digest, in a person's words", async () => {
    const { page, problems } = await web.tab();
    await journey(
      'manager-notifications',
      () => [page],
      async () => {
        const jo = await person('manager@demo.example');
        // The worker's path without the queue, on the Monday after the demo was made (a digest covers the actions
        // that existed by its Monday): the overdue actions escalate, and the weekly digests go.
        const seeded = web.t.clock.nowIso();
        web.t.clock.set('2026-11-30T09:00:00Z');
        await web.t.get(RemindersService).runDue(web.t.clock.now());
        web.t.clock.set(seeded);
        const emails = await db.manager.findBy(OutboxEmail, { userId: jo.id });
        const kept = await db.manager.findBy(Notification, { userId: jo.id });
        expect(emails.length).toBeGreaterThan(1);
        expect(kept.map((n) => n.reminderId).sort()).toEqual(expect.arrayContaining(emails.map((e) => e.reminderId).sort()));
        expect(kept.some((n) => n.kind === 'digest_manager')).toBe(true);
        expect(kept.some((n) => n.kind === 'escalation_manager')).toBe(true);

        await signIn(page, 'manager@demo.example', 'demo-password');
        await visit(page, '/notifications');
        const main = (await page.locator('main').textContent())!;
        expect(main).not.toContain('Dear ');
        expect(main).not.toContain('http');
        expect(await page.locator('.app-notification').count()).toBe(Math.min(kept.length, 25));
        const digest = page.locator('.app-notification', { has: page.getByText('Team digest', { exact: true }) });
        expect(await digest.count()).toBe(1);
        const listed = digest.locator('li a');
        expect(await listed.count()).toBeGreaterThan(1);
        expect(await listed.first().getAttribute('href')).toMatch(/^\/actions\/[\w-]+$/);
        const escalation = page.locator('.app-notification', { has: page.getByText('Escalation', { exact: true }) }).first();
        expect(await escalation.getByRole('heading').textContent()).toMatch(/Escalation: .* is \d+ days overdue/);
        await escalation.getByRole('link', { name: /^Open the action/ }).click();
        await settled(page);
        expect(new URL(page.url()).pathname).toMatch(/^\/actions\//);
        expect(problems).toEqual([]);
      },
    );
  });

  describe('the notification settings form', () => {
    let page: Page;
    let problems: string[];
    let actor: { userId: string; authorityId: string; roles: [] };
    const settings = () => web.t.get(NotificationSettingsService).get(actor);
    const audits = () => db.manager.countBy(AuditEvent, { entityId: actor.userId, event: 'notification_settings_changed' });

    beforeAll(async () => {
      ({ page, problems } = await web.tab());
      actor = { userId: (await person('owner2@demo.example')).id, authorityId: web.world.authority.id, roles: [] };
      await signIn(page, 'owner2@demo.example', 'demo-password');
    });

    /** Fills the form as someone going on leave, lets `spoil` tamper with it, saves, and expects the error shown and nothing changed. */
    async function refused(spoil: () => Promise<void>, field: string, message: string) {
      const before = { settings: await settings(), audits: await audits() };
      await visit(page, '/settings/notifications');
      await page.getByLabel('Escalations').uncheck();
      await page.getByLabel('I am on leave').check();
      await page.locator('#leaveUntil-day').fill('3');
      await page.locator('#leaveUntil-month').fill('1');
      await page.locator('#leaveUntil-year').fill('2027');
      await spoil();
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Save settings' }).click(),
      ]);
      await settled(page);
      expect(response.status()).toBe(400);
      const summary = page.locator('.govuk-error-summary');
      expect(await summary.getByRole('heading').textContent()).toContain('There is a problem');
      expect(await summary.locator(`a[href="#${field}"]`).textContent()).toContain(message);
      expect(await page.locator('.govuk-form-group--error .govuk-error-message', { hasText: message }).count()).toBe(1);
      // What was typed is kept, and nothing was saved.
      expect(await page.getByLabel('Escalations').isChecked()).toBe(false);
      expect(await page.locator('#leaveUntil-year').inputValue()).toBe('2027');
      expect({ settings: await settings(), audits: await audits() }).toEqual(before);
    }

    it('says which date is wrong', async () => {
      await refused(
        () =>
          page
            .locator('#leaveUntil-day')
            .fill('31')
            .then(() => page.locator('#leaveUntil-month').fill('2')),
        'leaveUntil-day',
        'must be a real date',
      );
    });

    it('refuses a delegate that is not a person', async () => {
      await refused(
        () => page.evaluate(`document.querySelector('#delegateId').add(new Option('Nobody', 'not-an-id', true, true))`),
        'delegateId',
        'Choose a delegate from the list',
      );
    });

    it("refuses a delegate who is not in the council, as the API's rules do", async () => {
      const stranger = '8a3c2f8e-4f0b-4c7e-9d55-0d5f4a9b1c21';
      await refused(
        () => page.evaluate(`document.querySelector('#delegateId').add(new Option('Gone', '${stranger}', true, true))`),
        'delegateId',
        'Choose a delegate from the list',
      );
    });

    it('refuses a kind of reminder that is not on the list', async () => {
      await refused(
        () => page.evaluate(`Object.assign(document.querySelector('input[name=email]'), { value: 'everything', checked: true })`),
        'email',
        'Choose which reminders you want by email from the list',
      );
    });

    it('saves good values once', async () => {
      const before = await audits();
      await visit(page, '/settings/notifications');
      await page.getByLabel('Escalations').uncheck();
      await page.getByRole('button', { name: 'Save settings' }).click();
      await settled(page);
      expect(await page.getByText('Your notification settings have been saved.').count()).toBe(1);
      expect((await settings()).email.escalation).toBe(false);
      expect(await audits()).toBe(before + 1);
      expect(problems).toEqual([]);
    });
  });

  // It adds 500 actions to the demo; the settings tests do not count actions.
  it('counts every action the manager answers for when there are more than the page shows', async () => {
    const { page, problems } = await web.tab();
    const jo = await person('manager@demo.example');
    const open = { authorityId: web.world.authority.id, managerId: jo.id, status: In([...OPEN_STATUSES]), ownerId: Not(jo.id) };
    const [model] = await db.manager.find(Action, { where: open, order: { ref: 'ASC' }, take: 1 });
    const extra = Array.from({ length: 500 }, (_, i) => ({ ...model, id: randomUUID(), ref: `X${i + 1}`, dueDate: '2027-06-30', warnFrom: '2027-06-16' }));
    for (let i = 0; i < extra.length; i += 50) await db.manager.insert(Action, extra.slice(i, i + 50));
    const answered = await db.manager.countBy(Action, open);
    expect(answered).toBeGreaterThan(500);

    await signIn(page, 'manager@demo.example', 'demo-password');
    expect(await page.locator('main p').first().textContent()).toContain(`You are accountable for ${answered} open actions that others own`);
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Actions you are accountable for' }) });
    expect(await table.locator('caption').textContent()).toBe(`Actions you are accountable for (${answered})`);
    expect(await table.locator('tbody tr').count()).toBe(500);
    expect(await page.getByText('Only the first 500, by due date, are shown').count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
