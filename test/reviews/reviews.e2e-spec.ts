import { asBytes, bearer, createTestApp, DB_KINDS, newAuthority, newBoardWorld, newUser, TestApp, TestUser } from '../support';

type Body = Record<string, unknown>;

describe.each(DB_KINDS)('quarterly commissioner reviews (%s)', (kind) => {
  let t: TestApp;
  let admin: TestUser, chair: TestUser, commissioner: TestUser, viewer: TestUser, owner: TestUser, stranger: TestUser;
  let planId: string, actionId: string, rereferrals: string, cpPlans: string;

  const post = (user: TestUser, url: string, body: Body = {}) => t.http().post(url).set(bearer(user)).send(body);
  const get = (user: TestUser, url: string) => t.http().get(url).set(bearer(user));
  const enter = (user: TestUser, measureId: string, body: Body) => post(user, `/api/v1/measures/${measureId}/values`, body);

  beforeAll(async () => {
    t = await createTestApp(kind); // 23 November 2026: 2026/27 Q3 is under way
    // The action's owner is the council's manager.
    const { authorityId, boardId, ...people } = await newBoardWorld(t);
    ({ chair, manager: owner } = people);
    admin = await newUser(t, authorityId, ['admin']);
    commissioner = await newUser(t, authorityId, ['commissioner']);
    viewer = await newUser(t, authorityId, ['viewer']);
    stranger = await newUser(t, (await newAuthority(t)).id, ['commissioner']);
    planId = (await post(chair, '/api/v1/plans', { title: 'Safeguarding improvement plan', boardId, startDate: '2026-04-01' }).expect(201)).body.id;
    // Added in September, due in October: overdue by the time of the reviews.
    t.clock.set('2026-09-01T09:00:00Z');
    const action = await post(chair, `/api/v1/plans/${planId}/actions`, { title: 'Reduce re-referrals', ownerId: owner.id, dueDate: '2026-10-15' }).expect(201);
    actionId = action.body.id;
    t.clock.set('2026-11-23T09:00:00Z');
    rereferrals = (
      await post(admin, '/api/v1/measures', { name: 'Re-referrals within 12 months', unit: 'percent', polarity: 'lower', target: 22, tolerance: 1 }).expect(201)
    ).body.id;
    cpPlans = (
      await post(admin, '/api/v1/measures', {
        name: 'Children subject to a plan',
        unit: 'count',
        polarity: 'band',
        bandLow: 120,
        bandHigh: 130,
        tolerance: 5,
      }).expect(201)
    ).body.id;
    await t.http().put(`/api/v1/actions/${actionId}/measures/${rereferrals}`).set(bearer(admin)).expect(200);
    await t.http().put(`/api/v1/actions/${actionId}/measures/${cpPlans}`).set(bearer(admin)).expect(200);
  });
  afterAll(() => t.close());

  it('takes values by period, with who and when, and refuses impossible ones, storing nothing', async () => {
    for (const [period, value] of [
      ['2026/27 Q1', 24.5],
      ['2026/27 Q2', 22.6],
    ] as const)
      await enter(admin, rereferrals, { period, value, national: 22.7, comparator: 23.4, commentary: 'Front door triage' }).expect(201);
    await enter(admin, cpPlans, { period: '2026/27 Q1', value: 128 }).expect(201);
    // Monthly values roll up to the quarter (the last month's, by default).
    for (const [period, value] of [
      ['2026-07', 131],
      ['2026-08', 133],
      ['2026-09', 137],
    ] as const)
      await enter(admin, cpPlans, { period, value }).expect(201);

    const refusals: [string, Body, number, RegExp][] = [
      [rereferrals, { period: '2026/27 Q3', value: 140 }, 422, /percentage is between 0 and 100, not 140/],
      [cpPlans, { period: '2026/27 Q3', value: -4 }, 422, /count cannot be negative/],
      [rereferrals, { period: '2026/27 Q5', value: 20 }, 422, /not a period.*2026\/27 Q3/],
      [rereferrals, { period: '2026/28 Q1', value: 20 }, 422, /not a period/],
      [rereferrals, { period: '2026/27 Q2', value: 21 }, 400, /already has a value for 2026\/27 Q2 \(22.6\): give a reason/],
      [rereferrals, { period: '2026/27 Q3', value: 'lots' }, 400, /value must be a number/],
    ];
    for (const [measureId, body, status, message] of refusals) {
      const response = await enter(admin, measureId, body).expect(status);
      expect(response.body.error.message).toMatch(message);
    }
    await enter(viewer, rereferrals, { period: '2026/27 Q3', value: 20 }).expect(403);
    await enter(stranger, rereferrals, { period: '2026/27 Q3', value: 20 }).expect(404);

    const values = (await get(viewer, `/api/v1/measures/${rereferrals}/values`).expect(200)).body;
    expect(values).toEqual([
      expect.objectContaining({ period: '2026/27 Q1', value: 24.5, enteredById: admin.id, enteredAt: '2026-11-23T09:00:00.000Z' }),
      expect.objectContaining({ period: '2026/27 Q2', value: 22.6, national: 22.7, comparator: 23.4, commentary: 'Front door triage' }),
    ]);
  });

  it('builds, judges, follows up and signs off a review; then it never changes', async () => {
    await post(commissioner, `/api/v1/plans/${planId}/reviews`, { quarter: '2026/27 Q5' }).expect(422);
    const notBegun = await post(commissioner, `/api/v1/plans/${planId}/reviews`, { quarter: '2027/28 Q1' }).expect(422);
    expect(notBegun.body.error.message).toMatch(/has not begun/);
    await post(viewer, `/api/v1/plans/${planId}/reviews`, { quarter: '2026/27 Q2' }).expect(403);
    await post(stranger, `/api/v1/plans/${planId}/reviews`, { quarter: '2026/27 Q2' }).expect(404);

    const created = await post(commissioner, `/api/v1/plans/${planId}/reviews`, { quarter: '2026/27 Q2' }).expect(201);
    const id = created.body.id;
    await post(commissioner, `/api/v1/plans/${planId}/reviews`, { quarter: '2026/27 Q2' }).expect(409);
    expect(created.body).toMatchObject({ quarter: '2026/27 Q2', status: 'draft', judgements: [], followUps: [] });
    const { pack } = created.body;
    expect(pack.asAt).toBe('2026-09-30');
    expect(pack.actions).toMatchObject({ total: 1, byStatus: { not_started: 1 }, overdue: [] });
    const [cp, rr] = pack.measures;
    expect(rr).toMatchObject({ name: 'Re-referrals within 12 months', unit: 'percent', value: 22.6, target: 22, rag: 'amber', direction: 'improving' });
    expect(rr.trend.map((p: Body) => [p.quarter, p.value])).toEqual([
      ['2026/27 Q1', 24.5],
      ['2026/27 Q2', 22.6],
    ]);
    expect(cp).toMatchObject({ value: 137, rag: 'red', direction: 'worsening', valueDue: '2026-10-14' });
    expect(pack.areas).toEqual(['Overall']);

    await post(commissioner, `/api/v1/reviews/${id}/judgements`, { area: 'Overall', judgement: 'splendid', comment: 'x' }).expect(400);
    await post(admin, `/api/v1/reviews/${id}/judgements`, { area: 'Overall', judgement: 'good', comment: 'x' }).expect(403);
    await post(commissioner, `/api/v1/reviews/${id}/judgements`, { area: 'Overall', judgement: 'limited', comment: 'First go' }).expect(200);
    const judged = await post(commissioner, `/api/v1/reviews/${id}/judgements`, {
      area: 'Overall',
      judgement: 'reasonable',
      comment: 'Re-referrals falling',
    }).expect(200);
    expect(judged.body.judgements).toEqual([expect.objectContaining({ area: 'Overall', judgement: 'reasonable', comment: 'Re-referrals falling' })]);

    await post(commissioner, `/api/v1/reviews/${id}/follow-ups`, { title: 'Audit repeat plans', ownerId: owner.id, dueDate: '2026-02-30' }).expect(400);
    const followUp = await post(commissioner, `/api/v1/reviews/${id}/follow-ups`, {
      title: 'Audit repeat plans',
      ownerId: owner.id,
      dueDate: '2027-01-29',
    }).expect(201);
    expect(followUp.body).toMatchObject({ planId, title: 'Audit repeat plans', ownerId: owner.id, dueDate: '2027-01-29', status: 'not_started' });

    await post(admin, `/api/v1/reviews/${id}/sign-off`).expect(403);
    await post(stranger, `/api/v1/reviews/${id}/sign-off`).expect(404);
    await get(stranger, `/api/v1/reviews/${id}`).expect(404);
    const signed = await post(commissioner, `/api/v1/reviews/${id}/sign-off`).expect(200);
    expect(signed.body).toMatchObject({ status: 'signed', signedById: commissioner.id, signedAt: '2026-11-23T09:00:00.000Z' });
    expect(signed.body.followUps).toEqual([expect.objectContaining({ title: 'Audit repeat plans', ownerName: owner.displayName })]);

    const again = await post(commissioner, `/api/v1/reviews/${id}/sign-off`).expect(409);
    expect(again.body.error.message).toMatch(/signed off on 2026-11-23/);
    await post(commissioner, `/api/v1/reviews/${id}/judgements`, { area: 'Overall', judgement: 'good', comment: 'Changed my mind' }).expect(409);
    await post(commissioner, `/api/v1/reviews/${id}/follow-ups`, { title: 'More', ownerId: owner.id, dueDate: '2027-01-29' }).expect(409);

    // The data moves on: a corrected value, a new value, a finished action, a new measure on the plan.
    t.clock.set('2026-11-24T10:00:00Z');
    await enter(admin, rereferrals, { period: '2026/27 Q2', value: 23.9 }).expect(400);
    await enter(admin, rereferrals, { period: '2026/27 Q2', value: 23.9, reason: 'Late referrals recorded after the return' }).expect(201);
    await enter(admin, rereferrals, { period: '2026/27 Q3', value: 21.5 }).expect(201);
    const newer = await post(admin, '/api/v1/measures', { name: 'Repeat child protection plans', unit: 'percent', polarity: 'lower', target: 10 }).expect(201);
    await t.http().put(`/api/v1/actions/${actionId}/measures/${newer.body.id}`).set(bearer(admin)).expect(200);
    await post(owner, `/api/v1/actions/${actionId}/status`, { version: 1, status: 'in_progress' }).expect(201);

    const after = await get(viewer, `/api/v1/reviews/${id}`).expect(200);
    expect(after.body).toEqual(signed.body);

    const history = (await get(viewer, `/api/v1/measures/${rereferrals}/values?history=true`).expect(200)).body.filter((v: Body) => v.period === '2026/27 Q2');
    expect(history).toEqual([
      expect.objectContaining({ value: 22.6, replacedAt: '2026-11-24T10:00:00.000Z' }),
      expect.objectContaining({ value: 23.9, supersededValue: 22.6, reason: 'Late referrals recorded after the return', replacedAt: null }),
    ]);

    // A decision the board records at its meeting this quarter is in the next review's pack.
    const board = (await get(chair, '/api/v1/boards').expect(200)).body[0];
    const meeting = await post(chair, `/api/v1/boards/${board.id}/meetings`, { date: '2026-11-24', planId }).expect(201);
    await post(chair, `/api/v1/meetings/${meeting.body.id}/decisions`, { actionId, kind: 'note', comment: 'Re-referral audit to come back in January' }).expect(
      201,
    );

    // The next quarter's review flags the correction made after the last sign-off.
    const next = await post(commissioner, `/api/v1/plans/${planId}/reviews`, { quarter: '2026/27 Q3' }).expect(201);
    expect(next.body.pack.correctedSinceLastReview).toEqual([
      expect.objectContaining({
        name: 'Re-referrals within 12 months',
        period: '2026/27 Q2',
        was: 22.6,
        now: 23.9,
        reason: 'Late referrals recorded after the return',
      }),
    ]);
    const rrNext = next.body.pack.measures.find((m: Body) => m.measureId === rereferrals);
    expect(rrNext).toMatchObject({ value: 21.5, rag: 'green', direction: 'improving' });
    expect(rrNext.trend.map((p: Body) => p.value)).toEqual([24.5, 23.9, 21.5]);
    expect(next.body.pack.asAt).toBe('2026-11-24');
    expect(next.body.pack.actions.overdue).toEqual([expect.objectContaining({ ref: expect.any(String), owner: owner.displayName, daysOverdue: 40 })]);
    expect(next.body.pack.actions.newlyOverdue).toHaveLength(1);
    expect(next.body.pack.boardDecisions).toEqual([
      expect.objectContaining({ date: '2026-11-24', actionId, kind: 'note', comment: 'Re-referral audit to come back in January' }),
    ]);
    expect(after.body.pack.boardDecisions).toEqual([]);

    const listed = (await get(viewer, `/api/v1/reviews?planId=${planId}`).expect(200)).body;
    expect(listed.map((r: Body) => [r.quarter, r.status])).toEqual([
      ['2026/27 Q3', 'draft'],
      ['2026/27 Q2', 'signed'],
    ]);
  });

  it('takes an uploaded CSV or XLSX of values all or nothing, naming the bad line', async () => {
    const upload = (user: TestUser, file: Buffer, name: string) => t.http().post('/api/v1/measures/values/upload').set(bearer(user)).attach('file', file, name);
    const csv = (rows: string[]) => Buffer.from(['measure,period,value,national,comparator,commentary', ...rows].join('\r\n'));
    const bad = await upload(
      admin,
      csv([
        'Children subject to a plan,2026-10,129,,,',
        '"Re-referrals within 12 months",2026/27 Q4,140,,,"Too high, surely"',
        'Children subject to a plan,2026-11,126,,,',
      ]),
      'values.csv',
    ).expect(400);
    expect(bad.body.error.message).toMatch(/^Line 3: A percentage is between 0 and 100, not 140\. Nothing in the file was stored\./);
    expect((await upload(admin, csv(['No such measure,2026/27 Q3,1,,,']), 'values.csv').expect(400)).body.error.message).toMatch(
      /Line 2: there is no measure called/,
    );
    expect((await upload(admin, Buffer.from('name,when\nx,y'), 'values.csv').expect(400)).body.error.message).toMatch(/Line 1 must name the columns/);
    await upload(viewer, csv(['Children subject to a plan,2026-10,129,,,']), 'values.csv').expect(403);
    const cp = () => get(viewer, `/api/v1/measures/${cpPlans}/values`).expect(200);
    expect((await cp()).body.map((v: Body) => v.period)).not.toContain('2026-10');

    const good = await upload(
      admin,
      csv(['Children subject to a plan,2026-10,129,126.5,131,"Step-down panel, weekly"', 'Children subject to a plan,2026-11,126,,,']),
      'values.csv',
    ).expect(201);
    expect(good.body).toEqual({ stored: 2 });
    expect((await cp()).body.filter((v: Body) => v.quarter === '2026/27 Q3')).toEqual([
      expect.objectContaining({ period: '2026-10', value: 129, national: 126.5, comparator: 131, commentary: 'Step-down panel, weekly' }),
      expect.objectContaining({ period: '2026-11', value: 126 }),
    ]);

    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Values');
    sheet.addRows([
      ['measure', 'period', 'value', 'reason'],
      ['Children subject to a plan', '2026-11', 127, 'Two children missed from the count'],
      ['Re-referrals within 12 months', '2026/27 Q3', 21.2, null],
    ]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const refused = await upload(admin, xlsx, 'values.xlsx').expect(400);
    expect(refused.body.error.message).toMatch(/^Line 3: Re-referrals within 12 months already has a value for 2026\/27 Q3/);
    expect((await cp()).body.find((v: Body) => v.period === '2026-11').value).toBe(126);
    sheet.getRow(3).getCell(4).value = 'Checked against the return';
    sheet.getRow(3).commit();
    await upload(admin, Buffer.from(await book.xlsx.writeBuffer()), 'values.xlsx').expect(201);
    expect((await cp()).body.find((v: Body) => v.period === '2026-11')).toMatchObject({ value: 127, supersededValue: 126 });
  });

  it('downloads the pack as a workbook', async () => {
    const [review] = (await get(viewer, `/api/v1/reviews?planId=${planId}`).expect(200)).body.filter((r: Body) => r.status === 'signed');
    const response = await get(viewer, `/api/v1/reviews/${review.id}/pack.xlsx`).buffer(true).parse(asBytes).expect(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Summary', 'Measures', 'Overdue actions', 'Judgements', 'Follow-ups']);
    const measures = book.getWorksheet('Measures')!;
    expect(measures.getRow(3).getCell(1).value).toBe('Re-referrals within 12 months');
    // As signed: 22.6, not the later correction.
    expect(measures.getRow(3).getCell(4).value).toBe(22.6);
    expect(book.getWorksheet('Judgements')!.getRow(2).getCell(2).value).toBe('Reasonable progress');
  });

  it('drafts the paper for scrutiny from a signed review only, as a Word document', async () => {
    const reviews = (await get(viewer, `/api/v1/reviews?planId=${planId}`).expect(200)).body;
    const draft = reviews.find((r: Body) => r.status === 'draft');
    const signed = reviews.find((r: Body) => r.status === 'signed');
    const refused = await get(viewer, `/api/v1/reviews/${draft.id}/paper.docx`).expect(409);
    expect(refused.body.error.message).toMatch(/sign the 2026\/27 Q3 review off first/);
    const response = await get(viewer, `/api/v1/reviews/${signed.id}/paper.docx`).buffer(true).parse(asBytes).expect(200);
    expect(response.headers['content-disposition']).toMatch(/scrutiny-paper-2026-27-Q2\.docx/);
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(response.body)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Headline performance trends');
    // As signed: 22.6, not the correction to 23.9 made afterwards.
    expect(text).toContain('Re-referrals within 12 months: 22.6% in 2026/27 Q2, from 24.5% in 2026/27 Q1; just outside its target (at most 22%)');
    // Dates as a council paper writes them, never 2026-11-23.
    expect(text).toContain('drafted from the quarterly review signed off on 23 November 2026.');
    expect(text).toContain('at the end of 2026/27 Q2 (1 July 2026 to 30 September 2026)');
    expect(text).toContain('Asked for at the review: Audit repeat plans, by 29 January 2027');
  });
});
