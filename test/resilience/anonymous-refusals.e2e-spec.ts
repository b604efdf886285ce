import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { AuditEvent } from '@app/database/entities';
import { AnonymousRefusals } from '../../apps/api/src/common/anonymous-refusals';
import { createTestApp, DB_KINDS, TestApp } from '../support';

describe.each(DB_KINDS)('requests without a sign-in (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const refusals = () => t.get(DataSource).manager.find(AuditEvent, { where: { event: 'access_refused_unauthenticated' }, order: { seq: 'ASC' } });

  it('are counted per address and minute: one audit row a minute, however many came, naming the routes tried', async () => {
    t.get(Clock).set('2026-11-23T09:00:10Z');
    for (let i = 0; i < 150; i++)
      await t
        .http()
        .get(i % 2 ? '/api/v1/plans' : '/api/v1/actions')
        .expect(401);
    expect(await refusals()).toHaveLength(0);
    t.get(Clock).set('2026-11-23T09:01:05Z');
    for (let i = 0; i < 30; i++) await t.http().get('/api/v1/users').expect(401);
    await t.get(AnonymousRefusals).flush({ before: '2026-11-23T09:01' });
    const [first, ...rest] = await refusals();
    expect(rest).toHaveLength(0);
    expect(first).toMatchObject({ subject: 'GET /api/v1/actions', ip: expect.any(String), authorityId: null });
    expect(JSON.parse(first.after!)).toEqual({ minute: '2026-11-23T09:00', count: 150, routes: ['GET /api/v1/actions', 'GET /api/v1/plans'] });
    await t.get(AnonymousRefusals).flush();
    expect((await refusals()).map((r) => JSON.parse(r.after!).count)).toEqual([150, 30]);
  });
});
