import { TestingModule } from '@nestjs/testing';
import { DataSource, In } from 'typeorm';
import { createTestDatabase, DB_KINDS, DbKind, TestDatabase } from '@app/testing/test-database';
import { Reminder } from './entities/reminder.entity';
import { reminderMessageId } from './mailer.service';
import { ReminderDeliveryService, SMTP_BATCH_SIZE, SMTP_CLAIMED_AT_MOST as CAP, SMTP_CONCURRENCY } from './reminder-delivery.service';
import { HoldingSmtpSink } from '@app/testing/holding-smtp-sink';
import { dueReminders, remindersTestModule, seedWorld, setClock, testConfig, waitFor } from '@app/testing/reminders-test-kit';

jest.setTimeout(60_000);

const AT = '2026-03-22T08:00:00.000Z';

describe.each(DB_KINDS)('rows claimed for SMTP in one process, on %s', (kind: DbKind) => {
  const sink = new HoldingSmtpSink();
  let scratch: TestDatabase;
  let moduleRef: TestingModule;
  let db: DataSource;

  beforeAll(async () => {
    scratch = await createTestDatabase(kind);
    const port = await sink.start();
    moduleRef = await remindersTestModule(testConfig(scratch.config, { SMTP_URL: `smtp://127.0.0.1:${port}` }));
    db = moduleRef.get(DataSource);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await sink.stop();
    await scratch?.drop();
  });

  const runJob = (ids: string[]) => moduleRef.get(ReminderDeliveryService).onDeliverBatchJob({ reminderIds: ids }, { finalAttempt: false });
  const sending = () => db.manager.countBy(Reminder, { state: 'sending' });

  it('are at most SMTP_CLAIMED_AT_MOST at once, however many jobs run, and each row is still sent once', async () => {
    setClock(moduleRef, '2026-03-01T12:00:00.000Z');
    const world = await seedWorld(db, '2026-03-01T12:00:00.000Z');
    const ids = (await dueReminders(moduleRef, world, CAP + SMTP_BATCH_SIZE, '2026-03-22')).map((r) => r.id);
    setClock(moduleRef, AT);

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
    const copies = sink.deliveredCounts();
    expect(ids.map((id) => copies.get(reminderMessageId(id, 'https://tracker.test')) ?? 0)).toEqual(ids.map(() => 1));
  });
});
