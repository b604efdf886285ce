import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { Role } from '@app/core/request-context';
import { newId } from '@app/core/ids';
import { ImportProgress } from '@app/core/imports/import-progress';
import { Notification, Reminder } from '@app/reminders';
import { bearer, newAuthority, newUser, TEST_PASSWORD, TestApp, TestUser } from '../support';

export const ROLES: Role[] = ['admin', 'board_chair', 'board_member', 'manager', 'commissioner', 'viewer'];
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface Versioned {
  id: string;
  version: number;
}

/** One council with one of everything, made by its own people through the API. */
export interface Council {
  name: string;
  authorityId: string;
  people: Record<Role, TestUser>;
  /** A viewer who owns `action`: the owner's own routes (notifications, evidence) have real rows. */
  owner: TestUser;
  organisationId: string;
  boardId: string;
  /** A document whose findings no action answers yet, so every review route could really change them. */
  reviewDocumentId: string;
  findingIds: string[];
  activePlan: Versioned;
  draftPlan: Versioned;
  closedPlan: Versioned;
  /** In the active plan, in progress, owned by `owner`, with a note, a milestone and evidence. */
  action: Versioned;
  draftAction: Versioned;
  milestoneId: string;
  evidenceFileId: string;
  /** The first is linked to `action`, the second is not. */
  measureIds: [string, string];
  /** A draft quarterly review of the active plan, the first measure with a value. */
  reviewId: string;
  /** An earlier quarter's review of the active plan, signed off. */
  signedReviewId: string;
  tokenId: string;
  /** Pending, to a person of yet another council. */
  invitationId: string;
  notificationId: string;
  failedReminderId: string;
  /** A planned meeting of the board about the active plan, with one free agenda item. */
  meetingId: string;
  agendaItemId: string;
  /** A report import the admin has under way, whose progress only they are told. */
  importProgressId: string;
}

