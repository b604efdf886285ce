import { bearer, createTestApp, DB_KINDS, newBoard, newBoardWorld, newUser, postInspection, TestApp, TestUser } from './support';

describe.each(DB_KINDS)('a board member takes a plan from findings to a verified action (%s)', (kind) => {
  let t: TestApp;
  let chair: TestUser, member: TestUser, manager: TestUser, owner: TestUser;
  let boardId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, {}, '2026-11-23T09:00:00Z');
    const world = await newBoardWorld(t);
    ({ chair, member, manager, owner, boardId } = world);
    await newUser(t, world.authorityId, ['admin']);
  });
  afterAll(() => t.close());

  it('walks the whole path and the audit timeline tells the story', async () => {
    const doc = await postInspection(t, member, {
      publishedOn: '2026-11-30',
      judgements: [{ area: 'Overall effectiveness', grade: 3, label: 'Adequate', scale: 'ofsted_1_outstanding' }],
      findings: [
        { timescale: 'immediately', text: 'ensure every referral gets a timely decision' },
        { timescale: 'three_months', text: 'improve the quality of   assessments' },
        { section: 'Looked after children', timescale: 'six_months', text: 'review placement stability', ownerOrg: 'NHS Trust' },
      ],
    });
    expect(doc.body.findings.map((f: { text: string }) => f.text)[1]).toBe('improve the quality of assessments');

    const plan = await t
      .http()
      .post('/api/v1/plans')
      .set(bearer(member))
      .send({ title: 'Improvement plan 2026', boardId, documentIds: [doc.body.id] })
      .expect(201);
    expect(plan.body).toMatchObject({ status: 'draft', startDate: '2026-11-30', actionsAdded: 3, immediateWindowDays: 28 });

    const list = await t.http().get(`/api/v1/actions?planId=${plan.body.id}`).set(bearer(member)).expect(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((a: { dueDate: string }) => a.dueDate)).toEqual(['2026-12-28', '2027-02-28', '2027-05-30']);
    expect(list.body.items[0].rag).toEqual({ derived: 'green', override: null, overrideReason: null, effective: 'green' });

    const first = list.body.items[0];
    const assigned = await t.http().patch(`/api/v1/actions/${first.id}`).set(bearer(member)).send({ version: first.version, ownerId: owner.id }).expect(200);
    expect(assigned.body).toMatchObject({ ownerId: owner.id, managerId: manager.id, version: 2 });

    await t.http().post(`/api/v1/plans/${plan.body.id}/activate`).set(bearer(member)).send({ version: 1 }).expect(403);
    await t.http().post(`/api/v1/plans/${plan.body.id}/activate`).set(bearer(chair)).send({ version: 1 }).expect(201);

    // Once the plan is active, a due date moves only by the board's decision, through its chair, with a reason.
    await t
      .http()
      .patch(`/api/v1/actions/${first.id}`)
      .set(bearer(member))
      .send({ version: 2, dueDate: '2027-01-15', dueDateReason: 'Recruitment delay' })
      .expect(403);
    await t.http().patch(`/api/v1/actions/${first.id}`).set(bearer(chair)).send({ version: 2, dueDate: '2027-01-15' }).expect(400);
    const moved = await t
      .http()
      .patch(`/api/v1/actions/${first.id}`)
      .set(bearer(chair))
      .send({ version: 2, dueDate: '2027-01-15', dueDateReason: 'Board agreed: recruitment delay' })
      .expect(200);
    expect(moved.body.dueDate).toBe('2027-01-15');

    const started = await t.http().post(`/api/v1/actions/${first.id}/status`).set(bearer(owner)).send({ version: 3, status: 'in_progress' }).expect(201);
    await t.http().post(`/api/v1/actions/${first.id}/status`).set(bearer(owner)).send({ version: started.body.version, status: 'completed' }).expect(422);
    await t.http().post(`/api/v1/actions/${first.id}/notes`).set(bearer(owner)).send({ body: 'New triage rota in place' }).expect(201);
    const upload = await t
      .http()
      .post(`/api/v1/actions/${first.id}/evidence`)
      .set(bearer(owner))
      .field('title', 'Audit of referrals')
      .attach('file', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), 'audit.pdf')
      .expect(201);
    expect(upload.body).toMatchObject({ kind: 'file', mimeType: 'application/pdf', fileName: 'audit.pdf' });
    const done = await t
      .http()
      .post(`/api/v1/actions/${first.id}/status`)
      .set(bearer(owner))
      .send({ version: started.body.version, status: 'completed' })
      .expect(201);

    await t.http().post(`/api/v1/actions/${first.id}/verify`).set(bearer(owner)).send({ version: done.body.version }).expect(403);
    const verified = await t
      .http()
      .post(`/api/v1/actions/${first.id}/verify`)
      .set(bearer(chair))
      .send({ version: done.body.version, comment: 'Evidence accepted' })
      .expect(201);
    expect(verified.body.status).toBe('verified');
    expect(verified.body.rag.effective).toBe('blue');

    const detail = await t.http().get(`/api/v1/actions/${first.id}`).set(bearer(member)).expect(200);
    expect(detail.body.findings[0].text).toBe('ensure every referral gets a timely decision');
    expect(detail.body.dueDateHistory).toEqual([
      expect.objectContaining({ fromDate: '2026-12-28', toDate: '2027-01-15', reason: 'Board agreed: recruitment delay' }),
    ]);
    const file = await t.http().get(`/api/v1/actions/${first.id}/evidence/${upload.body.id}/file`).set(bearer(member)).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');

    const timeline = await t.http().get(`/api/v1/actions/${first.id}/timeline`).set(bearer(member)).expect(200);
    expect(timeline.body.map((e: { event: string }) => e.event)).toEqual([
      'action_created',
      'action_updated',
      'action_updated',
      'action_status_changed',
      'progress_note_added',
      'evidence_added',
      'action_status_changed',
      'action_verified',
    ]);
    expect(timeline.body[1]).toMatchObject({ actorId: member.id, before: { ownerId: null }, after: { ownerId: owner.id } });
    expect(timeline.body[7]).toMatchObject({ actorId: chair.id, before: { status: 'completed' }, after: { status: 'verified' } });
  });

  it('derives RAG from the due date and lets a person override it only with a reason', async () => {
    const board = await newBoard(t, chair);
    const plan = await t.http().post('/api/v1/plans').set(bearer(member)).send({ title: 'RAG plan', boardId: board.id, startDate: '2026-10-01' }).expect(201);
    const mk = (dueDate: string) =>
      t
        .http()
        .post(`/api/v1/plans/${plan.body.id}/actions`)
        .set(bearer(member))
        .send({ title: `Due ${dueDate}`, dueDate })
        .expect(201);
    // A due date already past is refused, so the overdue action is made a few days before it fell due.
    const now = t.clock.nowIso();
    t.clock.set('2026-11-20T09:00:00Z');
    const made = await mk('2026-11-22');
    t.clock.set(now);
    const overdue = await t.http().get(`/api/v1/actions/${made.body.id}`).set(bearer(member)).expect(200);
    const soon = await mk('2026-12-07');
    const later = await mk('2026-12-08');
    expect([overdue.body.rag.derived, soon.body.rag.derived, later.body.rag.derived]).toEqual(['red', 'amber', 'green']);
    expect(overdue.body.overdue).toBe(true);

    await t.http().patch(`/api/v1/actions/${later.body.id}`).set(bearer(member)).send({ version: 1, ragOverride: 'red' }).expect(400);
    const overridden = await t
      .http()
      .patch(`/api/v1/actions/${later.body.id}`)
      .set(bearer(member))
      .send({ version: 1, ragOverride: 'red', ragOverrideReason: 'Key post vacant' })
      .expect(200);
    expect(overridden.body.rag).toEqual({ derived: 'green', override: 'red', overrideReason: 'Key post vacant', effective: 'red' });

    const red = await t.http().get(`/api/v1/actions?planId=${plan.body.id}&rag=red`).set(bearer(member)).expect(200);
    expect(red.body.items.map((a: { id: string }) => a.id).sort()).toEqual([overdue.body.id, later.body.id].sort());
    const overdueOnly = await t.http().get(`/api/v1/actions?planId=${plan.body.id}&overdue=true`).set(bearer(member)).expect(200);
    expect(overdueOnly.body.items.map((a: { id: string }) => a.id)).toEqual([overdue.body.id]);
    const between = await t.http().get(`/api/v1/actions?planId=${plan.body.id}&dueFrom=2026-12-01&dueTo=2026-12-07`).set(bearer(member)).expect(200);
    expect(between.body.items.map((a: { id: string }) => a.id)).toEqual([soon.body.id]);
    const dashboard = await t.http().get(`/api/v1/plans/${plan.body.id}/dashboard`).set(bearer(member)).expect(200);
    expect(dashboard.body.byRag).toEqual({ red: 2, amber: 1 });
    expect(dashboard.body.byStatus).toEqual({ not_started: 3 });
  });

  it('pages with a maximum page size', async () => {
    await t.http().get('/api/v1/actions?pageSize=101').set(bearer(member)).expect(400);
    const page = await t.http().get('/api/v1/actions?pageSize=2&page=2').set(bearer(member)).expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
  });

  it("carries a closed plan's open actions into its successor, keeping the link to the finding", async () => {
    const board = await newBoard(t, chair);
    const doc = await t
      .http()
      .post('/api/v1/documents')
      .set(bearer(member))
      .send({
        title: 'Letter',
        kind: 'apa_letter',
        inspectorates: ['Ofsted'],
        publishedOn: '2026-01-10',
        findings: [
          { section: 'Staying safe', timescale: 'unspecified', text: 'reduce re-referrals' },
          { section: 'Being healthy', timescale: 'unspecified', text: 'improve health checks' },
        ],
      })
      .expect(201);
    const old = await t
      .http()
      .post('/api/v1/plans')
      .set(bearer(member))
      .send({ title: 'Improvement Board plan', boardId: board.id, documentIds: [doc.body.id] })
      .expect(201);
    const actions = (await t.http().get(`/api/v1/actions?planId=${old.body.id}`).set(bearer(member))).body.items;
    await t
      .http()
      .post(`/api/v1/actions/${actions[0].id}/status`)
      .set(bearer(member))
      .send({ version: 1, status: 'cancelled', reason: 'Superseded' })
      .expect(403);
    await t
      .http()
      .post(`/api/v1/actions/${actions[0].id}/status`)
      .set(bearer(chair))
      .send({ version: 1, status: 'cancelled', reason: 'Superseded' })
      .expect(201);
    await t.http().post(`/api/v1/plans/${old.body.id}/activate`).set(bearer(chair)).send({ version: 1 }).expect(201);
    await t.http().post(`/api/v1/plans/${old.body.id}/carry-over`).set(bearer(chair)).send({ toPlanId: old.body.id }).expect(422);
    await t.http().post(`/api/v1/plans/${old.body.id}/close`).set(bearer(chair)).send({ version: 2 }).expect(201);
    const next = await t
      .http()
      .post('/api/v1/plans')
      .set(bearer(member))
      .send({ title: 'Service Development Board plan', boardId: board.id, startDate: '2027-01-01', actionsFromFindings: false })
      .expect(201);
    const carried = await t.http().post(`/api/v1/plans/${old.body.id}/carry-over`).set(bearer(chair)).send({ toPlanId: next.body.id }).expect(201);
    expect(carried.body.actionsCarriedOver).toBe(1);
    const copy = (await t.http().get(`/api/v1/actions?planId=${next.body.id}`).set(bearer(member))).body.items[0];
    expect(copy).toMatchObject({ carriedFromId: actions[1].id, title: actions[1].title, status: 'not_started' });
    const detail = await t.http().get(`/api/v1/actions/${copy.id}`).set(bearer(member)).expect(200);
    expect(detail.body.findings[0].text).toBe('improve health checks');
    const original = await t.http().get(`/api/v1/actions/${actions[1].id}`).set(bearer(member)).expect(200);
    expect(original.body.status).toBe('carried_over');
    await t.http().post(`/api/v1/actions/${actions[1].id}/notes`).set(bearer(member)).send({ body: 'late note' }).expect(422);
  });
});
