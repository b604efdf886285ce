import { TestingModule } from '@nestjs/testing';
import { DataSource, In } from 'typeorm';
import { Membership } from '@app/database';
import { createTestDatabase, DB_KINDS, DbKind, dueReminders, remindersTestModule, seedWorld, setClock, testConfig } from '@app/testing/reminders-test-kit';
import { Reminder } from './entities/reminder.entity';
import { RemindersService } from './reminders.service';

jest.setTimeout(30_000);

describe.each(DB_KINDS)('who each delivered reminder went to, on %s', (kind: DbKind) => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const created = await createTestDatabase(kind);
    drop = created.drop;
    moduleRef = await remindersTestModule(testConfig(created.config));
    db = moduleRef.get(DataSource);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await drop?.();
  });

  it("records the recipient, or for a leaver's reminders their line manager, in one batch", async () => {
    setClock(moduleRef, '2026-03-01T12:00:00.000Z');
    const now = '2026-03-01T12:00:00.000Z';
    const staying = await seedWorld(db, now);
    const leaving = await seedWorld(db, now);
    const stayingRows = await dueReminders(moduleRef, staying, 3, '2026-03-10');
    const leavingRows = await dueReminders(moduleRef, leaving, 3, '2026-03-10');
    await db.manager.update(Membership, { authorityId: leaving.authorityId, userId: leaving.owner.id }, { active: false });

    const at = '2026-03-10T09:00:00.000Z';
    setClock(moduleRef, at);
    await moduleRef.get(RemindersService).runDue(new Date(at));

    const ids = [...stayingRows, ...leavingRows].map((r) => r.id);
    const after = await db.manager.find(Reminder, { where: { id: In(ids) }, select: { id: true, state: true, recipientId: true, deliveredToId: true } });
    const byId = new Map(after.map((r) => [r.id, r]));
    for (const r of stayingRows) expect(byId.get(r.id)).toMatchObject({ state: 'sent', recipientId: staying.owner.id, deliveredToId: staying.owner.id });
    for (const r of leavingRows) expect(byId.get(r.id)).toMatchObject({ state: 'sent', recipientId: leaving.owner.id, deliveredToId: leaving.manager.id });
  });
});
