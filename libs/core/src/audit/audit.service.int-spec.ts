import { randomUUID } from 'node:crypto';
import { AuditEvent } from '@app/database/entities';
import { Transactions } from '@app/database/transactions';
import { DB_KINDS } from '@app/testing/test-database';
import { useMedium } from '@app/testing/medium';
import { AuditRecord, AuditService } from './audit.service';

describe.each(DB_KINDS)('AuditService (%s)', (kind) => {
  const medium = useMedium(kind);
  const event = (): AuditRecord => ({ authorityId: null, entityType: 'user', entityId: randomUUID(), event: 'test_event', actorId: null });
  const written = (e: AuditRecord) => medium.ds.manager.countBy(AuditEvent, { entityId: e.entityId! });

  it('refuses to record a change outside a transaction, and writes nothing', async () => {
    const e = event();
    await expect(medium.get(AuditService).record(e)).rejects.toThrow(/outside a transaction/);
    expect(await written(e)).toBe(0);
  });

  it('records inside the open transaction: a rolled back change leaves no record', async () => {
    const [kept, dropped] = [event(), event()];
    const transactions = medium.get(Transactions);
    await transactions.run(() => medium.get(AuditService).record(kept));
    const failing = transactions.run(async () => {
      await medium.get(AuditService).record(dropped);
      throw new Error('the change failed');
    });
    await expect(failing).rejects.toThrow('the change failed');
    expect([await written(kept), await written(dropped)]).toEqual([1, 0]);
  });

  it('records a standalone event (a sign-in attempt, a refused request) on its own', async () => {
    const e = event();
    await medium.get(AuditService).recordAlone(e);
    expect(await written(e)).toBe(1);
  });
});

describe.each(DB_KINDS)('AuditService retention of sign-in noise (%s)', (kind) => {
  const medium = useMedium(kind, '2026-06-01T12:00:00.000Z');

  it('deletes sign-in attempts and refused requests older than the retention, and never a record of a change', async () => {
    const entityId = randomUUID();
    const at = (days: number) => new Date(Date.parse('2026-06-01T12:00:00.000Z') - days * 24 * 60 * 60_000).toISOString();
    const row = (event: string, days: number) => ({ authorityId: null, entityType: 'user', entityId, event, actorId: null, at: at(days) });
    await medium.ds.manager.insert(AuditEvent, [
      row('sign_in_failed', 100),
      row('access_refused_unauthenticated', 91),
      row('sign_in_failed', 89),
      row('action_updated', 400),
      row('user_created', 100),
    ]);
    expect(await medium.get(AuditService).pruneNoise(90)).toBe(2);
    const left = await medium.ds.manager.find(AuditEvent, { where: { entityId }, order: { at: 'ASC' } });
    expect(left.map((e) => e.event)).toEqual(['action_updated', 'user_created', 'sign_in_failed']);
    expect(await medium.get(AuditService).pruneNoise(0)).toBe(0);
  });
});
