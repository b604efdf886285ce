import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { User } from '@app/database/entities';
import { Notification } from '@app/reminders';
import { describeInBrowser, journey, settled, signIn, useDemoBrowser, visit } from './web-harness';

// Three long journeys; on a shared 2-core machine one took 87 s.
jest.setTimeout(120_000);

describeInBrowser('web: notifications, settings, board decisions and admin pages', () => {
  const web = useDemoBrowser();

  it('an owner reads notifications, changes their settings and gets a calendar link', async () => {
    const { page, problems } = await web.tab();
    await journey(
      'owner-notification-settings',
      () => [page],
      async () => {
        const db = web.t.get(DataSource);
        const ownerId = (await db.manager.findOneByOrFail(User, { email: 'owner@demo.example' })).id;
        // The demo tells owners of its board's decisions: read those, so the counts below are the two added here.
        await db.manager.update(Notification, { userId: ownerId }, { readAt: new Date().toISOString() });
        for (const title of ['A1 is due in 7 days', 'A2 is overdue']) {
          await db.manager.insert(Notification, {
            id: randomUUID(),
            authorityId: web.world.authority.id,
            userId: ownerId,
            reminderId: null,
            actionId: null,
            kind: 'before_due',
            title,
            body: `${title}: please update it.`,
            link: '',
            createdAt: new Date().toISOString(),
            readAt: null,
          });
        }
        await signIn(page, 'owner@demo.example', 'demo-password');
        expect(await page.getByRole('link', { name: 'Notifications (2 unread)' }).count()).toBe(1);
        expect(await page.getByRole('link', { name: '2 unread notifications' }).count()).toBe(1);
        await page.getByRole('link', { name: '2 unread notifications' }).click();
        await settled(page);
        await page.getByRole('button', { name: /^Mark as read\W+A2 is overdue$/ }).click();
        await settled(page);
        expect(await page.getByText('The notification has been marked as read.').count()).toBe(1);
        expect(await page.getByText('You have 1 unread notification.').count()).toBe(1);
        await visit(page, '/notifications');
        await page.getByRole('button', { name: 'Mark all as read' }).click();
        await settled(page);
        expect(await page.getByText('You have 0 unread notifications.').count()).toBe(1);
        expect(await page.getByRole('link', { name: 'Notifications', exact: true }).count()).toBe(1);

        await page.getByRole('link', { name: 'notification settings' }).click();
        await settled(page);
        await page.getByLabel('Escalations').uncheck();
        await page.getByLabel('I am on leave').check();
        await page.locator('#leaveUntil-day').fill('31');
        await page.locator('#leaveUntil-month').fill('2');
        await page.locator('#leaveUntil-year').fill('2027');
        await page.getByRole('button', { name: 'Save settings' }).click();
        await settled(page);
        expect(await page.locator('.govuk-error-summary a[href="#leaveUntil-day"]').textContent()).toContain('must be a real date');
        await page.locator('#leaveUntil-day').fill('28');
        await page.getByLabel('Who should get your reminders while you are away?').selectOption({ label: 'Tom Evans (service manager)' });
        await page.keyboard.press('Tab');
        await page.getByRole('button', { name: 'Save settings' }).press('Enter');
        await settled(page);
        expect(await page.getByText('Your notification settings have been saved.').count()).toBe(1);
        expect(await page.getByLabel('Escalations').isChecked()).toBe(false);
        expect(await page.getByLabel('Who should get your reminders while you are away?').inputValue()).not.toBe('');

        await page.getByRole('button', { name: 'Create a new calendar link' }).click();
        await settled(page);
        const url = await page.getByLabel('Your calendar link').inputValue();
        expect(url).toMatch(/\/calendar\/[\w-]+\.ics$/);
        const feed = await web.t.http().get(new URL(url).pathname).expect(200);
        expect(feed.text).toContain('BEGIN:VCALENDAR');
        await page.getByRole('button', { name: 'Stop my calendar link' }).click();
        await settled(page);
        expect(await page.getByText('Your calendar link has been stopped.').count()).toBe(1);
        expect(await page.getByLabel('Your calendar link').count()).toBe(0);
        await web.t.http().get(new URL(url).pathname).expect(404);
        expect(problems).toEqual([]);
      },
    );
  });

  it("the board chair changes a due date with the board's reason, adds a milestone and link and written evidence", async () => {
    const { page, problems } = await web.tab();
    await journey(
      'chair-due-date',
      () => [page],
      async () => {
        // On an active plan a due date moves only by the board's decision, made by its chair.
        await signIn(page, 'chair@demo.example', 'demo-password');
        await visit(page, `/plans/${web.world.planId}`);
        await page.locator('main table a[href^="/actions/"]').last().click();
        await settled(page);
        expect(await page.getByText('The due date has not changed.').count()).toBe(1);

        const dueDate = page.getByRole('group', { name: /Change the due date/ });
        await dueDate.getByLabel('Day').fill('30');
        await dueDate.getByLabel('Month').fill('6');
        await dueDate.getByLabel('Year').fill('2027');
        await page.getByRole('button', { name: 'Change due date' }).click();
        await settled(page);
        const summary = page.locator('.govuk-error-summary a[href="#dueDateReason"]');
        expect(await summary.textContent()).toContain("Give the reason for the board's decision to change the due date");
        await summary.click();
        expect(await page.evaluate('document.activeElement.id')).toBe('dueDateReason');
        await page.keyboard.type('Board agreed on 12 November: the new system goes live in June.');
        await page.getByRole('button', { name: 'Change due date' }).click();
        await settled(page);
        expect(await page.getByText('The due date has been changed.').count()).toBe(1);
        const history = await page.locator('#due-dates + table').textContent();
        expect(history).toContain('30 June 2027');
        expect(history).toContain('the new system goes live in June');
        expect(history).toContain('Chris Patel');

        await page.getByText('Add a milestone').click();
        await page.getByRole('button', { name: 'Add milestone' }).click();
        await settled(page);
        expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter what the milestone is');
        await page.getByLabel('Milestone', { exact: true }).fill('Brief all team managers');
        await page.getByRole('button', { name: 'Add milestone' }).click();
        await settled(page);
        await page.getByRole('button', { name: /^Mark done\W+Brief all team managers$/ }).click();
        await settled(page);
        expect(await page.getByText('The milestone has been marked as done.').count()).toBe(1);
        expect(await page.locator('.app-milestones').textContent()).toMatch(/Done\s+Brief all team managers/);

        await page.getByText('Add a link as evidence').click();
        await page.getByLabel('What the linked evidence shows').fill('Training register');
        await page.getByLabel('Web address').fill('intranet/register');
        await page.getByRole('button', { name: 'Add link' }).click();
        await settled(page);
        expect(await page.locator('.govuk-error-summary a[href="#linkUrl"]').textContent()).toContain('starting with https://');
        await page.getByLabel('Web address').fill('https://intranet.example.gov.uk/register');
        await page.getByRole('button', { name: 'Add link' }).click();
        await settled(page);
        expect(await page.getByRole('link', { name: 'Training register' }).count()).toBe(1);

        await page.getByText('Write evidence down instead').click();
        await page.getByLabel('What the evidence is').fill('Supervision records checked');
        await page.getByLabel('The evidence', { exact: true }).fill('Ten records checked; all had a recorded plan.');
        await page.getByRole('button', { name: 'Add written evidence' }).click();
        await settled(page);
        expect(await page.locator('#evidence + ul').textContent()).toContain('Supervision records checked: Ten records checked');
        expect(problems).toEqual([]);
      },
    );
  });

  it('an admin adds an organisation, a user and a board, edits the user and changes plan settings and reminder rules', async () => {
    const { page, problems } = await web.tab();
    await journey(
      'admin-pages',
      () => [page],
      async () => {
        await signIn(page, 'admin@demo.example', 'demo-password');
        await page.getByRole('link', { name: 'Admin' }).click();
        await settled(page);

        await page.getByRole('link', { name: 'Organisations' }).click();
        await settled(page);
        await page.getByLabel('Name', { exact: true }).fill('Northshire Police');
        await page.getByLabel('Police').check();
        await page.getByRole('button', { name: 'Add organisation' }).click();
        await settled(page);
        expect(await page.getByText('The organisation has been added.').count()).toBe(1);

        await visit(page, '/admin/users');
        await page.getByRole('button', { name: 'Add a user' }).click();
        await settled(page);
        await page.getByLabel('Full name').fill('Morgan Hughes');
        await page.getByLabel('Email address').fill('morgan.hughes@demo.example');
        await page.getByLabel('Password').fill('short');
        await page.getByRole('button', { name: 'Add user' }).click();
        await settled(page);
        const summary = await page.locator('.govuk-error-summary').textContent();
        expect(summary).toContain('Enter a password of at least 12 characters');
        expect(summary).toContain('Choose at least one role');
        expect(await page.getByLabel('Full name').inputValue()).toBe('Morgan Hughes');
        await page.getByLabel('Password').fill('a-long-enough-password');
        await page.getByLabel('Board member').check();
        await page.getByLabel('Line manager').selectOption({ label: 'Chris Patel (board chair)' });
        await page.getByLabel('Organisation').selectOption({ label: 'Northshire Police' });
        await page.getByRole('button', { name: 'Add user' }).click();
        await settled(page);
        expect(await page.getByText('The user has been added.').count()).toBe(1);
        const row = page.locator('tr', { hasText: 'Morgan Hughes' });
        expect(await row.textContent()).toMatch(/Board member.*Chris Patel.*Northshire Police.*Active/s);

        await row.getByRole('link').click();
        await settled(page);
        await page.getByLabel('Manager', { exact: true }).check();
        await page.getByLabel('No, stop their access').check();
        await page.getByRole('button', { name: 'Save changes' }).click();
        await settled(page);
        expect(await page.locator('tr', { hasText: 'Morgan Hughes' }).textContent()).toMatch(/Board member, Manager.*Stopped/s);
        const signIn2 = await web.t.http().post('/api/v1/auth/sign-in').send({ email: 'morgan.hughes@demo.example', password: 'a-long-enough-password' });
        expect(signIn2.status).toBe(401);

        await visit(page, '/admin/boards');
        await page.getByRole('button', { name: 'Add board' }).click();
        await settled(page);
        expect(await page.locator('.govuk-error-summary a[href="#name"]').textContent()).toBe('Enter the board’s name');
        await page.getByLabel('Board name').fill('Adult Social Care Board');
        await page.getByLabel('Chair', { exact: true }).selectOption({ label: 'Chris Patel (board chair)' });
        await page
          .getByRole('group', { name: /Members/ })
          .getByLabel('Sam Okafor (board member)')
          .check();
        await page.getByRole('button', { name: 'Add board' }).click();
        await settled(page);
        expect(await page.getByText('The board has been added.').count()).toBe(1);
        const board = page.getByRole('region', { name: 'Adult Social Care Board' });
        expect(await board.textContent()).toMatch(/Chris Patel.*Sam Okafor/s);
        await board.getByLabel('Add a member to Adult Social Care Board').selectOption({ label: 'Jo Williams (head of safeguarding)' });
        await board.getByRole('button', { name: /Add member/ }).click();
        await settled(page);
        expect(await page.getByRole('region', { name: 'Adult Social Care Board' }).textContent()).toContain('Jo Williams');

        await visit(page, '/admin/plans');
        await page.locator('main a[href^="/admin/plans/"]').first().click();
        await settled(page);
        await page.getByLabel('Days before the due date an action turns amber').fill('21');
        await page.getByLabel('Move due dates off weekends').check();
        await page.getByRole('button', { name: 'Save plan settings' }).click();
        await settled(page);
        expect(await page.getByText('The plan settings have been saved.').count()).toBe(1);
        expect(await page.getByLabel('Days before the due date an action turns amber').inputValue()).toBe('21');
        await page.getByLabel('Time reminders are sent (UK time)').fill('8am');
        await page.getByLabel('Remind the owner this many days before the due date').fill('10, 3');
        await page.getByRole('button', { name: 'Save reminder rules' }).click();
        await settled(page);
        expect(await page.locator('.govuk-error-summary a[href="#sendTime"]').textContent()).toContain('like 08:00');
        await page.getByLabel('Time reminders are sent (UK time)').fill('07:30');
        await page.getByRole('button', { name: 'Save reminder rules' }).click();
        await settled(page);
        expect(await page.getByText('The reminder rules have been saved.', { exact: false }).count()).toBe(1);
        expect(await page.getByLabel('Remind the owner this many days before the due date').inputValue()).toBe('10, 3');
        expect(problems).toEqual([]);
      },
    );
  });
});
