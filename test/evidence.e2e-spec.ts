import * as fs from 'node:fs';
import * as path from 'node:path';
import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from './support';

describe.each(DB_KINDS)('evidence and milestones (%s)', (kind) => {
  let t: TestApp;
  let member: TestUser, owner: TestUser, stranger: TestUser;
  let actionId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { EVIDENCE_MAX_BYTES: '2048' });
    const authority = await newAuthority(t);
    member = await newUser(t, authority.id, ['board_member']);
    owner = await newUser(t, authority.id, ['viewer']);
    stranger = await newUser(t, authority.id, ['viewer']);
    const board = await newBoard(t, member);
    const plan = await t.http().post('/api/v1/plans').set(bearer(member)).send({ title: 'P', boardId: board.id, startDate: '2026-11-01' }).expect(201);
    actionId = (await t.http().post(`/api/v1/plans/${plan.body.id}/actions`).set(bearer(member)).send({ title: 'Audit', ownerId: owner.id }).expect(201)).body
      .id;
  });
  afterAll(() => t.close());

  const upload = (user: TestUser, bytes: Buffer, name: string) =>
    t.http().post(`/api/v1/actions/${actionId}/evidence`).set(bearer(user)).attach('file', bytes, name);

  it('keeps an accepted file on disk under the data folder, typed by its content', async () => {
    const csv = await upload(owner, Buffer.from('case,days\n1,12\n2,40\n'), 'audit.exe').expect(201);
    expect(csv.body).toMatchObject({ mimeType: 'text/plain', fileName: 'audit.exe', sizeBytes: 20 });
    expect(fs.existsSync(path.join(t.config.dataDir, 'evidence', owner.authorityId, csv.body.id))).toBe(true);
  });

  it.each([
    ['a file over the size limit', Buffer.alloc(4096, 'a'), 'big.txt', 413],
    [
      'an executable named as a PDF',
      Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'), Buffer.alloc(200)]),
      'report.pdf',
      415,
    ],
    ['an empty file', Buffer.alloc(0), 'empty.txt', 400],
  ])('refuses %s and stores nothing', async (_what, bytes, name, status) => {
    const before = (await t.http().get(`/api/v1/actions/${actionId}`).set(bearer(member))).body.evidence.length;
    const response = await upload(owner, bytes, name).expect(status);
    expect(response.body.error.message).toBeTruthy();
    expect((await t.http().get(`/api/v1/actions/${actionId}`).set(bearer(member))).body.evidence).toHaveLength(before);
  });

  it('takes links and notes as evidence, and only from people who may edit the action', async () => {
    await t.http().post(`/api/v1/actions/${actionId}/evidence/link`).set(bearer(owner)).send({ title: 'Policy', url: 'javascript:alert(1)' }).expect(400);
    await t
      .http()
      .post(`/api/v1/actions/${actionId}/evidence/link`)
      .set(bearer(owner))
      .send({ title: 'Policy', url: 'https://intranet.example/policy' })
      .expect(201);
    await t.http().post(`/api/v1/actions/${actionId}/evidence/note`).set(bearer(stranger)).send({ title: 'x', note: 'y' }).expect(403);
    await t.http().post(`/api/v1/actions/${actionId}/evidence/note`).set(bearer(owner)).send({ title: 'Panel minutes', note: 'Agreed on 3 March' }).expect(201);
  });

  it('tracks milestones', async () => {
    const m = await t
      .http()
      .post(`/api/v1/actions/${actionId}/milestones`)
      .set(bearer(owner))
      .send({ title: 'Audit tool agreed', dueDate: '2026-12-15' })
      .expect(201);
    const done = await t.http().patch(`/api/v1/actions/${actionId}/milestones/${m.body.id}`).set(bearer(owner)).send({ done: true }).expect(200);
    expect(done.body.doneAt).toBe('2026-11-23T09:00:00.000Z');
    const detail = await t.http().get(`/api/v1/actions/${actionId}`).set(bearer(member)).expect(200);
    expect(detail.body.milestones).toEqual([
      expect.objectContaining({ title: 'Audit tool agreed', dueDate: '2026-12-15', doneAt: '2026-11-23T09:00:00.000Z' }),
    ]);
  });
});
