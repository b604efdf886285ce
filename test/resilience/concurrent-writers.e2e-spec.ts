import { DataSource } from 'typeorm';
import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from '../support';

/** Fifty people writing at once: no error surfaces, nothing acknowledged is lost, and no update overwrites another. */
describe.each(DB_KINDS)('fifty writers at once (%s)', (kind) => {
  let t: TestApp;
  let person: TestUser;
  let action: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp(kind);
    person = await newUser(t, (await newAuthority(t, 'Busyshire')).id, ['admin', 'board_chair']);
    const board = await newBoard(t, person);
    const plan = await t.http().post('/api/v1/plans').set(bearer(person)).send({ title: 'Plan', boardId: board.id, startDate: '2026-12-01' }).expect(201);
    action = (await t.http().post(`/api/v1/plans/${plan.body.id}/actions`).set(bearer(person)).send({ title: 'Busy action' }).expect(201)).body;
  });
  afterAll(() => t.close());

  it('keeps all fifty notes written at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .post(`/api/v1/actions/${action.id}/notes`)
          .set(bearer(person))
          .send({ body: `note ${i}` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const stored = await t.get(DataSource).query(`SELECT COUNT(*) AS n FROM "progress_note" WHERE "actionId" = '${action.id}'`);
    expect(Number(stored[0].n)).toBe(50);
  });

  it('lets exactly one of fifty changes made from the same version win; the rest are told the action moved on (409)', async () => {
    const current = (await t.http().get(`/api/v1/actions/${action.id}`).set(bearer(person)).expect(200)).body;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .patch(`/api/v1/actions/${action.id}`)
          .set(bearer(person))
          .send({ version: current.version, title: `Title ${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, ...Array(49).fill(409)]);
    const winner = answers.find((a) => a.status === 200)!.body;
    expect((await t.http().get(`/api/v1/actions/${action.id}`).set(bearer(person)).expect(200)).body).toMatchObject({
      title: winner.title,
      version: current.version + 1,
    });
  });
});
