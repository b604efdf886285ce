import { DataSource, In, IsNull, Not } from 'typeorm';
import { Board, Plan } from '@app/database';
import { Action } from '@app/database';
import { Notification, OutboxEmail, RemindersService } from '@app/reminders';
import { seedDemo } from '../apps/cli/src/demo/demo-seed';
import { createTestApp, DB_KINDS, sessionCookie, TestApp } from './support';

// The quick start's demo, then the worker's first run: who has been told what about the overdue actions.
describe.each(DB_KINDS)('the demo tells each overdue action’s people once (%s)', (kind) => {
  let t: TestApp;
  let planId: string;
  beforeAll(async () => {
    t = await createTestApp(kind, {}, '2026-11-23T09:00:00Z');
    planId = (await seedDemo(t.app)).planId;
  });
  afterAll(() => t.close());

  const ds = () => t.get(DataSource);
  /** Per action and person, how many notifications and emails they have about it. */
  const counts = async (actions: Action[]) => {
    // Reminders only: the demo's board meeting also leaves decision notices on some actions.
    const notes = await ds().manager.findBy(Notification, { actionId: In(actions.map((a) => a.id)), reminderId: Not(IsNull()) });
    const mails = await ds().manager.findBy(OutboxEmail, {});
    const key = (actionId: string | null, userId: string) => `${actionId} ${userId}`;
    const inApp = new Map<string, number>();
    for (const n of notes) inApp.set(key(n.actionId, n.userId), (inApp.get(key(n.actionId, n.userId)) ?? 0) + 1);
    const byMail = new Map<string, number>();
    for (const m of mails) {
      const action = actions.find((a) => m.textBody.includes(`/actions/${a.id}`));
      if (action) byMail.set(key(action.id, m.userId), (byMail.get(key(action.id, m.userId)) ?? 0) + 1);
    }
    return { inApp, byMail, key };
  };

  it('moves due dates off weekends and bank holidays, and after the first run the owner, manager and chair of each overdue action have one message each', async () => {
    const plan = await t
      .http()
      .get(`/api/v1/plans/${planId}`)
      .set('Cookie', await cookie(t))
      .expect(200);
    expect(plan.body).toMatchObject({ moveOffNonWorkingDays: true });
    await t.get(RemindersService).runDue(t.clock.now());
    const overdue = (await ds().manager.findBy(Action, { planId, status: In(['not_started', 'in_progress', 'blocked']) })).filter(
      (a) => a.dueDate! < '2026-11-23',
    );
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    const board = await ds().manager.findOneByOrFail(Board, { id: (await ds().manager.findOneByOrFail(Plan, { id: planId })).boardId });
    const chairId = board.chairId!;
    const first = await counts(overdue);
    for (const a of overdue) {
      for (const person of [a.ownerId!, a.managerId!, chairId]) {
        expect([a.ref, first.inApp.get(first.key(a.id, person)) ?? 0, first.byMail.get(first.key(a.id, person)) ?? 0]).toEqual([a.ref, 1, 1]);
      }
    }
    // A second worker start adds none.
    await t.get(RemindersService).catchUpOverdue();
    expect((await t.get(RemindersService).runDue(t.clock.now())).total).toBe(0);
    const again = await counts(overdue);
    expect([...again.inApp.values()].reduce((x, y) => x + y, 0)).toBe([...first.inApp.values()].reduce((x, y) => x + y, 0));
  });
});

async function cookie(t: TestApp): Promise<string> {
  return sessionCookie(t, 'admin@demo.example', 'demo-password');
}
