import { TestingModule } from '@nestjs/testing';
import { DataSource, In } from 'typeorm';
import { createTestDatabase, DB_KINDS, DbKind, TestDatabase } from '@app/testing/test-database';
import { OutboxEmail } from './entities';
import { Reminder } from './entities/reminder.entity';
import { reminderMessageId } from './mailer.service';
import { ReminderDeliveryService, SEND_WITHIN_MS, SMTP_BATCH_SIZE, SMTP_CLAIMED_AT_MOST as CAP, SMTP_CONCURRENCY } from './reminder-delivery.service';
import { HoldingSmtpSink } from '@app/testing/holding-smtp-sink';
import { dueReminders, remindersTestModule, seedWorld, setClock, testConfig, waitFor } from '@app/testing/reminders-test-kit';

jest.setTimeout(60_000);

/** The reminders' moment: 08:00 London on their due date. */
const AT = '2026-03-22T08:00:00.000Z';
/** More rows than SMTP slots: these wait for a slot while every slot is busy. */
const WAITING = 4;

describe.each(DB_KINDS)('SMTP sends waiting for the server, on %s', (kind: DbKind) => {
  const sink = new HoldingSmtpSink();
  let scratch: TestDatabase;
  let moduleRef: TestingModule;
  let db: DataSource;

  beforeAll(async () => {
    scratch = await createTestDatabase(kind);
    const port = await sink.start();
    moduleRef = await remindersTestModule(testConfig(scratch.config, { SMTP_URL: `smtp://127.0.0.1:${port}?pool=true&maxConnections=${SMTP_CONCURRENCY}` }));
    db = moduleRef.get(DataSource);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await moduleRef?.close();
    await sink.stop();
    await scratch?.drop();
  });

  /** Runs the worker's batch job over `ids`, as BullMQ would before its final attempt. */
  const runJob = (ids: string[]) => moduleRef.get(ReminderDeliveryService).onDeliverBatchJob({ reminderIds: ids }, { finalAttempt: false });
  const copiesOf = (id: string) => sink.deliveredCounts().get(reminderMessageId(id, 'https://tracker.test')) ?? 0;
  const sending = () => db.manager.countBy(Reminder, { state: 'sending' });

  /** `count` reminders of a new council, scheduled three weeks ahead; the clock is then at their moment. */
  const dueNow = async (count: number) => {
    setClock(moduleRef, '2026-03-01T12:00:00.000Z');
    const world = await seedWorld(db, '2026-03-01T12:00:00.000Z');
    const ids = (await dueReminders(moduleRef, world, count, '2026-03-22')).map((r) => r.id);
    setClock(moduleRef, AT);
    return ids;
  };

  it('a row waiting for a free slot is handed back unsent after SEND_WITHIN_MS, neither sent nor failed, and is delivered once on the retry', async () => {
    const ids = await dueNow(SMTP_CONCURRENCY + WAITING);

    // The server holds its reply to every message, so all the slots stay busy and the other rows queue for one.
    sink.holding = true;
    const job = runJob(ids);
    await waitFor(`${SMTP_CONCURRENCY} messages in flight`, () => sink.heldCount === SMTP_CONCURRENCY);
    // It answers only once the waiting rows have been claimed for longer than SEND_WITHIN_MS.
    const realNow = Date.now();
    jest.spyOn(Date, 'now').mockImplementation(() => realNow + SEND_WITHIN_MS + 1_000);
    sink.release();
    await expect(job).rejects.toThrow('Waited too long for the SMTP server; sending later');
    jest.restoreAllMocks();

    const rows = await db.manager.findBy(Reminder, { id: In(ids) });
    const handedBack = rows.filter((r) => r.state !== 'sent');
    expect(rows.filter((r) => r.state === 'sent')).toHaveLength(SMTP_CONCURRENCY);
    expect(handedBack).toHaveLength(WAITING);
    for (const row of handedBack) {
      // Back on the queue for its retry: not sent, not failed, nothing recorded or delivered.
      expect(row).toMatchObject({ state: 'queued', attempts: 1, sentAt: null, lastError: 'Waited too long for the SMTP server; sending later' });
      expect(copiesOf(row.id)).toBe(0);
    }
    expect(await db.manager.countBy(OutboxEmail, { reminderId: In(handedBack.map((r) => r.id)) })).toBe(0);

    // BullMQ runs the job again: the rows sent are no-ops, the rows handed back go out.
    await expect(runJob(ids)).resolves.toBe('done');
    await expect(runJob(ids)).resolves.toBe('skipped');
    expect(ids.map(copiesOf)).toEqual(ids.map(() => 1));
    expect(await db.manager.countBy(Reminder, { id: In(ids), state: 'sent' })).toBe(ids.length);
    expect(await db.manager.countBy(OutboxEmail, { reminderId: In(ids) })).toBe(ids.length);
    expect((await db.manager.findBy(Reminder, { id: In(handedBack.map((r) => r.id)) })).map((r) => r.attempts)).toEqual(Array(WAITING).fill(2));
  });

  it('rows claimed in one process are at most SMTP_CLAIMED_AT_MOST at once, however many jobs run, and each is still sent once', async () => {
    const ids = await dueNow(CAP + SMTP_BATCH_SIZE);

    // Two jobs at once, as the worker runs them: the first alone can fill the cap, the second has one batch more.
    sink.holding = true;
    const jobs = [runJob(ids.slice(0, CAP)), runJob(ids.slice(CAP))];
    await waitFor(`${SMTP_CONCURRENCY} messages in flight`, () => sink.heldCount === SMTP_CONCURRENCY);
    await waitFor(`${CAP} rows claimed`, async () => (await sending()) >= CAP);
    // Give the second job every chance to claim more, had it been free to.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await sending()).toBe(CAP);

    sink.release();
    await expect(Promise.all(jobs)).resolves.toEqual(['done', 'done']);
    expect(await sending()).toBe(0);
    expect(await db.manager.countBy(Reminder, { id: In(ids), state: 'sent' })).toBe(ids.length);
    expect(ids.map(copiesOf)).toEqual(ids.map(() => 1));
  });
});
