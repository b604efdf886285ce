import { TestingModule } from '@nestjs/testing';
import { DataSource, In } from 'typeorm';
import { ActionService, Actor, PlanService, UserService } from '@app/core';
import { Action, Membership } from '@app/database';
import { CalendarFeedService } from './calendar-feed.service';
import { DigestPlanner } from './digest-planner.service';
import { Notification, OutboxEmail } from './entities';
import { Reminder } from './entities/reminder.entity';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationService } from './notification.service';
import { ReminderAdminService } from './reminder-admin.service';
import { ReminderContent } from './reminder-content.service';
import { ReminderDeliveryService } from './reminder-delivery.service';
import { ReminderSettingsService } from './reminder-settings.service';
import { RemindersService, STATISTICS_AFTER_ROWS } from './reminders.service';
import {
  activePlan,
  DB_KINDS,
  DbKind,
  dueReminders,
  freshWorld,
  newAction,
  remindersTestModule,
  seedWorld,
  setClock,
  SmtpSink,
  testConfig,
  useRemindersModule,
  World,
} from '@app/testing/reminders-test-kit';

jest.setTimeout(30_000);

describe.each(DB_KINDS)('reminders on %s', (kind: DbKind) => {
  const suite = useRemindersModule(kind);
  let moduleRef: TestingModule;
  let db: DataSource;
  let world: World;
  let reminders: RemindersService;

  const rows = (actionId: string) => db.manager.find(Reminder, { where: { actionId }, order: { dueAt: 'ASC' } });
  const allMail = (userId: string) => db.manager.find(OutboxEmail, { where: { userId }, order: { createdAt: 'ASC', subject: 'ASC' } });
  const isDigest = (m: { subject: string }) => m.subject.includes('Weekly digest');
  const outbox = async (userId: string) => (await allMail(userId)).filter((m) => !isDigest(m));
  const digests = async (userId: string) => (await allMail(userId)).filter(isDigest);
  /** An active plan whose actions stay out of the Monday digests, so counts are of reminders alone. */
  const planWithoutDigests = async (m = moduleRef) => {
    const plan = await activePlan(m, world);
    await m.get(ReminderSettingsService).update(world.admin, plan.id, { weeklyDigest: false });
    return plan;
  };
  /** Cancelling, re-dating and reassigning an action of an active plan are the board's decisions, made by its chair. */
  const asChair = (): Actor => ({ userId: world.chair.id, authorityId: world.authorityId, roles: ['board_chair'] });
  const runDue = (at: string) => {
    setClock(moduleRef, at);
    return reminders.runDue(new Date(at));
  };

  beforeAll(() => {
    ({ moduleRef, db } = suite);
    reminders = moduleRef.get(RemindersService);
  });

  // Each test gets its own council; earlier councils' plans are closed so they send nothing more.
  beforeEach(async () => {
    world = await freshWorld(moduleRef, '2026-03-01T12:00:00.000Z');
  });

  it('schedules the default reminders at 08:00 London time, right across the clocks going forward', async () => {
    const plan = await activePlan(moduleRef, world);
    const action = await newAction(moduleRef, world, plan.id, '2026-04-05');
    expect((await rows(action.id)).map((r) => [r.kind, r.offsetDays, r.recipientId, r.dueAt])).toEqual([
      ['before_due', -14, world.owner.id, '2026-03-22T08:00:00.000Z'],
      ['before_due', -7, world.owner.id, '2026-03-29T07:00:00.000Z'],
      ['before_due', -1, world.owner.id, '2026-04-04T07:00:00.000Z'],
      ['due_today', 0, world.owner.id, '2026-04-05T07:00:00.000Z'],
      ['overdue', 1, world.owner.id, '2026-04-06T07:00:00.000Z'],
      ['escalation_manager', 7, world.manager.id, '2026-04-12T07:00:00.000Z'],
      ['escalation_chair', 28, world.chair.id, '2026-05-03T07:00:00.000Z'],
    ]);
  });

  it('schedules nothing for a draft plan, and everything once it is activated', async () => {
    const plans = moduleRef.get(PlanService);
    const draft = await plans.create(world.admin, { title: 'Draft', boardId: world.boardId, startDate: '2026-01-05' });
    const action = await newAction(moduleRef, world, draft.id, '2026-06-01');
    expect(await rows(action.id)).toHaveLength(0);
    await plans.activate(world.admin, draft.id, draft.version);
    // The seven steps, and the owner's first weekly repeat while it stays overdue (Tuesday 9 June: no digest that day).
    const pending = (await rows(action.id)).filter((r) => r.state === 'pending');
    expect(pending.map((r) => `${r.kind}${r.offsetDays}`)).toEqual([
      'before_due-14',
      'before_due-7',
      'before_due-1',
      'due_today0',
      'overdue1',
      'escalation_manager7',
      'overdue8',
      'escalation_chair28',
    ]);
  });

  it('delivers each reminder to the right person at its moment, once', async () => {
    const plan = await planWithoutDigests();
    const action = await newAction(moduleRef, world, plan.id, '2026-04-05');
    expect((await runDue('2026-03-22T07:59:59.999Z')).total).toBe(0);
    expect(await runDue('2026-03-22T08:00:00.000Z')).toMatchObject({ total: 1, sent: 1 });
    expect(await runDue('2026-03-22T08:00:00.000Z')).toMatchObject({ total: 0 });
    const [mail] = await outbox(world.owner.id);
    expect(mail.subject).toContain('is due in 14 days');
    expect(mail.textBody).toContain(`https://tracker.test/actions/${action.id}`);
    expect(mail.textBody).toContain('https://tracker.test/settings/notifications');
    expect(mail.textBody).toContain('Plan: Improvement Plan');
    expect(mail.textBody).toContain('Due date: Sunday 5 April 2026');
    expect(await db.manager.countBy(Notification, { userId: world.owner.id })).toBe(1);

    for (const at of ['2026-03-29T07:00:00.000Z', '2026-04-04T07:00:00.000Z', '2026-04-05T07:00:00.000Z', '2026-04-06T07:00:00.000Z']) await runDue(at);
    expect((await outbox(world.owner.id)).map((m) => m.subject.replace(/^.*" /, ''))).toEqual([
      'is due in 14 days',
      'is due in 7 days',
      'is due in 1 day',
      'is due today',
      'is 1 day overdue',
    ]);
    await runDue('2026-04-12T07:00:00.000Z');
    expect((await outbox(world.manager.id)).map((m) => m.subject)).toEqual([
      expect.stringContaining('Escalation: A1 "Action due 2026-04-05", owned by owner, is 7 days overdue'),
    ]);
    await runDue('2026-05-03T07:00:00.000Z');
    expect(await outbox(world.chair.id)).toHaveLength(1);
    // While it stays overdue the owner hears weekly: the repeat due by now (day 22) is the one sent; older ones never were.
    expect((await outbox(world.owner.id)).map((m) => m.subject.replace(/^.*" /, '')).slice(5)).toEqual(['is 28 days overdue']);
    expect((await rows(action.id)).filter((r) => r.dueAt <= '2026-05-03T07:00:00.000Z').map((r) => `${r.kind}${r.offsetDays}:${r.state}`)).toEqual([
      'before_due-14:sent',
      'before_due-7:sent',
      'before_due-1:sent',
      'due_today0:sent',
      'overdue1:sent',
      'escalation_manager7:sent',
      'overdue8:cancelled',
      'overdue22:sent',
      'escalation_chair28:sent',
    ]);
  });

  it('sends nothing for a completed, verified, cancelled or carried-over action', async () => {
    const plan = await activePlan(moduleRef, world);
    const action = await newAction(moduleRef, world, plan.id, '2026-04-05');
    await moduleRef
      .get(ActionService)
      .changeStatus(asChair(), action.id, { version: action.version, status: 'cancelled', reason: 'Superseded by the new strategy' });
    expect((await rows(action.id)).map((r) => r.state)).toEqual(Array(7).fill('cancelled'));
    expect((await runDue('2026-06-01T07:00:00.000Z')).total).toBe(0);
    expect(await outbox(world.owner.id)).toHaveLength(0);
  });

  it('reschedules when the due date, owner or plan rules change', async () => {
    const plan = await activePlan(moduleRef, world);
    const actions = moduleRef.get(ActionService);
    let action = await newAction(moduleRef, world, plan.id, '2026-04-05');
    action = await actions.update(asChair(), action.id, { version: action.version, dueDate: '2026-05-10', dueDateReason: 'Board agreed an extension' });
    const after = await rows(action.id);
    expect(after.filter((r) => r.state === 'cancelled' && r.forDate === '2026-04-05')).toHaveLength(7);
    expect(after.filter((r) => r.state === 'pending').map((r) => r.dueAt)[0]).toBe('2026-04-26T07:00:00.000Z');

    action = await actions.update(asChair(), action.id, { version: action.version, ownerId: world.delegate.id });
    expect(
      (await rows(action.id))
        .filter((r) => r.state === 'pending' && r.kind !== 'escalation_chair')
        .every((r) => [world.delegate.id, world.manager.id].includes(r.recipientId)),
    ).toBe(true);

    await moduleRef.get(ReminderSettingsService).update(world.admin, plan.id, { beforeDays: [3], sendTime: '09:30', chairAfterDays: null });
    expect((await rows(action.id)).filter((r) => r.state === 'pending').map((r) => [r.kind, r.dueAt])).toEqual([
      ['before_due', '2026-05-07T08:30:00.000Z'],
      ['due_today', '2026-05-10T08:30:00.000Z'],
      ['overdue', '2026-05-11T08:30:00.000Z'],
      ['escalation_manager', '2026-05-17T08:30:00.000Z'],
    ]);
    await runDue('2026-05-07T08:30:00.000Z');
    expect((await outbox(world.delegate.id)).map((m) => m.subject)).toEqual([expect.stringContaining('is due in 3 days')]);
    expect(await outbox(world.owner.id)).toHaveLength(0);
  });

  it("sends a leaver's reminders to their manager, a person on leave's to their delegate, and respects digest only", async () => {
    const plan = await activePlan(moduleRef, world);
    await newAction(moduleRef, world, plan.id, '2026-04-05');
    await moduleRef.get(UserService).update(world.admin, world.owner.id, { active: false });
    await runDue('2026-03-22T08:00:00.000Z');
    expect(await outbox(world.owner.id)).toHaveLength(0);
    expect((await outbox(world.manager.id))[0].textBody).toContain('owner has left and you are their manager');

    await moduleRef.get(UserService).update(world.admin, world.owner.id, { active: true });
    const settings = moduleRef.get(NotificationSettingsService);
    await settings.update({ ...world.admin, userId: world.owner.id, roles: [] }, { onLeave: true, delegateId: world.delegate.id, leaveUntil: '2026-03-30' });
    await runDue('2026-03-29T07:00:00.000Z');
    expect((await outbox(world.delegate.id))[0].textBody).toContain('owner is on leave and named you as their delegate');

    await settings.update({ ...world.admin, userId: world.owner.id, roles: [] }, { digestOnly: true });
    await runDue('2026-04-04T07:00:00.000Z');
    expect(await outbox(world.owner.id)).toHaveLength(0);
    expect(await db.manager.countBy(Notification, { userId: world.owner.id, kind: 'before_due' })).toBe(1);
  });

  it('treats a person whose access to this council is stopped (their account still active elsewhere) as having left', async () => {
    const plan = await activePlan(moduleRef, world);
    await newAction(moduleRef, world, plan.id, '2026-04-05');
    await db.manager.update(Membership, { authorityId: world.authorityId, userId: world.owner.id }, { active: false });
    await runDue('2026-03-22T08:00:00.000Z');
    expect(await outbox(world.owner.id)).toHaveLength(0);
    expect((await outbox(world.manager.id))[0].textBody).toContain('owner has left and you are their manager');
  });

  it('sends Monday digests to owners and managers, never an empty one', async () => {
    const plan = await activePlan(moduleRef, world);
    const a = await newAction(moduleRef, world, plan.id, '2026-05-01');
    await newAction(moduleRef, world, plan.id, '2026-06-01', { ownerId: world.delegate.id });
    await moduleRef.get(ActionService).update(asChair(), a.id, { version: a.version, managerId: world.manager.id });
    await runDue('2026-03-02T08:00:00.000Z');
    const ownerDigest = await digests(world.owner.id);
    expect(ownerDigest.map((m) => m.subject)).toEqual(['[Improvement Tracker] Weekly digest: 1 open action']);
    const [managerDigest] = await digests(world.manager.id);
    expect(managerDigest.subject).toContain('2 open actions');
    expect(managerDigest.textBody).toContain('owner delegate');
    expect(await allMail(world.bystander.id)).toHaveLength(0);

    // The delegate's only action closes before the next digest goes out: an empty digest is not sent.
    const theirs = (await db.manager.findBy(Action, { ownerId: world.delegate.id }))[0];
    await moduleRef.get(DigestPlanner).planDigests(new Date('2026-03-09T08:00:00.000Z'), { force: true });
    await moduleRef.get(ActionService).changeStatus(asChair(), theirs.id, { version: theirs.version, status: 'cancelled', reason: 'No longer needed' });
    await runDue('2026-03-09T08:00:00.000Z');
    expect(await digests(world.delegate.id)).toHaveLength(1);
    expect(await db.manager.findOneBy(Reminder, { recipientId: world.delegate.id, kind: 'digest_owner', forDate: '2026-03-09' })).toMatchObject({
      state: 'skipped',
      outcome: 'empty digest',
    });
  });

  it("gives the owner's line manager a digest line for an action that names no manager, and another manager none", async () => {
    const plan = await activePlan(moduleRef, world);
    const actions = moduleRef.get(ActionService);
    const unnamed = await newAction(moduleRef, world, plan.id, '2026-05-01', { title: 'Names no manager' });
    await actions.update(asChair(), unnamed.id, { version: unnamed.version, managerId: null });
    // The delegate manages someone else's action: their team digest is sent, without the one above.
    const named = await newAction(moduleRef, world, plan.id, '2026-06-01', { title: 'Names the delegate', ownerId: world.bystander.id });
    await actions.update(asChair(), named.id, { version: named.version, managerId: world.delegate.id });
    await runDue('2026-03-02T08:00:00.000Z');
    const [managerDigest, ...more] = await digests(world.manager.id);
    expect(more).toHaveLength(0);
    expect(managerDigest.subject).toContain('1 open action');
    expect(managerDigest.textBody).toContain('Names no manager');
    expect(managerDigest.textBody).toContain('owner owner');
    const [delegateDigest] = await digests(world.delegate.id);
    expect(delegateDigest.textBody).toContain('Names the delegate');
    expect(delegateDigest.textBody).not.toContain('Names no manager');
    // Once: a second run of the same Monday sends nothing more.
    await runDue('2026-03-02T08:00:00.000Z');
    expect(await digests(world.manager.id)).toHaveLength(1);
  });

  it('after downtime sends what became due once, late: the latest reminder per person, not a pile', async () => {
    const plan = await activePlan(moduleRef, world);
    const action = await newAction(moduleRef, world, plan.id, '2026-04-05');
    await moduleRef.get(ReminderSettingsService).update(world.admin, plan.id, { weeklyDigest: false });
    await runDue('2026-04-13T10:00:00.000Z');
    expect((await outbox(world.owner.id)).map((m) => m.subject)).toEqual([expect.stringContaining('is 8 days overdue')]);
    expect(await outbox(world.manager.id)).toHaveLength(1);
    // The owner's first weekly repeat (day 8, today) is the one sent; the five steps before it are superseded.
    expect((await rows(action.id)).filter((r) => r.outcome === 'superseded by a later reminder')).toHaveLength(5);
    expect((await runDue('2026-04-13T10:00:00.000Z')).total).toBe(0);
  });

  it('recovers a reminder whose worker died mid-send, and delivers it exactly once', async () => {
    const plan = await planWithoutDigests();
    const action = await newAction(moduleRef, world, plan.id, '2026-04-05');
    const first = (await rows(action.id))[0];
    // A worker claimed the row and died before sending.
    await db.manager.update(Reminder, { id: first.id }, { state: 'sending', claimedAt: '2026-03-22T08:00:01.000Z', attempts: 1 });
    expect(await runDue('2026-03-22T08:01:00.000Z')).toMatchObject({ total: 0 });
    expect(await outbox(world.owner.id)).toHaveLength(0);
    await runDue('2026-03-22T08:06:00.000Z');
    await runDue('2026-03-22T08:07:00.000Z');
    expect(await outbox(world.owner.id)).toHaveLength(1);
    expect(await db.manager.findOneBy(Reminder, { id: first.id })).toMatchObject({ state: 'sent', attempts: 2 });
  });

  /** `count` actions of a plan without digests, each with its 14-days-before reminder due at 2026-03-22T08:00Z. */
  const dueRows = async (count: number, m = moduleRef) => {
    const plan = await planWithoutDigests(m);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await rows((await newAction(m, world, plan.id, '2026-04-05')).id))[0].id);
    return ids;
  };
  const AT = new Date('2026-03-22T08:00:00.000Z');

  it('delivers a batch in one go: each row once, repeats and rows not yet due are no-ops', async () => {
    const ids = await dueRows(5);
    const later = await db.manager.findOneByOrFail(Reminder, { id: ids[4] });
    await db.manager.update(Reminder, { id: later.id }, { runAt: '2026-03-22T09:00:00.000Z', state: 'queued' });
    await db.manager.update(Reminder, { id: ids[3] }, { state: 'cancelled' });
    setClock(moduleRef, AT.toISOString());
    const delivery = moduleRef.get(ReminderDeliveryService);
    const first = await delivery.deliverMany([...ids, ids[0]], { at: AT });
    expect(first.errors).toEqual([]);
    expect(ids.map((id) => first.results.get(id))).toEqual(['sent', 'sent', 'sent', 'noop', 'not_due']);
    expect(await db.manager.findOneBy(Reminder, { id: ids[4] })).toMatchObject({ state: 'pending', attempts: 0 });
    const again = await delivery.deliverMany(ids.slice(0, 3), { at: AT });
    expect([...again.results.values()]).toEqual(['noop', 'noop', 'noop']);
    expect(await db.manager.countBy(OutboxEmail, { reminderId: In(ids) })).toBe(3);
    expect(await db.manager.countBy(Notification, { reminderId: In(ids) })).toBe(3);
    const sentRows = await db.manager.findBy(Reminder, { id: In(ids.slice(0, 3)) });
    expect(sentRows.every((r) => r.state === 'sent' && r.attempts === 1 && r.deliveredToId === world.owner.id && r.sentAt === AT.toISOString())).toBe(true);
    expect(sentRows.map((r) => r.claimedAt)).toEqual(sentRows.map(() => AT.toISOString()));
  });

  it('never delivers a row twice when deliveries race over the same rows', async () => {
    const ids = await dueRows(30);
    // PostgreSQL: a second pool, as a second worker process has. SQLite: better-sqlite3 waits for a
    // lock synchronously, so two connections in one process would stall each other; transactions in a
    // process take turns (as in the worker), and across processes SQLite's write lock does the same.
    const other = kind === 'postgres' ? await remindersTestModule(testConfig({ kind: 'postgres', url: (db.options as { url: string }).url })) : moduleRef;
    try {
      setClock(moduleRef, AT.toISOString());
      setClock(other, AT.toISOString());
      const shuffled = [...ids].reverse();
      const outcomes = await Promise.all([
        moduleRef.get(ReminderDeliveryService).deliverMany(ids, { at: AT }),
        other.get(ReminderDeliveryService).deliverMany(shuffled, { at: AT }),
        moduleRef.get(ReminderDeliveryService).deliverMany(shuffled, { at: AT }),
        other.get(ReminderDeliveryService).deliverMany(ids, { at: AT }),
      ]);
      expect(outcomes.flatMap((o) => o.errors)).toEqual([]);
      for (const id of ids) expect(outcomes.map((o) => o.results.get(id)).filter((r) => r === 'sent')).toHaveLength(1);
      expect(outcomes.flatMap((o) => [...o.results.values()]).filter((r) => r === 'noop')).toHaveLength(90);
      expect(await db.manager.countBy(OutboxEmail, { reminderId: In(ids) })).toBe(30);
      expect(await db.manager.countBy(Notification, { reminderId: In(ids) })).toBe(30);
      expect(await db.manager.countBy(Reminder, { id: In(ids), state: 'sent', attempts: 1 })).toBe(30);
    } finally {
      if (other !== moduleRef) await other.close();
    }
  });

  it('lets a row that breaks fail alone: the rest of its batch is delivered', async () => {
    const ids = await dueRows(3);
    const content = moduleRef.get(ReminderContent);
    const prepare = content.prepare.bind(content);
    const spy = jest.spyOn(content, 'prepare').mockImplementation((tx, row, at, lookups) => {
      if (row.id === ids[1]) throw new Error('broken row');
      return prepare(tx, row, at, lookups);
    });
    try {
      setClock(moduleRef, AT.toISOString());
      const { results, errors } = await moduleRef.get(ReminderDeliveryService).deliverMany(ids, { at: AT });
      expect(ids.map((id) => results.get(id))).toEqual(['sent', 'failed', 'sent']);
      expect(errors).toEqual([expect.objectContaining({ message: 'broken row' })]);
      expect(await db.manager.findOneBy(Reminder, { id: ids[1] })).toMatchObject({ state: 'pending', attempts: 0 });
      expect(await db.manager.countBy(OutboxEmail, { reminderId: In(ids) })).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('undoes a whole in-app batch when a row it holds changes before it is marked, then delivers each row once', async () => {
    const ids = await dueRows(3);
    const content = moduleRef.get(ReminderContent);
    const prepare = content.prepare.bind(content);
    let meddled = false;
    // Something inside the batch's own transaction moves a row on, which no lock can stop.
    const spy = jest.spyOn(content, 'prepare').mockImplementation(async (tx, row, at, lookups) => {
      if (row.id === ids[1] && !meddled) {
        meddled = true;
        await tx.update(Reminder, { id: row.id }, { state: 'cancelled' });
      }
      return prepare(tx, row, at, lookups);
    });
    try {
      setClock(moduleRef, AT.toISOString());
      const { results, errors } = await moduleRef.get(ReminderDeliveryService).deliverMany(ids, { at: AT });
      expect(errors).toEqual([]);
      expect(ids.map((id) => results.get(id))).toEqual(['sent', 'sent', 'sent']);
      expect(await db.manager.countBy(Reminder, { id: In(ids), state: 'sent', attempts: 1 })).toBe(3);
      expect(await db.manager.countBy(Notification, { reminderId: In(ids) })).toBe(3);
    } finally {
      spy.mockRestore();
    }
  });

  it('gives the planner fresh statistics after scheduling many rows at once', async () => {
    // The row count the planner's statistics give (SQLite keeps them in sqlite_stat1, made by the first ANALYZE).
    const rowsCounted = async () => {
      const found: { n: string | number }[] =
        kind === 'postgres'
          ? await db.query(`SELECT reltuples AS n FROM pg_class WHERE relname = 'reminder'`)
          : (await db.query(`SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'`)).length
            ? await db.query(`SELECT stat AS n FROM sqlite_stat1 WHERE tbl = 'reminder'`)
            : [];
      return Math.max(0, ...found.map((r) => parseInt(String(r.n), 10)));
    };
    expect(await rowsCounted()).toBeLessThan(STATISTICS_AFTER_ROWS);
    await dueReminders(moduleRef, world, STATISTICS_AFTER_ROWS, '2026-03-22');
    expect(await rowsCounted()).toBeGreaterThanOrEqual(STATISTICS_AFTER_ROWS * 0.9);
  });

  it('gives each user in-app notifications to list, count and mark read', async () => {
    const plan = await planWithoutDigests();
    await newAction(moduleRef, world, plan.id, '2026-04-05');
    await runDue('2026-03-29T07:00:00.000Z');
    const me = { ...world.admin, userId: world.owner.id, roles: [] };
    const notifications = moduleRef.get(NotificationService);
    expect(await notifications.unreadCount(me)).toBe(1);
    const { items } = await notifications.list(me);
    expect(items[0]).toMatchObject({ title: 'A1 "Action due 2026-04-05" is due in 7 days', readAt: null });
    await notifications.markRead(me, items[0].id);
    expect(await notifications.unreadCount(me)).toBe(0);
    await expect(notifications.markRead({ ...me, userId: world.manager.id }, items[0].id)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('shows admins the outbox and the reminders by state, and counts them for health', async () => {
    const plan = await planWithoutDigests();
    await newAction(moduleRef, world, plan.id, '2026-04-05');
    await runDue('2026-03-22T08:00:00.000Z');
    const admin = moduleRef.get(ReminderAdminService);
    expect((await admin.outbox(world.admin)).items.map((m) => m.toAddress)).toEqual([world.owner.email]);
    expect((await admin.reminders(world.admin, { states: ['pending'] })).total).toBe(7);
    await expect(admin.outbox({ ...world.admin, roles: ['manager'] })).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await reminders.reminderCounts()).toMatchObject({ sent: expect.any(Number), pending: expect.any(Number), failed: 0 });
  });

  it('summarises the queue for the admin dashboard: by state and kind, oldest overdue, retries, stuck claims, failures', async () => {
    const ids = await dueRows(4);
    setClock(moduleRef, '2026-03-22T08:00:00.000Z');
    await moduleRef.get(ReminderDeliveryService).deliverMany([ids[0]]);
    await db.manager.update(
      Reminder,
      { id: ids[1] },
      { state: 'failed', attempts: 12, lastError: '550 Mailbox unavailable', updatedAt: '2026-03-22T08:00:00.000Z' },
    );
    await db.manager.update(Reminder, { id: ids[2] }, { state: 'sending', claimedAt: '2026-03-22T08:00:00.000Z' });
    await db.manager.update(Reminder, { id: ids[3] }, { state: 'queued', lastError: 'connect ECONNREFUSED' });
    setClock(moduleRef, '2026-03-22T08:10:00.000Z');
    const admin = moduleRef.get(ReminderAdminService);
    const summary = await admin.queueSummary(world.admin);
    expect(summary.byState).toMatchObject({ sent: 1, failed: 1, sending: 1, queued: 1 });
    expect(summary.byKind.before_due).toMatchObject({ sent: 1, failed: 1, sending: 1, queued: 1 });
    expect(summary.oldestDue).toMatchObject({ id: ids[3], kind: 'before_due', runAt: '2026-03-22T08:00:00.000Z', waitingMs: 600_000 });
    expect(summary).toMatchObject({
      retrying: 1,
      stuckSending: 1,
      failures: { total: 1, items: [{ id: ids[1], attempts: 12, lastError: '550 Mailbox unavailable' }] },
    });
    await expect(admin.queueSummary({ ...world.admin, roles: ['manager'] })).rejects.toMatchObject({ kind: 'forbidden' });
    const elsewhere = await seedWorld(db, '2026-03-01T12:00:00.000Z');
    expect((await admin.queueSummary(elsewhere.admin)).byState).toMatchObject({ sent: 0, failed: 0, queued: 0 });
  });

  it('serves a private calendar feed that follows due dates and can be revoked', async () => {
    const plan = await activePlan(moduleRef, world);
    const action = await newAction(moduleRef, world, plan.id, '2026-04-05', { title: 'Audit case files' });
    const feeds = moduleRef.get(CalendarFeedService);
    const me = { ...world.admin, userId: world.owner.id, roles: [] };
    const { token, url } = await feeds.createToken(me);
    expect(url).toBe(`https://tracker.test/calendar/${token}.ics`);
    const ics = await feeds.feed(token);
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Due: A1 Audit case files');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260405');
    await moduleRef.get(ActionService).update(asChair(), action.id, { version: action.version, dueDate: '2026-04-20', dueDateReason: 'Extension' });
    expect(await feeds.feed(token)).toContain('DTSTART;VALUE=DATE:20260420');
    await feeds.revoke(me);
    await expect(feeds.feed(token)).rejects.toMatchObject({ kind: 'not_found' });
  });

  describe('over SMTP', () => {
    const sink = new SmtpSink();
    let smtpModule: TestingModule;

    beforeAll(async () => {
      const port = await sink.start();
      smtpModule = await remindersTestModule(
        testConfig(
          db.options.type === 'postgres'
            ? { kind: 'postgres', url: (db.options as { url: string }).url }
            : { kind: 'sqlite', file: db.options.database as string },
          { SMTP_URL: `smtp://127.0.0.1:${port}` },
        ),
      );
    });

    afterAll(async () => {
      await smtpModule?.close();
      await sink.stop();
    });

    // This module has its own clock: actions made at its real time would be long overdue by then.
    beforeEach(() => setClock(smtpModule, '2026-03-01T12:00:00.000Z'));

    it('sends a real email with text and HTML bodies naming the action, plan, due date and links', async () => {
      const plan = await activePlan(smtpModule, world);
      const action = await newAction(smtpModule, world, plan.id, '2026-04-05', { title: 'Audit case files' });
      setClock(smtpModule, '2026-03-22T08:00:00.000Z');
      await smtpModule.get(RemindersService).runDue(new Date('2026-03-22T08:00:00.000Z'));
      const [mail] = sink.to(world.owner.email).filter((m) => !m.subject?.includes('Weekly digest'));
      expect(mail.subject).toBe('[Improvement Tracker] A1 "Audit case files" is due in 14 days');
      expect(mail.text).toContain('Plan: Improvement Plan');
      expect(mail.text).toContain(`https://tracker.test/actions/${action.id}`);
      expect(mail.html).toContain(`href="https://tracker.test/actions/${action.id}"`);
      expect(mail.html).toContain('https://tracker.test/settings/notifications');
      expect(mail.messageId).toMatch(/^<reminder-[0-9a-f-]+@tracker\.test>$/);
      expect(await db.manager.findOneBy(OutboxEmail, { userId: world.owner.id })).toMatchObject({ transport: 'smtp' });
    });

    it('keeps a reminder while SMTP is down and delivers it once, late, when it is back', async () => {
      const plan = await planWithoutDigests(smtpModule);
      const action = await newAction(smtpModule, world, plan.id, '2026-04-05');
      await sink.stop();
      setClock(smtpModule, '2026-03-22T08:00:00.000Z');
      expect(await smtpModule.get(RemindersService).runDue(new Date('2026-03-22T08:00:00.000Z'))).toMatchObject({ deferred: 1 });
      const row = (await rows(action.id))[0];
      expect(row).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });
      await sink.start();
      setClock(smtpModule, '2026-03-22T09:00:00.000Z');
      await smtpModule.get(RemindersService).runDue(new Date('2026-03-22T09:00:00.000Z'));
      await smtpModule.get(RemindersService).runDue(new Date('2026-03-22T09:00:00.000Z'));
      expect(sink.to(world.owner.email).filter((m) => !m.subject?.includes('Weekly digest'))).toHaveLength(1);
      expect(await db.manager.findOneBy(Reminder, { id: row.id })).toMatchObject({
        state: 'sent',
        attempts: 2,
        sentAt: '2026-03-22T09:00:00.000Z',
        dueAt: '2026-03-22T08:00:00.000Z',
      });
    });
  });
});