export async function newCouncil(t: TestApp, name: string): Promise<Council> {
  const authorityId = (await newAuthority(t, name)).id;
  const people = {} as Record<Role, TestUser>;
  for (const role of ROLES) people[role] = await newUser(t, authorityId, [role]);
  const owner = await newUser(t, authorityId, ['viewer'], { managerId: people.manager.id });
  const as = (user: TestUser) => ({
    post: (url: string, body: object = {}) =>
      t
        .http()
        .post(url)
        .set(bearer(user))
        .send(body)
        .expect((r) => expectOk(r, url)),
    patch: (url: string, body: object) =>
      t
        .http()
        .patch(url)
        .set(bearer(user))
        .send(body)
        .expect((r) => expectOk(r, url)),
    put: (url: string, body: object = {}) =>
      t
        .http()
        .put(url)
        .set(bearer(user))
        .send(body)
        .expect((r) => expectOk(r, url)),
    get: (url: string) =>
      t
        .http()
        .get(url)
        .set(bearer(user))
        .expect((r) => expectOk(r, url)),
  });
  const { admin, board_chair: chair, manager } = { admin: as(people.admin), board_chair: as(people.board_chair), manager: as(people.manager) };

  const organisationId = (await admin.post('/api/v1/organisations', { name: `${name} NHS Trust`, kind: 'nhs' })).body.id;
  const boardId = (
    await admin.post('/api/v1/boards', { name: `${name} Improvement Board`, chairId: people.board_chair.id, memberIds: [people.board_member.id] })
  ).body.id;
  const finding = (text: string, timescale: string) => ({ section: 'Areas for improvement', timescale, text: `${name}: ${text}` });
  const report = (title: string, findings: object[]) =>
    manager.post('/api/v1/documents', { title: `${name} ${title}`, kind: 'inspection_report', inspectorates: ['Ofsted'], publishedOn: '2026-06-01', findings });
  const planDocument = (await report('inspection report', [finding('record strategy discussions', 'immediately'), finding('audit case files', 'three_months')]))
    .body;
  const reviewDocument = (
    await report('annual letter', [
      finding('review foster placements', 'six_months'),
      finding('train new staff', 'unspecified'),
      finding('check supervision', 'six_months'),
    ])
  ).body;

  const activePlanId = (await manager.post('/api/v1/plans', { title: `${name} improvement plan`, boardId, documentIds: [planDocument.id] })).body.id;
  const actions = (await manager.get(`/api/v1/actions?planId=${activePlanId}`)).body.items as Versioned[];
  const owned = (await manager.patch(`/api/v1/actions/${actions[0].id}`, { version: actions[0].version, ownerId: owner.id, organisationId })).body as Versioned;
  await chair.post(`/api/v1/plans/${activePlanId}/activate`, { version: 1 });
  const actionId = actions[0].id;
  const byOwner = as(owner);
  await byOwner.post(`/api/v1/actions/${actionId}/notes`, { body: `${name}: first progress note` });
  const milestoneId = (await byOwner.post(`/api/v1/actions/${actionId}/milestones`, { title: `${name} milestone`, dueDate: '2026-12-01' })).body.id;
  const evidenceFileId = (
    await t.http().post(`/api/v1/actions/${actionId}/evidence`).set(bearer(owner)).field('title', `${name} audit`).attach('file', PDF, 'audit.pdf').expect(201)
  ).body.id;
  await byOwner.post(`/api/v1/actions/${actionId}/evidence/link`, { title: `${name} minutes`, url: 'https://intranet.example.gov.uk/minutes' });
  await byOwner.post(`/api/v1/actions/${actionId}/evidence/note`, { title: `${name} checked`, note: 'Ten files checked' });
  const measure = async (n: string) =>
    (await manager.post('/api/v1/measures', { name: `${name} ${n}`, unit: 'percent', polarity: 'higher', target: 90 })).body.id as string;
  const measureIds: [string, string] = [await measure('assessments in time'), await measure('repeat plans')];
  await manager.put(`/api/v1/actions/${actionId}/measures/${measureIds[0]}`);
  await byOwner.post(`/api/v1/actions/${actionId}/status`, { version: owned.version, status: 'in_progress' });
  await manager.post(`/api/v1/measures/${measureIds[0]}/values`, { period: '2026/27 Q2', value: 81 });
  const reviewId = (await as(people.commissioner).post(`/api/v1/plans/${activePlanId}/reviews`, { quarter: '2026/27 Q2' })).body.id as string;
  const signedReviewId = (await as(people.commissioner).post(`/api/v1/plans/${activePlanId}/reviews`, { quarter: '2026/27 Q1' })).body.id as string;
  await as(people.commissioner).post(`/api/v1/reviews/${signedReviewId}/sign-off`);

  const draftPlanId = (await manager.post('/api/v1/plans', { title: `${name} draft plan`, boardId, startDate: '2026-12-01' })).body.id;
  const draftAction = (await manager.post(`/api/v1/plans/${draftPlanId}/actions`, { title: `${name} draft action`, timescale: 'three_months' })).body;
  const closedPlanId = (await manager.post('/api/v1/plans', { title: `${name} last year's plan`, boardId, startDate: '2025-12-01' })).body.id;
  await manager.post(`/api/v1/plans/${closedPlanId}/actions`, { title: `${name} unfinished action` });
  await chair.post(`/api/v1/plans/${closedPlanId}/activate`, { version: 1 });
  await chair.post(`/api/v1/plans/${closedPlanId}/close`, { version: 2 });

  const meetingId = (await chair.post(`/api/v1/boards/${boardId}/meetings`, { date: '2026-12-08', planId: activePlanId })).body.id;
  const agendaItemId = (await chair.post(`/api/v1/meetings/${meetingId}/agenda/items`, { title: `${name} any other business` })).body.id;

  const tokenId = (await admin.post('/api/v1/auth/tokens', { name: `${name} export script` })).body.id;
  const stranger = await newUser(t, (await newAuthority(t)).id, ['viewer']);
  const invitationId = (await admin.post('/api/v1/users', { email: stranger.email, displayName: 'Invited', password: TEST_PASSWORD, roles: ['viewer'] })).body
    .invitationId;
  await byOwner.post('/api/v1/me/calendar-feed');
  await byOwner.patch('/api/v1/me/notification-settings', { digestOnly: false });

  const current = async (url: string) => (await manager.get(url)).body as Versioned;
  return {
    name,
    authorityId,
    people,
    owner,
    organisationId,
    boardId,
    reviewDocumentId: reviewDocument.id,
    findingIds: reviewDocument.findings.map((f: { id: string }) => f.id),
    activePlan: await current(`/api/v1/plans/${activePlanId}`),
    draftPlan: await current(`/api/v1/plans/${draftPlanId}`),
    closedPlan: await current(`/api/v1/plans/${closedPlanId}`),
    action: await current(`/api/v1/actions/${actionId}`),
    draftAction,
    milestoneId,
    evidenceFileId,
    measureIds,
    reviewId,
    signedReviewId,
    tokenId,
    invitationId,
    notificationId: '',
    failedReminderId: '',
    meetingId,
    agendaItemId,
    importProgressId: await importUnderWay(t, people.admin, authorityId),
  };
}

