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
