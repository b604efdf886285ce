import { TestingModule } from '@nestjs/testing';
import { DataSource, In } from 'typeorm';
import { ActionService, Actor, PlanService } from '@app/core';
import { Action } from '@app/database';
import { addDays } from '@app/domain';
import { Notification, OutboxEmail } from './entities';
import { Reminder } from './entities/reminder.entity';
import { NotificationService } from './notification.service';
import { londonInstant, ReminderRules } from './reminder-rules';
import { ReminderSettingsService } from './reminder-settings.service';
import { RemindersService } from './reminders.service';
import { activePlan, DB_KINDS, DbKind, freshWorld, newAction, setClock, useRemindersModule, World } from '@app/testing/reminders-test-kit';

jest.setTimeout(60_000);

/** 09:00 in London on a day: after that day's 08:00 reminders. */
const morning = (date: string) => new Date(Date.parse(londonInstant(date, '09:00')));

describe.each(DB_KINDS)('catching up passed reminders on %s', (kind: DbKind) => {
  const suite = useRemindersModule(kind);
  let moduleRef: TestingModule;
  let db: DataSource;
  let world: World;
  let reminders: RemindersService;
  let actions: ActionService;

  const asChair = (): Actor => ({ userId: world.chair.id, authorityId: world.authorityId, roles: ['board_chair'] });
  const runDue = (at: Date) => {
    setClock(moduleRef, at.toISOString());
    return reminders.runDue(at);
  };
  /** The worker running every morning from `from` to `to`. */
  const everyMorning = async (from: string, to: string) => {
    for (let day = from; day <= to; day = addDays(day, 1)) await runDue(morning(day));
  };
  const plan = async (rules: Partial<ReminderRules> = {}) => {
    const p = await activePlan(moduleRef, world);
    await moduleRef.get(ReminderSettingsService).update(world.admin, p.id, { weeklyDigest: false, ...rules });
    return p;
  };
  /**
   * What one person was told about one action: the step of each email ("kind offset @ due date"),
   * checked to be the same as the steps of their in-app notifications (every email is on the page).
   */
  const told = async (userId: string, actionId: string): Promise<string[]> => {
    const mails = await db.manager.findBy(OutboxEmail, { userId });
    const notes = await db.manager.findBy(Notification, { userId, actionId });
    const rows = new Map((await db.manager.findBy(Reminder, { id: In([...mails, ...notes].map((m) => m.reminderId!)) })).map((r) => [r.id, r] as const));
    const step = (id: string | null) => {
      const r = rows.get(id!)!;
      return `${r.kind} ${r.offsetDays} @${r.forDate}`;
    };
    const emailed = mails.filter((m) => rows.get(m.reminderId!)?.actionId === actionId).map((m) => step(m.reminderId));
    expect(notes.map((n) => step(n.reminderId)).sort()).toEqual([...emailed].sort());
    return emailed.sort();
  };
  const subjects = async (userId: string, actionId: string) =>
    (await db.manager.find(OutboxEmail, { where: { userId }, order: { createdAt: 'ASC' } }))
      .filter((m) => m.textBody.includes(actionId))
      .map((m) => m.subject.replace(/^.*" /, '').replace(/^.*is /, 'is '));

  beforeAll(() => {
    ({ moduleRef, db } = suite);
    reminders = moduleRef.get(RemindersService);
    actions = moduleRef.get(ActionService);
  });

  beforeEach(async () => {
    world = await freshWorld(moduleRef, '2026-03-01T12:00:00.000Z');
  });

  it('tells owner, manager and chair of an action created a month overdue once each, saying how long; again adds none', async () => {
    const p = await plan();
    setClock(moduleRef, morning('2026-03-05').toISOString());
    // "Immediately" from a plan that started on 5 January: due 2 February, 31 days ago.
    const action = await actions.create(world.admin, p.id, { title: 'Audit case files', timescale: 'immediately', ownerId: world.owner.id });
    expect(action.dueDate).toBe('2026-02-02');
    await runDue(morning('2026-03-05'));
    expect(await told(world.owner.id, action.id)).toEqual(['overdue 29 @2026-02-02']);
    expect(await told(world.manager.id, action.id)).toEqual(['escalation_manager 7 @2026-02-02']);
    expect(await told(world.chair.id, action.id)).toEqual(['escalation_chair 28 @2026-02-02']);
    expect(await subjects(world.owner.id, action.id)).toEqual(['is 31 days overdue']);
    expect(await subjects(world.chair.id, action.id)).toEqual(['is 31 days overdue']);

    // A second worker start, a second reschedule and another run: nothing more.
    await reminders.catchUpOverdue();
    await reminders.scheduleActions([await db.manager.findOneByOrFail(Action, { id: action.id })]);
    expect((await runDue(morning('2026-03-05'))).total).toBe(0);
    for (const who of [world.owner, world.manager, world.chair]) expect(await told(who.id, action.id)).toHaveLength(1);
  });

  it('tells only the owner of an action created past its due date but before the manager step', async () => {
    const p = await plan();
    setClock(moduleRef, morning('2026-02-05').toISOString());
    const action = await actions.create(world.admin, p.id, { title: 'Late', timescale: 'immediately', ownerId: world.owner.id });
    await runDue(morning('2026-02-05'));
    expect(await told(world.owner.id, action.id)).toEqual(['overdue 1 @2026-02-02']);
    expect(await told(world.manager.id, action.id)).toEqual([]);
    // The steps still ahead follow as usual, once each.
    await everyMorning('2026-02-06', '2026-03-02');
    expect(await told(world.manager.id, action.id)).toEqual(['escalation_manager 7 @2026-02-02']);
    expect(await told(world.chair.id, action.id)).toEqual(['escalation_chair 28 @2026-02-02']);
    expect(await told(world.owner.id, action.id)).toEqual([
      'overdue 1 @2026-02-02',
      'overdue 15 @2026-02-02',
      'overdue 22 @2026-02-02',
      'overdue 8 @2026-02-02',
    ]);
  });

  it('starts the ladder afresh when an action past its manager step is re-dated, and tells each person once on the new ladder', async () => {
    const p = await plan();
    const action = await newAction(moduleRef, world, p.id, '2026-03-10');
    await everyMorning('2026-03-09', '2026-03-20');
    expect(await told(world.manager.id, action.id)).toEqual(['escalation_manager 7 @2026-03-10']);
    // An earlier due date, as a carried-over or imported action may bring: under it the action is 15 days overdue.
    await db.manager.update(Action, { id: action.id }, { dueDate: '2026-03-05' });
    await reminders.scheduleActions([await db.manager.findOneByOrFail(Action, { id: action.id })]);
    await runDue(morning('2026-03-20'));
    await runDue(morning('2026-03-20'));
    expect(await told(world.owner.id, action.id)).toEqual([
      'before_due -1 @2026-03-10',
      'due_today 0 @2026-03-10',
      'overdue 1 @2026-03-10',
      'overdue 15 @2026-03-05',
      'overdue 8 @2026-03-10',
    ]);
    expect(await told(world.manager.id, action.id)).toEqual(['escalation_manager 7 @2026-03-05', 'escalation_manager 7 @2026-03-10']);
    expect(await told(world.chair.id, action.id)).toEqual([]);
    expect((await db.manager.findBy(Reminder, { actionId: action.id, forDate: '2026-03-10' })).some((r) => r.state === 'pending')).toBe(false);
  });

  it('after the worker was down across +1 and again across +28, tells each person once per step reached, late', async () => {
    const p = await plan();
    const action = await newAction(moduleRef, world, p.id, '2026-03-10');
    await everyMorning('2026-03-03', '2026-03-09');
    // Down from the 10th to the 13th: the due-day and +1 reminders are due together; only the latest goes.
    await runDue(morning('2026-03-13'));
    expect(await subjects(world.owner.id, action.id)).toEqual(['is due in 7 days', 'is due in 1 day', 'is 3 days overdue']);
    await everyMorning('2026-03-14', '2026-03-31');
    // Down from 1 April to the 9th (+30): the chair step (+28) and the owner's latest weekly repeat (+29) come
    // once, late; the repeat missed on the way (+22) is not sent as well.
    await runDue(morning('2026-04-09'));
    await runDue(morning('2026-04-09'));
    await reminders.catchUpOverdue();
    expect((await runDue(morning('2026-04-09'))).total).toBe(0);
    expect(await told(world.owner.id, action.id)).toEqual([
      'before_due -1 @2026-03-10',
      'before_due -7 @2026-03-10',
      'overdue 1 @2026-03-10',
      'overdue 15 @2026-03-10',
      'overdue 29 @2026-03-10',
      'overdue 8 @2026-03-10',
    ]);
    expect(await told(world.manager.id, action.id)).toEqual(['escalation_manager 7 @2026-03-10']);
    expect(await told(world.chair.id, action.id)).toEqual(['escalation_chair 28 @2026-03-10']);
    expect(await subjects(world.chair.id, action.id)).toEqual(['is 30 days overdue']);
  });

  it('tells a new owner of an overdue action once, and the old owner nothing more; giving it back tells nobody twice', async () => {
    const p = await plan();
    let action = await newAction(moduleRef, world, p.id, '2026-03-10');
    await everyMorning('2026-03-09', '2026-03-20');
    setClock(moduleRef, morning('2026-03-20').toISOString());
    action = await actions.update(asChair(), action.id, { version: action.version, ownerId: world.delegate.id });
    await runDue(morning('2026-03-20'));
    expect(await told(world.delegate.id, action.id)).toEqual(['overdue 8 @2026-03-10']);
    expect(await subjects(world.delegate.id, action.id)).toEqual(['is 10 days overdue']);
    action = await actions.update(asChair(), action.id, { version: action.version, ownerId: world.owner.id });
    action = await actions.update(asChair(), action.id, { version: action.version, ownerId: world.delegate.id });
    await runDue(morning('2026-03-20'));
    expect(await told(world.delegate.id, action.id)).toEqual(['overdue 8 @2026-03-10']);
    expect(await told(world.owner.id, action.id)).toEqual([
      'before_due -1 @2026-03-10',
      'due_today 0 @2026-03-10',
      'overdue 1 @2026-03-10',
      'overdue 8 @2026-03-10',
    ]);
    // The manager (the delegate's line manager too) was told at +7 and is not told again.
    expect(await told(world.manager.id, action.id)).toEqual(['escalation_manager 7 @2026-03-10']);
    await everyMorning('2026-03-21', '2026-03-25');
    expect(await told(world.delegate.id, action.id)).toEqual(['overdue 15 @2026-03-10', 'overdue 8 @2026-03-10']);
  });

  it('re-dated into the future, says nothing now; overdue again, runs the new ladder once', async () => {
    const p = await plan();
    let action = await newAction(moduleRef, world, p.id, '2026-03-10');
    await everyMorning('2026-03-09', '2026-03-20');
    setClock(moduleRef, morning('2026-03-20').toISOString());
    action = await actions.update(asChair(), action.id, { version: action.version, dueDate: '2026-04-10', dueDateReason: 'Board agreed an extension' });
    expect((await runDue(morning('2026-03-20'))).total).toBe(0);
    await everyMorning('2026-03-21', '2026-05-09');
    const onNewDate = (steps: string[]) => steps.filter((s) => s.endsWith('@2026-04-10'));
    expect(onNewDate(await told(world.owner.id, action.id))).toEqual([
      'before_due -1 @2026-04-10',
      'before_due -14 @2026-04-10',
      'before_due -7 @2026-04-10',
      'due_today 0 @2026-04-10',
      'overdue 1 @2026-04-10',
      'overdue 15 @2026-04-10',
      'overdue 22 @2026-04-10',
      'overdue 29 @2026-04-10',
      'overdue 8 @2026-04-10',
    ]);
    expect(await told(world.manager.id, action.id)).toEqual(['escalation_manager 7 @2026-03-10', 'escalation_manager 7 @2026-04-10']);
    expect(await told(world.chair.id, action.id)).toEqual(['escalation_chair 28 @2026-04-10']);
  });

  it('reminds the owner on the plan’s cadence while the action stays overdue, and stops when it is done', async () => {
    const p = await plan({ overdueRepeatDays: 3 });
    const action = await newAction(moduleRef, world, p.id, '2026-03-10');
    await everyMorning('2026-03-11', '2026-03-20');
    expect((await told(world.owner.id, action.id)).filter((s) => s.startsWith('overdue'))).toEqual([
      'overdue 1 @2026-03-10',
      'overdue 10 @2026-03-10',
      'overdue 4 @2026-03-10',
      'overdue 7 @2026-03-10',
    ]);
    const current = await db.manager.findOneByOrFail(Action, { id: action.id });
    setClock(moduleRef, morning('2026-03-20').toISOString());
    await actions.changeStatus(asChair(), action.id, { version: current.version, status: 'cancelled', reason: 'No longer needed' });
    await everyMorning('2026-03-21', '2026-03-30');
    expect((await told(world.owner.id, action.id)).filter((s) => s.startsWith('overdue'))).toHaveLength(4);
  });

  it('folds a weekly repeat that falls on a Monday into the digest, which is on the notifications page too', async () => {
    const p = await plan({ weeklyDigest: true });
    // Due on a Sunday: the first overdue reminder is Monday's, and every weekly repeat a Monday.
    const action = await newAction(moduleRef, world, p.id, '2026-03-15');
    await everyMorning('2026-03-16', '2026-03-31');
    expect((await told(world.owner.id, action.id)).filter((s) => s.startsWith('overdue'))).toEqual(['overdue 1 @2026-03-15']);
    const me: Actor = { userId: world.owner.id, authorityId: world.authorityId, roles: [] };
    const digests = (await moduleRef.get(NotificationService).list(me)).items.filter((n) => n.kind === 'digest_owner');
    expect(digests.map((n) => n.body.includes('overdue'))).toEqual([true, true, true]);
    // Its link is the person's start page, My actions.
    expect(digests.map((n) => n.link)).toEqual(['https://tracker.test/', 'https://tracker.test/', 'https://tracker.test/']);
    expect(await db.manager.countBy(OutboxEmail, { userId: world.owner.id, subject: In(digests.map((d) => `[Improvement Tracker] ${d.title}`)) })).toBe(3);
  });

  it('gives a plan made active with overdue actions one catch-up per person per action', async () => {
    setClock(moduleRef, morning('2026-03-05').toISOString());
    const plans = moduleRef.get(PlanService);
    const draft = await plans.create(world.admin, { title: 'Imported', boardId: world.boardId, startDate: '2026-01-05' });
    await moduleRef.get(ReminderSettingsService).update(world.admin, draft.id, { weeklyDigest: false });
    const made = [];
    for (const title of ['One', 'Two']) made.push(await actions.create(world.admin, draft.id, { title, timescale: 'immediately', ownerId: world.owner.id }));
    await plans.activate(world.admin, draft.id, draft.version);
    await runDue(morning('2026-03-05'));
    await reminders.catchUpOverdue();
    await runDue(morning('2026-03-05'));
    for (const a of made) {
      for (const who of [world.owner, world.manager, world.chair]) expect(await told(who.id, a.id)).toHaveLength(1);
    }
  });
});
