import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ActionService, Actor } from '@app/core';
import { activePlan, DB_KINDS, DbKind, newAction, seedWorld, setClock, useRemindersModule, World } from '@app/testing/reminders-test-kit';
import { DeliveryLookups } from './delivery-lookups';
import { DigestReader, loadDigestActions } from './digest-actions';
import { Reminder } from './entities/reminder.entity';
import { ReminderContent } from './reminder-content.service';
import { ReminderSettingsService } from './reminder-settings.service';

jest.setTimeout(30_000);

describe.each(DB_KINDS)('digests read for a whole delivery batch on %s', (kind: DbKind) => {
  const suite = useRemindersModule(kind);
  let moduleRef: TestingModule;
  let db: DataSource;
  let north: World;
  let south: World;

  const asChair = (w: World): Actor => ({ userId: w.chair.id, authorityId: w.authorityId, roles: ['board_chair'] });
  const refs = (items: { action: { ref: string } }[]) => items.map((i) => i.action.ref);

  beforeAll(async () => {
    ({ moduleRef, db } = suite);
    setClock(moduleRef, '2026-03-01T12:00:00.000Z');
    const now = '2026-03-01T12:00:00.000Z';
    north = await seedWorld(db, now);
    south = await seedWorld(db, now);
    const actions = moduleRef.get(ActionService);
    for (const w of [north, south]) {
      const plan = await activePlan(moduleRef, w);
      // The owner's three (their line manager manages them, one is handed to the delegate to manage, one closes), and one of the manager's own.
      const later = await newAction(moduleRef, w, plan.id, '2026-09-01', { title: 'Later' });
      await newAction(moduleRef, w, plan.id, '2026-07-01', { title: 'Sooner' });
      const closed = await newAction(moduleRef, w, plan.id, '2026-08-01', { title: 'Closed' });
      await actions.update(asChair(w), later.id, { version: later.version, managerId: w.delegate.id });
      await actions.changeStatus(asChair(w), closed.id, { version: closed.version, status: 'cancelled', reason: 'Not needed' });
      await newAction(moduleRef, w, plan.id, '2026-10-01', { title: 'Manager owns', ownerId: w.manager.id });
      // A plan whose rules leave its actions out of the digests.
      const quiet = await activePlan(moduleRef, w, 'Quiet plan');
      await moduleRef.get(ReminderSettingsService).update(w.admin, quiet.id, { weeklyDigest: false });
      await newAction(moduleRef, w, quiet.id, '2026-06-01', { title: 'Quiet' });
    }
  });

  it("gives each reader, in any council, their own open actions by due date, or those they manage for others, as one reader's read does", async () => {
    const readers: DigestReader[] = [north, south].flatMap((w) => [
      { authorityId: w.authorityId, userId: w.owner.id, kind: 'digest_owner' as const },
      { authorityId: w.authorityId, userId: w.manager.id, kind: 'digest_manager' as const },
      { authorityId: w.authorityId, userId: w.delegate.id, kind: 'digest_manager' as const },
      { authorityId: w.authorityId, userId: w.manager.id, kind: 'digest_owner' as const },
      { authorityId: w.authorityId, userId: w.bystander.id, kind: 'digest_owner' as const },
    ]);
    const together = await loadDigestActions(db.manager, readers);
    const titles = (w: World, userId: string, kind: DigestReader['kind']) => together.get(`${w.authorityId}|${userId}|${kind}`)!.map((i) => i.action.title);
    for (const w of [north, south]) {
      expect(titles(w, w.owner.id, 'digest_owner')).toEqual(['Sooner', 'Later']);
      expect(titles(w, w.manager.id, 'digest_manager')).toEqual(['Sooner']);
      expect(titles(w, w.delegate.id, 'digest_manager')).toEqual(['Later']);
      expect(titles(w, w.manager.id, 'digest_owner')).toEqual(['Manager owns']);
      expect(titles(w, w.bystander.id, 'digest_owner')).toEqual([]);
    }
    for (const r of readers) {
      const alone = (await loadDigestActions(db.manager, [r])).get(`${r.authorityId}|${r.userId}|${r.kind}`)!;
      expect(refs(alone)).toEqual(refs(together.get(`${r.authorityId}|${r.userId}|${r.kind}`)!));
    }
  });

  it("preloads a batch's digests, so preparing each one reads nothing more", async () => {
    const rows = [north, south].map((w) => ({ authorityId: w.authorityId, recipientId: w.owner.id, kind: 'digest_owner', actionId: null }) as Reminder);
    const lookups = new DeliveryLookups(db.manager);
    await lookups.preload(rows, new Date());
    const content = moduleRef.get(ReminderContent);
    const query = jest.spyOn(db.manager, 'query');
    try {
      for (const w of [north, south]) {
        const listed = await content.digestActions(db.manager, w.authorityId, w.owner.id, 'digest_owner', lookups);
        expect(listed.map((a) => [a.title, a.planTitle, a.ownerName])).toEqual([
          ['Sooner', 'Improvement Plan', 'owner'],
          ['Later', 'Improvement Plan', 'owner'],
        ]);
      }
      expect(query).not.toHaveBeenCalled();
    } finally {
      query.mockRestore();
    }
  });
});
