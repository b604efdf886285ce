import { TestingModule } from '@nestjs/testing';
import { DataSource, In } from 'typeorm';
import { Actor, MeasureService, MeasureValueService } from '@app/core';
import { Measure } from '@app/database';
import { addDays } from '@app/domain';
import { Notification, OutboxEmail } from './entities';
import { Reminder } from './entities/reminder.entity';
import { londonInstant } from './reminder-rules';
import { ReminderDeliveryService } from './reminder-delivery.service';
import { DeliveryRows } from './delivery-rows';
import { remindersInPlay } from './measure-reminder-schedule.service';
import { RemindersService } from './reminders.service';
import { DB_KINDS, DbKind, freshWorld, setClock, useRemindersModule, World } from '@app/testing/reminders-test-kit';

jest.setTimeout(90_000);

const at = (date: string, time = '09:00') => new Date(Date.parse(londonInstant(date, time)));

// 2026/27 Q3 ends on Thursday 31 December 2026; its values are due ten working days later, on
// Friday 15 January 2027 (1 January is a bank holiday).
describe.each(DB_KINDS)("reminding measures' owners to enter the quarter's value on %s", (kind: DbKind) => {
  const suite = useRemindersModule(kind);
  let moduleRef: TestingModule;
  let db: DataSource;
  let world: World;
  let reminders: RemindersService;

  const owner = (): Actor => ({ userId: world.owner.id, authorityId: world.authorityId, roles: [] });
  const runDue = (when: Date) => {
    setClock(moduleRef, when.toISOString());
    return reminders.runDue(when);
  };
  /** The worker as it runs each day: its first reconcile just after midnight, then the morning's sending. */
  const everyDay = async (from: string, to: string) => {
    for (let day = from; day <= to; day = addDays(day, 1)) {
      await runDue(at(day, '00:05'));
      await runDue(at(day));
    }
  };
  const measure = async (name: string, ownerId: string | null = world.owner.id): Promise<Measure> => {
    setClock(moduleRef, '2026-12-01T10:00:00.000Z');
    const made = await moduleRef.get(MeasureService).create(world.admin, { name, unit: 'percent', polarity: 'lower', target: 22, ownerId });
    // Last quarter's value is in, so only 2026/27 Q3 is chased.
    await moduleRef.get(MeasureValueService).enter(world.admin, made.id, { period: '2026/27 Q2', value: 23 });
    return made;
  };
  const enter = (measureId: string, when: Date) => {
    setClock(moduleRef, when.toISOString());
    return moduleRef.get(MeasureValueService).enter(owner(), measureId, { period: '2026/27 Q3', value: 21.5, commentary: 'Step-down at closure' });
  };
  /** What one person was told about one measure, "kind offset", by email; every email is also in the app. */
  const told = async (userId: string, measureId: string): Promise<string[]> => {
    const rows = new Map((await db.manager.findBy(Reminder, { measureId })).map((r) => [r.id, r] as const));
    const mails = (await db.manager.findBy(OutboxEmail, { userId })).filter((m) => rows.has(m.reminderId!));
    const notes = (await db.manager.findBy(Notification, { userId })).filter((n) => rows.has(n.reminderId!));
    const step = (id: string | null) => `${rows.get(id!)!.kind} ${rows.get(id!)!.offsetDays}`;
    expect(notes.map((n) => step(n.reminderId)).sort()).toEqual(mails.map((m) => step(m.reminderId)).sort());
    return mails.map((m) => step(m.reminderId)).sort();
  };

  beforeAll(() => {
    ({ moduleRef, db } = suite);
    reminders = moduleRef.get(RemindersService);
  });

  beforeEach(async () => {
    world = await freshWorld(moduleRef, '2026-12-01T10:00:00.000Z');
    // Earlier tests' measures go too (their reminders went with freshWorld).
    for (const table of ['measure_value', 'measure']) await db.query(`DELETE FROM "${table}"`);
  });

  it('tells the owner before the deadline, on it and the day after, then their line manager, each once', async () => {
    const m = await measure('Re-referrals within 12 months');
    await everyDay('2026-12-29', '2027-02-05');
    expect(await told(world.owner.id, m.id)).toEqual([
      'value_before_due -1',
      'value_before_due -14',
      'value_before_due -7',
      'value_due_today 0',
      'value_overdue 1',
    ]);
    expect(await told(world.manager.id, m.id)).toEqual(['value_escalation 7']);
    const mails = await db.manager.find(OutboxEmail, { where: { userId: world.owner.id }, order: { createdAt: 'ASC' } });
    expect(mails.map((mail) => mail.subject)).toEqual([
      '[Improvement Tracker] The 2026/27 Q3 value of "Re-referrals within 12 months" is due in 14 days',
      '[Improvement Tracker] The 2026/27 Q3 value of "Re-referrals within 12 months" is due in 7 days',
      '[Improvement Tracker] The 2026/27 Q3 value of "Re-referrals within 12 months" is due in 1 day',
      '[Improvement Tracker] The 2026/27 Q3 value of "Re-referrals within 12 months" is due today',
      '[Improvement Tracker] The 2026/27 Q3 value of "Re-referrals within 12 months" is 1 day overdue',
    ]);
    expect(mails[0].textBody).toContain('Due date: Friday 15 January 2027');
    const escalation = await db.manager.findOneByOrFail(OutboxEmail, { userId: world.manager.id });
    expect(escalation.subject).toBe(
      '[Improvement Tracker] Escalation: the 2026/27 Q3 value of "Re-referrals within 12 months", owned by owner, is 7 days overdue',
    );

    // Another worker start and another run add nothing.
    await reminders.catchUpOverdue();
    expect((await runDue(at('2027-02-05', '10:00'))).total).toBe(0);
    expect(await told(world.owner.id, m.id)).toHaveLength(5);
    expect(await told(world.manager.id, m.id)).toHaveLength(1);
  });

  it('sends nothing more once the value is entered, and cancels what was to come', async () => {
    const m = await measure('Assessments within 45 days');
    await everyDay('2027-01-01', '2027-01-08');
    expect(await told(world.owner.id, m.id)).toEqual(['value_before_due -14', 'value_before_due -7']);
    await enter(m.id, at('2027-01-08', '11:00'));
    await everyDay('2027-01-09', '2027-02-05');
    expect(await told(world.owner.id, m.id)).toEqual(['value_before_due -14', 'value_before_due -7']);
    expect(await told(world.manager.id, m.id)).toEqual([]);
    const rows = await db.manager.find(Reminder, { where: { measureId: m.id }, order: { dueAt: 'ASC' } });
    expect(rows.map((r) => [r.kind, r.state, r.outcome])).toEqual([
      ['value_before_due', 'sent', 'email+in-app'],
      ['value_before_due', 'sent', 'email+in-app'],
      ['value_before_due', 'cancelled', 'value entered'],
      ['value_due_today', 'cancelled', 'value entered'],
      ['value_overdue', 'cancelled', 'value entered'],
      ['value_escalation', 'cancelled', 'value entered'],
    ]);
  });

  it('does not deliver a reminder that falls due after the value was entered, even before it is rescheduled', async () => {
    const m = await measure('Repeat child protection plans');
    await everyDay('2027-01-01', '2027-01-01');
    await enter(m.id, at('2027-01-05'));
    // Straight to delivery, as a job queued before the value came in would be.
    const due = await db.manager.findBy(Reminder, { measureId: m.id, state: In(['pending', 'queued']) });
    setClock(moduleRef, at('2027-01-08').toISOString());
    const { results } = await moduleRef.get(ReminderDeliveryService).deliverMany(
      due.map((r) => r.id),
      { at: at('2027-01-08'), finalAttempt: true },
    );
    expect([...results.values()]).toContain('cancelled');
    expect((await db.manager.findOneByOrFail(Reminder, { measureId: m.id, offsetDays: -7 })).outcome).toBe('value entered');
    expect(await told(world.owner.id, m.id)).toEqual(['value_before_due -14']);
  });

  it('after downtime past the deadline tells the owner and their manager once each, now', async () => {
    const m = await measure('Looked after children');
    await runDue(at('2027-01-25'));
    expect(await told(world.owner.id, m.id)).toEqual(['value_overdue 1']);
    expect(await told(world.manager.id, m.id)).toEqual(['value_escalation 7']);
    const late = await db.manager.findOneByOrFail(OutboxEmail, { userId: world.owner.id });
    expect(late.subject).toContain('is 10 days overdue');
    await reminders.catchUpOverdue();
    await everyDay('2027-01-25', '2027-02-10');
    expect(await told(world.owner.id, m.id)).toEqual(['value_overdue 1']);
    expect(await told(world.manager.id, m.id)).toEqual(['value_escalation 7']);
  });

  it('after the worker was down, sends the owner only the latest of the reminders that fell due meanwhile', async () => {
    const m = await measure('Children subject to a plan');
    await everyDay('2027-01-01', '2027-01-01');
    await runDue(at('2027-01-20'));
    expect(await told(world.owner.id, m.id)).toEqual(['value_before_due -14', 'value_overdue 1']);
    const skipped = await db.manager.findBy(Reminder, { measureId: m.id, state: 'skipped' });
    expect(skipped.map((r) => [r.offsetDays, r.outcome]).sort()).toEqual([
      [-1, 'superseded by a later reminder'],
      [-7, 'superseded by a later reminder'],
      [0, 'superseded by a later reminder'],
    ]);
    await everyDay('2027-01-21', '2027-01-31');
    expect(await told(world.owner.id, m.id)).toEqual(['value_before_due -14', 'value_overdue 1']);
    expect(await told(world.manager.id, m.id)).toEqual(['value_escalation 7']);
  });

  it("prepares a batch of measures' reminders in a fixed number of statements, however many measures it holds", async () => {
    const measures = [await measure('Referrals'), await measure('Re-referrals'), await measure('Assessments')];
    await everyDay('2027-01-01', '2027-01-01');
    await enter(measures[2].id, at('2027-01-05'));
    const rowsOf = async (ids: string[]) =>
      db.manager.find(Reminder, { where: { measureId: In(ids), state: In(['pending', 'queued']) }, order: { dueAt: 'ASC' } });
    const when = at('2027-01-27');
    const prepare = async (rows: Reminder[]) => {
      // Every statement either database sends passes through the logger (test/support/statement-log.ts).
      const query = jest.spyOn(db.logger, 'logQuery');
      try {
        const { finishes, sends } = await moduleRef.get(DeliveryRows).prepareAll(db.manager, rows, when);
        return { statements: query.mock.calls.length, finishes, sends };
      } finally {
        query.mockRestore();
      }
    };
    const one = await prepare(await rowsOf([measures[0].id]));
    const all = await prepare(await rowsOf(measures.map((m) => m.id)));
    // Each measure's four owner reminders still to come and its escalation; only the latest owner reminder and the escalation go.
    expect(all.sends.map((s) => [s.row.measureId, s.row.kind, s.prepared.to.id]).sort()).toEqual(
      measures
        .slice(0, 2)
        .flatMap((m) => [
          [m.id, 'value_escalation', world.manager.id],
          [m.id, 'value_overdue', world.owner.id],
        ])
        .sort(),
    );
    const outcomes = all.finishes.map((f) => f.outcome);
    expect(outcomes.filter((o) => o === 'superseded by a later reminder')).toHaveLength(2 * 3);
    expect(outcomes.filter((o) => o === 'value entered')).toHaveLength(5);
    // The measures, their values entered, the owners' people (users, memberships, settings) and the latest owner reminders: one read each for the batch.
    expect(one.statements).toBe(6);
    expect(all.statements).toBe(one.statements);
  });

  it("schedules the new quarter from its own rows and the earlier ones still to deliver, not every past quarter's", async () => {
    const m = await measure('Children in need');
    await everyDay('2027-01-01', '2027-02-05');
    expect(await told(world.owner.id, m.id)).toHaveLength(5);
    // One 2026/27 Q3 row left undelivered, as a queue job lost in an outage would leave it.
    const left = await db.manager.findOneByOrFail(Reminder, { measureId: m.id, kind: 'value_escalation' });
    await db.manager.update(Reminder, { id: left.id }, { state: 'queued' });
    const inPlay = async () => (await remindersInPlay(db.manager, [m.id], '2027-03-31')).map((r) => r.id).sort();
    expect(await inPlay()).toEqual([left.id]);
    // Q4 ends on 31 March 2027: the first run of 1 April schedules its reminders.
    await runDue(at('2027-04-01', '00:05'));
    const q4 = await db.manager.findBy(Reminder, { measureId: m.id, forDate: '2027-03-31' });
    expect(q4).toHaveLength(5);
    expect(await inPlay()).toEqual(q4.map((r) => r.id).sort());
    // The Q3 row still to deliver was read, so scheduling cancelled it.
    expect(await db.manager.findOneByOrFail(Reminder, { id: left.id })).toMatchObject({ state: 'cancelled', outcome: 'rescheduled' });
    expect(await db.manager.countBy(Reminder, { measureId: m.id, forDate: '2026-12-31' })).toBe(6);
  });

  it('reminds nobody of a measure without an owner, and the owner once one is given', async () => {
    const m = await measure('Contacts from schools', null);
    await everyDay('2027-01-01', '2027-01-08');
    expect(await db.manager.countBy(Reminder, { measureId: m.id })).toBe(0);
    setClock(moduleRef, at('2027-01-08', '12:00').toISOString());
    await moduleRef.get(MeasureService).setOwner(world.admin, m.id, world.delegate.id);
    await everyDay('2027-01-09', '2027-01-14');
    expect(await told(world.delegate.id, m.id)).toEqual(['value_before_due -1']);
  });
});
