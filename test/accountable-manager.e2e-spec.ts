import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { addDays } from '@app/domain';
import { Notification, RemindersService } from '@app/reminders';
import { asBytes, bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, sessionCookie, TestApp, TestUser } from './support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

// An action that names no manager answers to its owner's line manager (README: "managerId is the accountable
// manager"). The policy, the list's filter and the escalations must all agree on who that is.
describe.each(DB_KINDS)("the owner's line manager answers for an action that names no manager (%s)", (kind) => {
  let t: TestApp;
  let admin: TestUser, lineManager: TestUser, unrelated: TestUser, owner: TestUser;
  let planId: string;
  let actionId: string;
  let dueDate: string;

  const current = async () => (await t.http().get(`/api/v1/actions/${actionId}`).set(bearer(admin)).expect(200)).body;
  /** Sets (or with null clears) the RAG override as `user`, on the version read now; expects `status`. */
  const setRag = async (user: TestUser, status: number, ragOverride: string | null, ragOverrideReason?: string) => {
    const { version } = await current();
    return t.http().patch(`/api/v1/actions/${actionId}`).set(bearer(user)).send({ version, ragOverride, ragOverrideReason }).expect(status);
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authorityId = (await newAuthority(t, 'Northshire')).id;
    admin = await newUser(t, authorityId, ['admin', 'board_chair']);
    lineManager = await newUser(t, authorityId, ['manager']);
    unrelated = await newUser(t, authorityId, ['manager']);
    owner = await newUser(t, authorityId, ['viewer']);
    const board = await newBoard(t, admin);
    planId = (await t.http().post('/api/v1/plans').set(bearer(admin)).send({ title: 'Plan', boardId: board.id, startDate: '2026-12-01' }).expect(201)).body.id;
    // The owner has no line manager when the action is made, so it names no manager; they get one afterwards.
    const made = await t
      .http()
      .post(`/api/v1/plans/${planId}/actions`)
      .set(bearer(admin))
      .send({ title: 'Audit case files monthly', timescale: 'immediately', ownerId: owner.id })
      .expect(201);
    expect(made.body).toMatchObject({ ownerId: owner.id, managerId: null });
    ({ id: actionId, dueDate } = made.body);
    await t.http().patch(`/api/v1/users/${owner.id}`).set(bearer(admin)).send({ managerId: lineManager.id }).expect(200);
    await t.http().post(`/api/v1/plans/${planId}/activate`).set(bearer(admin)).send({ version: 1 }).expect(201);
  });
  afterAll(() => t.close());

  it('lets the line manager do what a manager may over the API, and refuses a manager who is not theirs', async () => {
    const refused = await setRag(unrelated, 403, 'red', 'Slipping');
    expect(refused.body.error.message).toContain("the owner's manager");
    // The owner may not warn about their own work: being the owner does not make them the manager.
    await setRag(owner, 403, 'red', 'Slipping');
    expect((await current()).rag.override).toBeNull();

    const set = await setRag(lineManager, 200, 'red', 'Audits not started');
    expect(set.body).toMatchObject({ managerId: null, rag: { override: 'red', overrideReason: 'Audits not started', effective: 'red' } });
    await setRag(unrelated, 403, null);
    await setRag(lineManager, 200, null);
    expect((await current()).rag.override).toBeNull();
  });

  it("offers the line manager the action page's RAG choices and saves them, and refuses the unrelated manager there too", async () => {
    const page = async (user: TestUser) => {
      const cookie = await sessionCookie(t, user.email);
      const shown = await t.http().get(`/actions/${actionId}`).set(HTML).set('Cookie', cookie).expect(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(shown.text)![1];
      const post = (form: Record<string, string>) =>
        t
          .http()
          .post(`/actions/${actionId}/rag`)
          .set(HTML)
          .set('Cookie', cookie)
          .type('form')
          .send({ _csrf: csrf, ...form });
      return { text: shown.text, post };
    };
    const theirs = await page(lineManager);
    expect(theirs.text).toMatch(/name="ragOverride"[^>]*value="red"/);
    // The page names the accountable manager as the action does not: the owner's line manager.
    expect(theirs.text).toMatch(new RegExp(`Accountable manager\\s*</dt>\\s*<dd[^>]*>\\s*${lineManager.displayName} \\(the owner&#39;s line manager\\)`));
    const other = await page(unrelated);
    expect(other.text).not.toContain('name="ragOverride"');

    const { version } = await current();
    const form = { version: String(version), ragOverride: 'amber', ragOverrideReason: 'Two audits late' };
    const refused = await other.post(form).expect(400);
    expect(refused.text).toContain('set an action&#39;s RAG rating to amber');
    expect((await current()).rag.override).toBeNull();
    await theirs.post(form).expect(303).expect('Location', `/actions/${actionId}?saved=rag`);
    expect((await current()).rag).toMatchObject({ override: 'amber', overrideReason: 'Two audits late' });
  });

  it('lists the action under the line manager in the managerId filter and its export, not under the unrelated manager', async () => {
    const ids = async (managerId: string) =>
      ((await t.http().get(`/api/v1/actions?managerId=${managerId}`).set(bearer(admin)).expect(200)).body.items as { id: string }[]).map((a) => a.id);
    expect(await ids(lineManager.id)).toEqual([actionId]);
    expect(await ids(unrelated.id)).toEqual([]);

    const file = await t.http().get(`/plans/${planId}/export?manager=${lineManager.id}`).set(bearer(admin)).buffer(true).parse(asBytes).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const [header, ...rows] = book.getWorksheet('Actions')!.getSheetValues().slice(1) as ExcelJS.CellValue[][];
    expect(rows.map((r) => r[header.indexOf('Accountable manager')])).toEqual([lineManager.displayName]);
  });

  it('escalates the overdue action to the line manager, and to nobody else as its manager', async () => {
    const started = t.clock.nowIso();
    try {
      // The default rules escalate to the manager 7 days after the due date.
      t.clock.set(`${addDays(dueDate, 8)}T12:00:00Z`);
      await t.get(RemindersService).runDue(t.clock.now());
    } finally {
      t.clock.set(started);
    }
    const told = await t.get(DataSource).manager.findBy(Notification, { actionId, kind: 'escalation_manager' });
    expect(told.map((n) => n.userId)).toEqual([lineManager.id]);
  });
});
