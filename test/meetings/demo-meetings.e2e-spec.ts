import { seedDemo } from '../../apps/cli/src/demo/demo-seed';
import { AuthService, UserService } from '@app/core';
import { bearer, createTestApp, DB_KINDS, TestApp } from '../support';

type Item = { actionId: string | null; reasons: string[]; reasonLabels: string[]; action: { ref: string } | null };

describe.each(DB_KINDS)('the demo board has run a meeting and planned the next (%s)', (kind) => {
  let t: TestApp;
  let chair: { token: string };

  beforeAll(async () => {
    t = await createTestApp(kind, {}, '2026-11-23T09:00:00Z');
    const { authority } = await seedDemo(t.app);
    const chairId = (await t.get(UserService).list(authority.id)).find((p) => p.email === 'chair@demo.example')!.id;
    const { token } = await t.get(AuthService).createApiToken({ userId: chairId, authorityId: authority.id, roles: ['board_chair'] }, 'test');
    chair = { token };
  }, 60_000);
  afterAll(() => t.close());

  it('last month: held, minutes approved, decisions in the actions’ timelines; next: planned, with a drafted agenda', async () => {
    const boards = (await t.http().get('/api/v1/boards').set(bearer(chair)).expect(200)).body as { id: string }[];
    const meetings = (await t.http().get(`/api/v1/boards/${boards[0].id}/meetings`).set(bearer(chair)).expect(200)).body as {
      id: string;
      date: string;
      status: string;
    }[];
    expect(meetings.map((m) => m.status)).toEqual(['planned', 'minutes_approved']);
    expect(meetings.map((m) => m.date)).toEqual(['2026-12-08', '2026-11-10']);

    const held = (await t.http().get(`/api/v1/meetings/${meetings[1].id}`).set(bearer(chair)).expect(200)).body;
    expect(held.decisions.map((d: { kind: string }) => d.kind).sort()).toEqual(['escalate', 'extend', 'note']);
    expect(held.minutes.draft).toContain('Apologies: Pat Reid (commissioner).');
    const timeline = (await t.http().get(`/api/v1/actions/${held.decisions[0].actionId}/timeline`).set(bearer(chair)).expect(200)).body;
    expect(timeline.map((e: { event: string }) => e.event)).toContain('board_decision');

    const next = (await t.http().get(`/api/v1/meetings/${meetings[0].id}`).set(bearer(chair)).expect(200)).body;
    const items = next.agenda.items as Item[];
    const withReason = (r: string) => items.filter((i) => i.reasons.includes(r)).length;
    expect(withReason('awaiting_verification')).toBeGreaterThanOrEqual(1);
    expect(withReason('overdue')).toBeGreaterThanOrEqual(2);
    // Overdue today, not only due before the meeting (issue 15 "Demo").
    expect(items.filter((i) => i.reasonLabels.some((l) => l.startsWith('Overdue ('))).length).toBeGreaterThanOrEqual(2);
    expect(withReason('changed')).toBeGreaterThanOrEqual(1);
  });
});
