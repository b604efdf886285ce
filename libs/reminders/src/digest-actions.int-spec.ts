import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ActionService, Actor } from '@app/core';
import { Membership } from '@app/database';
import { DigestPlanner } from './digest-planner.service';
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

  it("lists an action that names no manager in its owner's line manager's team digest, and in no other manager's", async () => {
    const east = await seedWorld(db, '2026-03-01T12:00:00.000Z');
    const actions = moduleRef.get(ActionService);
    const plan = await activePlan(moduleRef, east);
    // The owner's line manager is the world's manager; the action is left naming no manager.
    const unnamed = await newAction(moduleRef, east, plan.id, '2026-07-01', { title: 'Unnamed' });
    await actions.update(asChair(east), unnamed.id, { version: unnamed.version, managerId: null });
    // The bystander's line manager is the manager too, but this action names the delegate, who is no one's line manager.
    const named = await newAction(moduleRef, east, plan.id, '2026-08-01', { title: 'Named', ownerId: east.bystander.id });
    await actions.update(asChair(east), named.id, { version: named.version, managerId: east.delegate.id });
    // The owner also works for the north council, under another line manager there: that says nothing about east.
    await db.manager.insert(Membership, {
      ...{ id: randomUUID(), authorityId: north.authorityId, userId: east.owner.id, roles: [] },
      ...{ managerId: north.delegate.id, organisationId: null, createdAt: '2026-03-01T12:00:00.000Z' },
    });

    await moduleRef.get(DigestPlanner).planDigests(new Date('2026-03-02T08:00:00.000Z'), { force: true });
    const planned = await db.manager.findBy(Reminder, { authorityId: east.authorityId, forDate: '2026-03-02' });
    const who = new Map([east.owner, east.manager, east.delegate, east.bystander].map((u) => [u.id, u.displayName]));
    expect(planned.map((r) => `${who.get(r.recipientId)} ${r.kind}`).sort()).toEqual([
      'bystander digest_owner',
      'delegate digest_manager',
      'manager digest_manager',
      'owner digest_owner',
    ]);

    const readers: DigestReader[] = planned.map((r) => ({ authorityId: r.authorityId, userId: r.recipientId, kind: r.kind as DigestReader['kind'] }));
    const lists = await loadDigestActions(db.manager, readers);
    const titles = (userId: string, kind: DigestReader['kind']) => lists.get(`${east.authorityId}|${userId}|${kind}`)!.map((i) => i.action.title);
    expect(titles(east.manager.id, 'digest_manager')).toEqual(['Unnamed']);
    expect(titles(east.delegate.id, 'digest_manager')).toEqual(['Named']);
    expect(titles(east.owner.id, 'digest_owner')).toEqual(['Unnamed']);
    // Read alone, as a digest outside a batch is, the line manager's list is the same.
    const alone = await loadDigestActions(db.manager, [{ authorityId: east.authorityId, userId: east.manager.id, kind: 'digest_manager' }]);
    expect([...alone.values()].flat().map((i) => i.action.title)).toEqual(['Unnamed']);

    // The statements stay as many as before the rule: one a council for the actions with their accountable managers, then plans, rules and names.
    const batch = [north, south, east].flatMap((w) => [
      { authorityId: w.authorityId, userId: w.owner.id, kind: 'digest_owner' as const },
      { authorityId: w.authorityId, userId: w.manager.id, kind: 'digest_manager' as const },
    ]);
    const query = jest.spyOn(db.logger, 'logQuery');
    try {
      await loadDigestActions(db.manager, batch);
      expect(query).toHaveBeenCalledTimes(3 + 3);
    } finally {
      query.mockRestore();
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
