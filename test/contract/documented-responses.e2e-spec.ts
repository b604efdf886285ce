import { DataSource } from 'typeorm';
import { OVERALL_AREA, ROLES } from '@app/domain';
import { Notification, Reminder } from '@app/reminders';
import { apiDocument } from '../../apps/api/src/api-docs';
import { bearer, createTestApp, DB_KINDS, newAuthority, newUser, SAMPLE_REPORT, TEST_PASSWORD, TestApp, TestUser } from '../support';
import { OpenApiDocument, ResponseValidator } from './openapi-validator';

/**
 * The OpenAPI document's promises about 2xx bodies, kept: a council is set up through the API, each documented
 * route is called on its happy path, and every answer is checked against the document strictly (refs resolved, no
 * field the document does not describe, every required field there). A JSON answer without a schema fails, and an
 * operation of the document this test neither calls nor lists in NOT_CALLED (with the reason) fails, so a new route
 * is noticed.
 */
const NOT_CALLED: Record<string, string> = {
  'GET /api/v1/imports/{id}/progress': 'follows an upload the web form names (the JSON API has no way to start one with an id)',
};

/**
 * Operations called here whose schemas are known not to match their bodies yet, with what is wrong. They are checked
 * all the same: the test fails once one matches, so that it leaves this list and is held to its schema from then on.
 */
const KNOWN_MISMATCHES: Record<string, string> = {};

// Two databases, one council each: about ten seconds apiece.
jest.setTimeout(120_000);

