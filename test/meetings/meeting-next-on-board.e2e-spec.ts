import { DataSource } from 'typeorm';
import { Meeting } from '@app/database/entities';
import { bearer, createTestApp, DB_KINDS, newActivePlan, newBoardWorld, TestApp } from '../support';

describe.each(DB_KINDS)("a meeting's next meeting on the board (%s)", (kind) => {
  let t: TestApp;
  afterAll(() => t.close());

  it('is the first one after it that is not cancelled, found without reading every meeting the board has had', async () => {
    t = await createTestApp(kind, {}, '2026-12-01T09:00:00Z');
    const world = await newBoardWorld(t);
    const { chair, boardId } = world;
    const { planId } = await newActivePlan(t, world, { publishedOn: '2026-09-01', findings: [{ timescale: 'six_months', text: 'audit case supervision' }] });
    const plan = async (date: string) =>
      (await t.http().post(`/api/v1/boards/${boardId}/meetings`).set(bearer(chair)).send({ date, planId }).expect(201)).body.id as string;
    const ids: Record<string, string> = {};
    for (const date of ['2027-03-09', '2026-12-08', '2027-02-09', '2027-01-12', '2026-11-10', '2026-10-13']) ids[date] = await plan(date);
    await t.http().post(`/api/v1/meetings/${ids['2027-01-12']}/cancel`).set(bearer(chair)).send({ reason: 'Not quorate' }).expect(201);

    // Count the meetings the read loads: the meeting itself and its next one, however many the board has had.
    const ds = t.get(DataSource);
    let loaded = 0;
    const counter = { listenTo: () => Meeting, afterLoad: () => void loaded++ };
    ds.subscribers.push(counter);
    try {
      const shown = (await t.http().get(`/api/v1/meetings/${ids['2026-12-08']}`).set(bearer(chair)).expect(200)).body;
      expect(shown.series.nextMeeting).toEqual({ id: ids['2027-02-09'], date: '2027-02-09', status: 'planned' });
      expect(loaded).toBeLessThanOrEqual(2);
      loaded = 0;
      const last = (await t.http().get(`/api/v1/meetings/${ids['2027-03-09']}`).set(bearer(chair)).expect(200)).body;
      expect(last.series.nextMeeting).toBeNull();
      expect(loaded).toBeLessThanOrEqual(2);
    } finally {
      ds.subscribers.splice(ds.subscribers.indexOf(counter), 1);
    }
  });
});