async function importUnderWay(t: TestApp, admin: TestUser, authorityId: string): Promise<string> {
  const id = newId();
  await t.app.get(ImportProgress).start({ userId: admin.id, authorityId, roles: ['admin'] }, id, 'pages');
  return id;
}

/**
 * After delivery (RemindersService.runDue): an in-app notification for the owner, and one of the council's
 * reminders marked failed. No route makes either, so they are written here as the delivery would.
 */
export async function addDeliveryRows(t: TestApp, council: Council): Promise<void> {
  const db = t.get(DataSource);
  council.notificationId = newId();
  await db.manager.insert(Notification, {
    id: council.notificationId,
    authorityId: council.authorityId,
    userId: council.owner.id,
    reminderId: null,
    actionId: council.action.id,
    kind: 'overdue',
    title: `${council.name}: A1 is overdue`,
    body: 'Please update it.',
    link: '',
    createdAt: t.clock.nowIso(),
    readAt: null,
  });
  const sent = await db.manager.findOneByOrFail(Reminder, { authorityId: council.authorityId, state: 'sent' });
  await db.manager.update(Reminder, { id: sent.id }, { state: 'failed', lastError: 'mailbox full' });
  council.failedReminderId = sent.id;
}

function expectOk(response: { status: number; text: string }, url: string) {
  if (response.status >= 300) throw new Error(`setting up ${url}: ${response.status} ${response.text}`);
}

/**
 * Every row of every table, and the evidence files on disk, except the refusals the guard audits:
 * two equal snapshots mean nothing was created, changed or removed.
 */
export async function snapshot(t: TestApp): Promise<Record<string, string[]>> {
  const db = t.get(DataSource);
  const tables: Record<string, string[]> = {};
  for (const meta of db.entityMetadatas) {
    const rows: Record<string, unknown>[] = await db.query(`SELECT * FROM "${meta.tableName}"`);
    tables[meta.tableName] = rows
      .filter((r) => !(meta.tableName === 'audit_event' && String(r.event).startsWith('access_refused_')))
      .map((r) => JSON.stringify(r))
      .sort();
  }
  tables['evidence files'] = listFiles(path.join(t.config.dataDir, 'evidence'));
  return tables;
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/** What would give away A's data if it appeared in B's answers: every id of A's rows, and its people's names and emails. */
export async function secretsOf(t: TestApp, council: Council): Promise<string[]> {
  const db = t.get(DataSource);
  const secrets = new Set<string>([council.name, council.authorityId]);
  for (const meta of db.entityMetadatas) {
    if (!meta.columns.some((c) => c.propertyName === 'authorityId') || !meta.columns.some((c) => c.propertyName === 'id')) continue;
    const rows = await db
      .createQueryBuilder()
      .select('t.id', 'id')
      .from(meta.tableName, 't')
      .where('t.authorityId = :authorityId', { authorityId: council.authorityId })
      .getRawMany<{ id: string }>();
    for (const r of rows) secrets.add(String(r.id));
  }
  for (const person of [...Object.values(council.people), council.owner]) secrets.add(person.email).add(person.displayName);
  return [...secrets];
}