describe.each(DB_KINDS)('the documented 2xx responses (%s)', (kind) => {
  let t: TestApp;
  let validator: ResponseValidator;
  let admin: TestUser;
  const called = new Map<string, number[]>();
  const problems = new Map<string, string[]>();

  beforeAll(async () => {
    t = await createTestApp(kind);
    validator = new ResponseValidator(apiDocument(t.app) as unknown as OpenApiDocument);
    admin = await newUser(t, (await newAuthority(t, 'Contractshire')).id, [...ROLES]);
  });
  afterAll(() => t.close());

  type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
  type Request = ReturnType<ReturnType<TestApp['http']>['get']>;

  /** Calls the operation `template` names with `params` filled in, as `as` (bearer token) unless anonymous; checks the answer. */
  async function call(operation: string, params: Record<string, string> = {}, build: (r: Request) => Request = (r) => r, as: TestUser | null = admin) {
    const [method, template] = operation.split(' ');
    const url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? `<${name}?>`));
    let request = t.http()[method.toLowerCase() as Method](url);
    if (as) request = request.set(bearer(as));
    const res = await build(request);
    if (res.status < 200 || res.status >= 300) throw new Error(`${operation} answered ${res.status}: ${res.text}`);
    called.set(operation, [...(called.get(operation) ?? []), res.status]);
    const body = res.headers['content-type']?.startsWith('application/json') ? res.body : undefined;
    const found = validator.problems(operation, res.status, res.headers['content-type'], body);
    problems.set(operation, [...(problems.get(operation) ?? []), ...found]);
    return res;
  }

  it('sets up a council through the API, calling each documented route, and every answer matches its schema', async () => {
    await call('GET /health', {}, (r) => r, null);

    // Signing in, tokens, a password change and signing out (the last two by someone else, so admin's token lives).
    await call('POST /api/v1/auth/sign-in', {}, (r) => r.send({ email: admin.email, password: TEST_PASSWORD }), null);
    await call('GET /api/v1/auth/me');
    const token = await call('POST /api/v1/auth/tokens', {}, (r) => r.send({ name: 'contract test' }));
    await call('GET /api/v1/auth/tokens');
    await call('DELETE /api/v1/auth/tokens/{id}', { id: token.body.id });
    const leaver = await newUser(t, admin.authorityId, ['viewer']);
    await call('POST /api/v1/auth/password', {}, (r) => r.send({ currentPassword: TEST_PASSWORD, newPassword: 'a different long passphrase 42' }), leaver);
    await call('POST /api/v1/auth/sign-out', {}, (r) => r, leaver);

    // People: a new account (201), an existing account invited (202), organisations.
    const organisation = await call('POST /api/v1/organisations', {}, (r) => r.send({ name: 'Contract NHS Trust', kind: 'nhs' }));
    await call('GET /api/v1/organisations');
    const person = await call('POST /api/v1/users', {}, (r) =>
      r.send({ email: 'pat.owner@contract.example', displayName: 'Pat Owner', password: 'a long enough password 7', roles: ['manager'], managerId: admin.id }),
    );
    await call('GET /api/v1/users');
    await call('GET /api/v1/users/{id}', { id: person.body.id });
    await call('PATCH /api/v1/users/{id}', { id: person.body.id }, (r) => r.send({ displayName: 'Pat Owner-Lee', organisationId: organisation.body.id }));
    const elsewhere = await newAuthority(t, 'Elsewhere');
    const invitee = await newUser(t, elsewhere.id, ['viewer']);
    const withdrawn = await newUser(t, elsewhere.id, ['viewer']);
    const invited = await call('POST /api/v1/users', {}, (r) =>
      r.send({ email: invitee.email, displayName: 'Invited', password: 'unused but long enough', roles: ['viewer'] }),
    );
    const toWithdraw = await call('POST /api/v1/users', {}, (r) =>
      r.send({ email: withdrawn.email, displayName: 'Withdrawn', password: 'unused but long enough', roles: ['viewer'] }),
    );
    expect([invited.status, toWithdraw.status]).toEqual([202, 202]);
    await call('GET /api/v1/invitations');
    await call('DELETE /api/v1/invitations/{id}', { id: toWithdraw.body.invitationId });
    await call('GET /api/v1/me/invitations', {}, (r) => r, invitee);
    await call('POST /api/v1/me/invitations/{id}/accept', { id: invited.body.invitationId }, (r) => r, invitee);
    const spare = await call('POST /api/v1/users', {}, (r) =>
      r.send({ email: 'spare@contract.example', displayName: 'Spare', password: 'a long enough password 8', roles: ['viewer'] }),
    );
    await call('DELETE /api/v1/users/{id}', { id: spare.body.id });

    // A board.
    const board = await call('POST /api/v1/boards', {}, (r) => r.send({ name: 'Improvement Board', chairId: admin.id }));
    await call('GET /api/v1/boards');
    await call('GET /api/v1/boards/{id}', { id: board.body.id });
    await call('POST /api/v1/boards/{id}/members', { id: board.body.id }, (r) => r.send({ userId: person.body.id }));

    // Documents: a report read (dry run), stored, stored again (200); one given as JSON, its findings reviewed.
    const report = Buffer.from(SAMPLE_REPORT);
    const paperText = Buffer.from(`${SAMPLE_REPORT}\n\nRe-referrals within 12 months were 24% in March 2015, against a target of 22%.\n`);
    const read = await call('POST /api/v1/documents/import', {}, (r) => r.field('dryRun', 'true').attach('file', paperText, 'paper.txt'));
    expect(read.body.measures.length).toBeGreaterThan(0);
    const imported = await call('POST /api/v1/documents/import', {}, (r) => r.attach('file', report, 'report.txt'));
    const again = await call('POST /api/v1/documents/import', {}, (r) => r.attach('file', report, 'report.txt'));
    expect([imported.status, again.status]).toEqual([201, 200]);
    const finding = (text: string) => ({ section: 'Areas for improvement', timescale: 'three_months', text });
    const paper = await call('POST /api/v1/documents', {}, (r) =>
      r.send({
        title: 'Monitoring visit letter',
        kind: 'monitoring_visit',
        inspectorates: ['Ofsted'],
        publishedOn: '2026-10-01',
        judgements: [{ area: 'Overall effectiveness', grade: 3, label: 'Requires improvement', scale: 'ofsted_1_outstanding' }],
        findings: [finding('Supervision is regular.'), finding('Plans are clear.'), finding('Visits are timely.')],
      }),
    );
    await call('GET /api/v1/documents');
    await call('GET /api/v1/documents/{id}', { id: paper.body.id });
    const [first, second, third] = paper.body.findings.map((f: { id: string }) => f.id);
    const ids = { id: paper.body.id };
    await call('PATCH /api/v1/documents/{id}/findings/{findingId}', { ...ids, findingId: first }, (r) => r.send({ ownerOrg: 'Contract NHS Trust' }));
    await call('POST /api/v1/documents/{id}/findings/merge', ids, (r) => r.send({ findingIds: [first, second] }));
    await call('POST /api/v1/documents/{id}/findings/{findingId}/split', { ...ids, findingId: third }, (r) =>
      r.send({ parts: ['Visits happen.', 'They are on time.'] }),
    );
    const added = await call('POST /api/v1/documents/{id}/findings', ids, (r) => r.send(finding('Records are complete.')));
    await call('DELETE /api/v1/documents/{id}/findings/{findingId}', { ...ids, findingId: added.body.id });

    // Plans: one from the imported report (its findings become actions), a second to carry over into.
    const plan = await call('POST /api/v1/plans', {}, (r) =>
      r.send({ title: 'Improvement plan', boardId: board.body.id, documentIds: [imported.body.id], startDate: '2026-12-01' }),
    );
    await call('GET /api/v1/plans');
    await call('GET /api/v1/plans/{id}', { id: plan.body.id });
    const edited = await call('PATCH /api/v1/plans/{id}', { id: plan.body.id }, (r) =>
      r.send({ version: plan.body.version, title: 'Improvement plan 2026-27' }),
    );
    await call('POST /api/v1/plans/{id}/actions-from-findings', { id: plan.body.id });
    await call('GET /api/v1/plans/{id}/dashboard', { id: plan.body.id });
    await call('GET /api/v1/plans/{id}/reminder-rules', { id: plan.body.id });
    await call('PUT /api/v1/plans/{id}/reminder-rules', { id: plan.body.id }, (r) => r.send({ sendTime: '09:00', beforeDays: [7, 1] }));

    // Actions on the plan.
    const planId = { planId: plan.body.id };
    const action = await call('POST /api/v1/plans/{planId}/actions', planId, (r) =>
      r.send({ title: 'Audit supervision records', ownerId: person.body.id, dueDate: '2027-01-29', findingIds: [first] }),
    );
    const one = { id: action.body.id };
    await call('GET /api/v1/actions', {}, (r) => r.query({ planId: plan.body.id, pageSize: 5 }));
    await call('GET /api/v1/me/actions');
    const updated = await call('PATCH /api/v1/actions/{id}', one, (r) => r.send({ version: action.body.version, atRisk: true }));
    const started = await call('POST /api/v1/actions/{id}/status', one, (r) => r.send({ version: updated.body.version, status: 'in_progress' }));
    await call('POST /api/v1/actions/{id}/notes', one, (r) => r.send({ body: 'Half the teams audited.' }));
    const milestone = await call('POST /api/v1/actions/{id}/milestones', one, (r) => r.send({ title: 'First teams', dueDate: '2027-01-08' }));
    await call('PATCH /api/v1/actions/{id}/milestones/{milestoneId}', { ...one, milestoneId: milestone.body.id }, (r) => r.send({ done: true }));
    const file = await call('POST /api/v1/actions/{id}/evidence', one, (r) =>
      r.field('title', 'Audit sheet').attach('file', Buffer.from('team,audited\nA,yes\n'), 'audit.csv'),
    );
    await call('GET /api/v1/actions/{id}/evidence/{evidenceId}/file', { ...one, evidenceId: file.body.id });
    await call('POST /api/v1/actions/{id}/evidence/link', one, (r) => r.send({ title: 'Audit report', url: 'https://example.org/audit' }));
    await call('POST /api/v1/actions/{id}/evidence/note', one, (r) => r.send({ title: 'Seen', note: 'Checked at the board.' }));

    // Measures, linked to the action, with values.
    const measure = await call('POST /api/v1/measures', {}, (r) => r.send({ name: 'Re-referrals', unit: 'percent', polarity: 'lower', target: 22 }));
    await call('PUT /api/v1/actions/{id}/measures/{measureId}', { ...one, measureId: measure.body.id });
    const other = await call('POST /api/v1/measures', {}, (r) => r.send({ name: 'Visits on time', unit: 'percent', polarity: 'higher', target: 90 }));
    await call('PUT /api/v1/actions/{id}/measures/{measureId}', { ...one, measureId: other.body.id });
    await call('DELETE /api/v1/actions/{id}/measures/{measureId}', { ...one, measureId: other.body.id });
    await call('POST /api/v1/measures/{id}/values', { id: measure.body.id }, (r) => r.send({ period: '2026/27 Q2', value: 24.5, national: 22.7 }));
    await call('POST /api/v1/measures/values/upload', {}, (r) =>
      r.attach('file', Buffer.from('measure,period,value\nRe-referrals,2026/27 Q1,25\n'), 'values.csv'),
    );
    await call('GET /api/v1/measures/{id}/values', { id: measure.body.id }, (r) => r.query({ history: 'true' }));
    await call('PATCH /api/v1/measures/{id}', { id: measure.body.id }, (r) => r.send({ ownerId: person.body.id }));
    await call('GET /api/v1/measures');
    await call('POST /api/v1/measures/import-from-report', {}, (r) => r.field('dryRun', 'true').attach('file', paperText, 'paper.txt'));

    await call('GET /api/v1/actions/{id}', one);
    await call('GET /api/v1/actions/{id}/timeline', one);

    // The plan goes live (reminders are scheduled), the action is completed and verified, the plan closed and carried over.
    const active = await call('POST /api/v1/plans/{id}/activate', { id: plan.body.id }, (r) => r.send({ version: edited.body.version + 0 }));

    // A board meeting about the plan (last Tuesday: it can be marked held): planned, moved, attended, its agenda drafted and edited, a decision, held, minuted.
    const boardId = { boardId: board.body.id };
    const meeting = await call('POST /api/v1/boards/{boardId}/meetings', boardId, (r) =>
      r.send({ date: '2026-11-17', planId: plan.body.id, place: 'Committee Room 1' }),
    );
    const meetingId = { id: meeting.body.id };
    await call('GET /api/v1/boards/{boardId}/meetings', boardId);
    await call('PATCH /api/v1/meetings/{id}', meetingId, (r) => r.send({ startTime: '14:00' }));
    await call('PUT /api/v1/meetings/{id}/attendance', meetingId, (r) =>
      r.send({
        attendees: [
          { userId: admin.id, attendance: 'present' },
          { guestName: 'Dr Guest', attendance: 'present' },
        ],
      }),
    );
    await call('POST /api/v1/meetings/{id}/agenda/draft', meetingId);
    const item = await call('POST /api/v1/meetings/{id}/agenda/items', meetingId, (r) => r.send({ title: 'Any other business' }));
    await call('PATCH /api/v1/meetings/{id}/agenda/items/{itemId}', { ...meetingId, itemId: item.body.id }, (r) => r.send({ minutesAllotted: 5 }));
    await call('DELETE /api/v1/meetings/{id}/agenda/items/{itemId}', { ...meetingId, itemId: item.body.id });
    await call('POST /api/v1/meetings/{id}/decisions', meetingId, (r) => r.send({ actionId: action.body.id, kind: 'note', comment: 'Good progress' }));
    await call('GET /api/v1/meetings/{id}', meetingId);
    await call('GET /api/v1/meetings/{id}/pack.xlsx', meetingId);
    await call('GET /api/v1/meetings/{id}/invitation.ics', meetingId);
    await call('POST /api/v1/meetings/{id}/held', meetingId);
    await call('PUT /api/v1/meetings/{id}/minutes', meetingId, (r) => r.send({ narrative: 'The board noted progress.' }));
    await call('POST /api/v1/meetings/{id}/minutes/approve', meetingId);
    const cancelled = await call('POST /api/v1/boards/{boardId}/meetings', boardId, (r) => r.send({ date: '2027-01-12', planId: plan.body.id }));
    await call('POST /api/v1/meetings/{id}/cancel', { id: cancelled.body.id }, (r) => r.send({ reason: 'Not quorate' }));

    // A quarterly review of the plan: judged, a follow-up added, signed off, its pack and paper.
    const review = await call('POST /api/v1/plans/{planId}/reviews', planId, (r) => r.send({ quarter: '2026/27 Q3' }));
    const reviewId = { id: review.body.id };
    await call('GET /api/v1/reviews', {}, (r) => r.query({ planId: plan.body.id }));
    await call('POST /api/v1/reviews/{id}/judgements', reviewId, (r) =>
      r.send({ area: OVERALL_AREA, judgement: 'reasonable', comment: 'Steady progress on supervision.' }),
    );
    await call('POST /api/v1/reviews/{id}/follow-ups', reviewId, (r) =>
      r.send({ title: 'Audit again in spring', ownerId: person.body.id, dueDate: '2027-03-31' }),
    );
    await call('GET /api/v1/reviews/{id}/pack.xlsx', reviewId);
    await call('POST /api/v1/reviews/{id}/sign-off', reviewId);
    await call('GET /api/v1/reviews/{id}', reviewId);
    await call('GET /api/v1/reviews/{id}/paper.docx', reviewId);

    const completed = await call('POST /api/v1/actions/{id}/status', one, (r) => r.send({ version: started.body.version, status: 'completed' }));
    await call('POST /api/v1/actions/{id}/verify', one, (r) => r.send({ version: completed.body.version, comment: 'Evidence accepted' }));
    const successor = await call('POST /api/v1/plans', {}, (r) => r.send({ title: 'Next plan', boardId: board.body.id, startDate: '2027-04-01' }));
    await call('POST /api/v1/plans/{id}/close', { id: plan.body.id }, (r) => r.send({ version: active.body.version }));
    await call('POST /api/v1/plans/{id}/carry-over', { id: plan.body.id }, (r) => r.send({ toPlanId: successor.body.id }));
    // The successor, once active, is closed by its board at a meeting.
    const next = await call('GET /api/v1/plans/{id}', { id: successor.body.id });
    await call('POST /api/v1/plans/{id}/activate', { id: successor.body.id }, (r) => r.send({ version: next.body.version }));
    const closing = await call('POST /api/v1/boards/{boardId}/meetings', boardId, (r) => r.send({ date: '2026-12-15', planId: successor.body.id }));
    await call('POST /api/v1/meetings/{id}/close-plan', { id: closing.body.id }, (r) => r.send({ title: 'Plan for 2027-28', comment: 'Closed by the board' }));

    // Trackers: a CSV read, then brought in as a plan.
    const tracker = Buffer.from(
      `Ref,Recommendation,Action,Lead officer,Target date,RAG\n1.1,Improve supervision,Audit records,${admin.displayName},31/03/2027,Green\n`,
    );
    await call('POST /api/v1/trackers/preview', {}, (r) => r.attach('file', tracker, 'tracker.csv'));
    await call('POST /api/v1/trackers/import', {}, (r) => r.field('boardId', board.body.id).attach('file', tracker, 'tracker.csv'));

    // Notifications and reminders. The worker makes these; the test puts one of each in place.
    const manager = t.get(DataSource).manager;
    const reminders = await manager.findBy(Reminder, { authorityId: admin.authorityId });
    expect(reminders.length).toBeGreaterThan(0);
    await manager.update(Reminder, { id: reminders[0].id }, { state: 'failed', lastError: 'SMTP refused the address' });
    await manager.insert(Notification, {
      id: '6a1f9d5e-0000-4000-8000-000000000001',
      authorityId: admin.authorityId,
      userId: admin.id,
      reminderId: null,
      actionId: action.body.id,
      kind: 'overdue',
      title: 'An action is overdue',
      body: 'Audit supervision records was due yesterday.',
      link: `/actions/${action.body.id}`,
      createdAt: '2026-11-23T08:00:00.000Z',
      readAt: null,
    });
    await call('GET /api/v1/me/notifications');
    await call('POST /api/v1/me/notifications/{id}/read', { id: '6a1f9d5e-0000-4000-8000-000000000001' });
    await call('POST /api/v1/me/notifications/read-all');
    await call('GET /api/v1/me/notification-settings');
    await call('PATCH /api/v1/me/notification-settings', {}, (r) =>
      r.send({ email: { digest: false }, onLeave: true, leaveUntil: '2026-12-24', delegateId: person.body.id }),
    );
    const feed = await call('POST /api/v1/me/calendar-feed');
    await call('GET /calendar/{token}.ics', { token: feed.body.token }, (r) => r, null);
    await call('DELETE /api/v1/me/calendar-feed');
    await call('GET /api/v1/admin/outbox');
    await call('GET /api/v1/admin/queue');
    await call('GET /api/v1/admin/reminders', {}, (r) => r.query({ states: 'failed,pending' }));
    await call('POST /api/v1/admin/reminders/{id}/retry', { id: reminders[0].id });

    expect([...problems].filter(([op]) => !KNOWN_MISMATCHES[op]).flatMap(([, found]) => found)).toEqual([]);
    const nowMatching = Object.keys(KNOWN_MISMATCHES).filter((op) => called.has(op) && !problems.get(op)?.length);
    expect({ nowMatching, notCalled: Object.keys(KNOWN_MISMATCHES).filter((op) => !called.has(op)) }).toEqual({ nowMatching: [], notCalled: [] });
  });

  it('holds a body to its schema: an undocumented field, a missing required one, a JSON answer without a schema all fail', () => {
    const board = { id: admin.id, authorityId: admin.authorityId, name: 'B', chairId: null, createdAt: '2026-11-23T09:00:00.000Z', memberIds: [] };
    expect(validator.problems('GET /api/v1/boards/{id}', 200, 'application/json', board)).toEqual([]);
    expect(validator.problems('GET /api/v1/boards/{id}', 200, 'application/json', { ...board, secret: 1 })).toEqual([expect.stringContaining('secret')]);
    const { name: _name, ...nameless } = board;
    expect(validator.problems('GET /api/v1/boards/{id}', 200, 'application/json', nameless)).toEqual([expect.stringContaining('name')]);
    expect(validator.problems('GET /api/v1/boards/{id}', 200, 'application/json', { ...board, chairId: 'not an id' })).not.toEqual([]);
    expect(validator.problems('GET /api/v1/boards/{id}', 201, 'application/json', board)).toEqual([expect.stringContaining('does not list')]);
    const bare = new ResponseValidator({
      paths: { '/api/v1/things': { get: { responses: { 200: { description: 'Things' } } } } },
    } as unknown as OpenApiDocument);
    expect(bare.problems('GET /api/v1/things', 200, 'application/json', [])).toEqual([expect.stringContaining('no schema')]);
  });

  it('calls every operation of the document, or says why not', () => {
    const operations = validator.operations();
    const unaccounted = operations.filter((op) => !called.has(op) && !NOT_CALLED[op]);
    expect(unaccounted).toEqual([]);
    expect(Object.keys(NOT_CALLED).filter((op) => called.has(op))).toEqual([]);
  });
});
