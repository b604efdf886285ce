import { Role } from '@app/core/request-context';
import { RemindersService } from '@app/reminders';
import { appRoutes, bearer, createTestApp, DB_KINDS, TEST_PASSWORD, TestApp, TestUser } from '../support';
import { addDeliveryRows, Council, newCouncil, PDF, ROLES, secretsOf, snapshot } from './cross-authority-world';

// One deployment serves many councils. Here council B's people, in every role, aim every route that
// takes an id at council A's real records (and B's own records at A's ids in the body): each answer
// must be a refusal that reveals nothing of A, and nothing anywhere may change.

type Body = Record<string, unknown>;

interface Case {
  /** The ids in the path, by parameter name. */
  ids: (a: Council, b: Council) => Record<string, string>;
  /** A body the route would accept from A's own people, so validation cannot hide the tenancy check. */
  body?: (a: Council, b: Council) => Body;
  /** Sent as a multipart form with a PDF in the `file` field. */
  upload?: boolean;
  /** Who of A's people opens it to show that it answers them (the admin unless only others may). */
  reader?: Role;
}

const version = (v: { version: number }) => ({ version: v.version });
const dueDate = { 'dueDate-day': '1', 'dueDate-month': '3', 'dueDate-year': '2027', dueDateReason: 'Board decision' };
const reminderRules = {
  sendTime: '09:00',
  beforeDays: '7, 1',
  onDueDate: 'yes',
  overdueOwnerDays: '1',
  managerAfterDays: '7',
  chairAfterDays: '28',
  weeklyDigest: 'yes',
};
const planSettings = { immediateWindowDays: '20', defaultHorizonMonths: '12', warningWindowDays: '14' };

/**
 * Every route with an id in its path, called with council A's ids. A route missing here fails the test:
 * a new route needs its case. A string instead of a case says why the route is not tenant-scoped.
 */
const A_IDS_IN_PATH: Record<string, Case | string> = {
  'DELETE /api/v1/auth/tokens/:id': { ids: (a) => ({ id: a.tokenId }) },
  'GET /api/v1/users/:id': { ids: (a) => ({ id: a.people.admin.id }) },
  'PATCH /api/v1/users/:id': { ids: (a) => ({ id: a.owner.id }), body: () => ({ displayName: 'Taken over', roles: ['admin'], active: false }) },
  'DELETE /api/v1/users/:id': { ids: (a) => ({ id: a.owner.id }) },
  'DELETE /api/v1/invitations/:id': { ids: (a) => ({ id: a.invitationId }) },
  'POST /api/v1/me/invitations/:id/accept': { ids: (a) => ({ id: a.invitationId }) },
  'GET /api/v1/boards/:id': { ids: (a) => ({ id: a.boardId }) },
  'POST /api/v1/boards/:id/members': { ids: (a) => ({ id: a.boardId }), body: (_a, b) => ({ userId: b.people.viewer.id }) },
  'GET /api/v1/documents/:id': { ids: (a) => ({ id: a.reviewDocumentId }) },
  'POST /api/v1/documents/:id/findings': {
    ids: (a) => ({ id: a.reviewDocumentId }),
    body: () => ({ section: 'Areas for improvement', timescale: 'immediately', text: 'Planted finding' }),
  },
  'PATCH /api/v1/documents/:id/findings/:findingId': {
    ids: (a) => ({ id: a.reviewDocumentId, findingId: a.findingIds[0] }),
    body: () => ({ text: 'Rewritten' }),
  },
  'DELETE /api/v1/documents/:id/findings/:findingId': { ids: (a) => ({ id: a.reviewDocumentId, findingId: a.findingIds[0] }) },
  'POST /api/v1/documents/:id/findings/merge': { ids: (a) => ({ id: a.reviewDocumentId }), body: (a) => ({ findingIds: a.findingIds.slice(0, 2) }) },
  'POST /api/v1/documents/:id/findings/:findingId/split': {
    ids: (a) => ({ id: a.reviewDocumentId, findingId: a.findingIds[0] }),
    body: () => ({ parts: ['One half', 'The other half'] }),
  },
  'GET /api/v1/plans/:id': { ids: (a) => ({ id: a.activePlan.id }) },
  'GET /api/v1/plans/:id/dashboard': { ids: (a) => ({ id: a.activePlan.id }) },
  'PATCH /api/v1/plans/:id': { ids: (a) => ({ id: a.activePlan.id }), body: (a) => ({ ...version(a.activePlan), title: 'Renamed' }) },
  'POST /api/v1/plans/:id/actions-from-findings': { ids: (a) => ({ id: a.activePlan.id }) },
  'POST /api/v1/plans/:id/activate': { ids: (a) => ({ id: a.draftPlan.id }), body: (a) => version(a.draftPlan) },
  'POST /api/v1/plans/:id/close': { ids: (a) => ({ id: a.activePlan.id }), body: (a) => version(a.activePlan) },
  'POST /api/v1/plans/:id/carry-over': { ids: (a) => ({ id: a.closedPlan.id }), body: (a) => ({ toPlanId: a.draftPlan.id }) },
  'POST /api/v1/plans/:planId/actions': { ids: (a) => ({ planId: a.activePlan.id }), body: () => ({ title: 'Planted action', timescale: 'three_months' }) },
  'GET /api/v1/actions/:id': { ids: (a) => ({ id: a.action.id }) },
  'PATCH /api/v1/actions/:id': { ids: (a) => ({ id: a.action.id }), body: (a) => ({ ...version(a.action), title: 'Hijacked', atRisk: true }) },
  'POST /api/v1/actions/:id/status': { ids: (a) => ({ id: a.action.id }), body: (a) => ({ ...version(a.action), status: 'completed' }) },
  'POST /api/v1/actions/:id/verify': { ids: (a) => ({ id: a.action.id }), body: (a) => version(a.action) },
  'GET /api/v1/actions/:id/timeline': { ids: (a) => ({ id: a.action.id }) },
  'POST /api/v1/actions/:id/notes': { ids: (a) => ({ id: a.action.id }), body: () => ({ body: 'Planted note' }) },
  'POST /api/v1/actions/:id/milestones': { ids: (a) => ({ id: a.action.id }), body: () => ({ title: 'Planted milestone' }) },
  'PATCH /api/v1/actions/:id/milestones/:milestoneId': { ids: (a) => ({ id: a.action.id, milestoneId: a.milestoneId }), body: () => ({ done: true }) },
  'POST /api/v1/actions/:id/evidence': { ids: (a) => ({ id: a.action.id }), body: () => ({ title: 'Planted file' }), upload: true },
  'POST /api/v1/actions/:id/evidence/link': { ids: (a) => ({ id: a.action.id }), body: () => ({ title: 'Planted link', url: 'https://example.test/x' }) },
  'POST /api/v1/actions/:id/evidence/note': { ids: (a) => ({ id: a.action.id }), body: () => ({ title: 'Planted note', note: 'Nothing' }) },
  'GET /api/v1/actions/:id/evidence/:evidenceId/file': { ids: (a) => ({ id: a.action.id, evidenceId: a.evidenceFileId }) },
  'PUT /api/v1/actions/:id/measures/:measureId': { ids: (a) => ({ id: a.action.id, measureId: a.measureIds[1] }) },
  'DELETE /api/v1/actions/:id/measures/:measureId': { ids: (a) => ({ id: a.action.id, measureId: a.measureIds[0] }) },
  'GET /api/v1/measures/:id/values': { ids: (a) => ({ id: a.measureIds[0] }) },
  'POST /api/v1/measures/:id/values': { ids: (a) => ({ id: a.measureIds[0] }), body: () => ({ period: '2026/27 Q3', value: 50 }) },
  'PATCH /api/v1/measures/:id': { ids: (a) => ({ id: a.measureIds[0] }), body: () => ({ ownerId: null }) },
  'POST /api/v1/plans/:planId/reviews': { ids: (a) => ({ planId: a.activePlan.id }), body: () => ({ quarter: '2025/26 Q4' }) },
  'GET /api/v1/reviews/:id': { ids: (a) => ({ id: a.reviewId }) },
  'GET /api/v1/reviews/:id/pack.xlsx': { ids: (a) => ({ id: a.reviewId }) },
  'GET /api/v1/reviews/:id/paper.docx': { ids: (a) => ({ id: a.signedReviewId }) },
  'POST /api/v1/reviews/:id/judgements': { ids: (a) => ({ id: a.reviewId }), body: () => ({ area: 'Overall', judgement: 'good', comment: 'Planted' }) },
  'POST /api/v1/reviews/:id/follow-ups': {
    ids: (a) => ({ id: a.reviewId }),
    body: (a) => ({ title: 'Planted follow-up', ownerId: a.owner.id, dueDate: '2027-03-01' }),
  },
  'POST /api/v1/reviews/:id/sign-off': { ids: (a) => ({ id: a.reviewId }) },
  'POST /api/v1/me/notifications/:id/read': { ids: (a) => ({ id: a.notificationId }) },
  'GET /calendar/:token.ics': 'public: the secret in the address is the key, whoever holds it; an unknown one is 404 (reminder tests)',
  'GET /api/v1/plans/:id/reminder-rules': { ids: (a) => ({ id: a.activePlan.id }) },
  'PUT /api/v1/plans/:id/reminder-rules': { ids: (a) => ({ id: a.activePlan.id }), body: () => ({ sendTime: '09:00', weeklyDigest: false }) },
  'POST /api/v1/admin/reminders/:id/retry': { ids: (a) => ({ id: a.failedReminderId }) },
  'POST /api/v1/boards/:boardId/meetings': { ids: (a) => ({ boardId: a.boardId }), body: (a) => ({ date: '2026-12-15', planId: a.activePlan.id }) },
  'GET /api/v1/boards/:boardId/meetings': { ids: (a) => ({ boardId: a.boardId }) },
  'GET /api/v1/meetings/:id': { ids: (a) => ({ id: a.meetingId }) },
  'GET /api/v1/imports/:id/progress': { ids: (a) => ({ id: a.importProgressId }) },
  'PATCH /api/v1/meetings/:id': { ids: (a) => ({ id: a.meetingId }), body: () => ({ place: 'Elsewhere' }) },
  'PUT /api/v1/meetings/:id/attendance': {
    ids: (a) => ({ id: a.meetingId }),
    body: () => ({ attendees: [{ guestName: 'Planted guest', attendance: 'present' }] }),
  },
  'POST /api/v1/meetings/:id/agenda/draft': { ids: (a) => ({ id: a.meetingId }) },
  'POST /api/v1/meetings/:id/agenda/items': { ids: (a) => ({ id: a.meetingId }), body: () => ({ title: 'Planted item' }) },
  'PATCH /api/v1/meetings/:id/agenda/items/:itemId': { ids: (a) => ({ id: a.meetingId, itemId: a.agendaItemId }), body: () => ({ minutesAllotted: 5 }) },
  'DELETE /api/v1/meetings/:id/agenda/items/:itemId': { ids: (a) => ({ id: a.meetingId, itemId: a.agendaItemId }) },
  'POST /api/v1/meetings/:id/decisions': { ids: (a) => ({ id: a.meetingId }), body: (a) => ({ actionId: a.action.id, kind: 'note', comment: 'Planted' }) },
  'POST /api/v1/meetings/:id/held': { ids: (a) => ({ id: a.meetingId }) },
  'POST /api/v1/meetings/:id/cancel': { ids: (a) => ({ id: a.meetingId }), body: () => ({ reason: 'Planted' }) },
  'POST /api/v1/meetings/:id/close-plan': { ids: (a) => ({ id: a.meetingId }), body: () => ({ title: 'Planted plan', comment: 'Planted' }) },
  'PUT /api/v1/meetings/:id/minutes': { ids: (a) => ({ id: a.meetingId }), body: () => ({ narrative: 'Planted' }) },
  'POST /api/v1/meetings/:id/minutes/approve': { ids: (a) => ({ id: a.meetingId }) },
  'GET /api/v1/meetings/:id/pack.xlsx': { ids: (a) => ({ id: a.meetingId }) },
  'GET /api/v1/meetings/:id/invitation.ics': { ids: (a) => ({ id: a.meetingId }) },
  // Web pages.
  'GET /plans/:id': { ids: (a) => ({ id: a.activePlan.id }) },
  'GET /plans/:id/export': { ids: (a) => ({ id: a.activePlan.id }) },
  'GET /actions/:id': { ids: (a) => ({ id: a.action.id }) },
  'POST /actions/:id/status': { ids: (a) => ({ id: a.action.id }), body: (a) => ({ ...version(a.action), status: 'completed' }) },
  'POST /actions/:id/rag': {
    ids: (a) => ({ id: a.action.id }),
    body: (a) => ({ ...version(a.action), ragOverride: 'green', ragOverrideReason: 'Looks fine', atRisk: 'no' }),
  },
  'POST /actions/:id/notes': { ids: (a) => ({ id: a.action.id }), body: () => ({ note: 'Planted note' }) },
  'POST /actions/:id/evidence': { ids: (a) => ({ id: a.action.id }), body: () => ({ title: 'Planted file' }), upload: true },
  'POST /actions/:id/due-date': { ids: (a) => ({ id: a.action.id }), body: (a) => ({ ...version(a.action), ...dueDate }) },
  'POST /actions/:id/milestones': { ids: (a) => ({ id: a.action.id }), body: () => ({ milestoneTitle: 'Planted milestone' }) },
  'POST /actions/:id/milestones/:milestoneId': { ids: (a) => ({ id: a.action.id, milestoneId: a.milestoneId }), body: () => ({ done: 'yes' }) },
  'POST /actions/:id/evidence/link': { ids: (a) => ({ id: a.action.id }), body: () => ({ linkTitle: 'Planted link', linkUrl: 'https://example.test/x' }) },
  'POST /actions/:id/evidence/note': { ids: (a) => ({ id: a.action.id }), body: () => ({ noteTitle: 'Planted note', noteText: 'Nothing' }) },
  'GET /plans/:id/owners': { ids: (a) => ({ id: a.draftPlan.id }) },
  'POST /plans/:id/owners': {
    ids: (a) => ({ id: a.draftPlan.id }),
    body: (a) => ({ [`owner-${a.draftAction.id}`]: a.people.viewer.id, [`version-${a.draftAction.id}`]: String(a.draftAction.version) }),
  },
  'POST /plans/:id/activate': { ids: (a) => ({ id: a.draftPlan.id }), body: (a) => version(a.draftPlan) },
  'GET /meetings/:id': { ids: (a) => ({ id: a.meetingId }) },
  'POST /meetings/:id/agenda': { ids: (a) => ({ id: a.meetingId }) },
  'POST /meetings/:id/attendance': { ids: (a) => ({ id: a.meetingId }), body: () => ({ guestName: 'Planted guest' }) },
  'GET /meetings/:id/decision': { ids: (a) => ({ id: a.meetingId }), reader: 'board_chair' },
  'GET /meetings/:id/close-plan': { ids: (a) => ({ id: a.meetingId }), reader: 'board_chair' },
  'POST /meetings/:id/decisions': { ids: (a) => ({ id: a.meetingId }), body: (a) => ({ actionId: a.action.id, kind: 'note', comment: 'Planted' }) },
  'POST /meetings/:id/held': { ids: (a) => ({ id: a.meetingId }) },
  'POST /meetings/:id/cancel': { ids: (a) => ({ id: a.meetingId }), body: () => ({ cancelReason: 'Planted' }) },
  'POST /meetings/:id/close-plan': { ids: (a) => ({ id: a.meetingId }), body: () => ({ successorTitle: 'Planted plan', closeComment: 'Planted' }) },
  'GET /meetings/:id/minutes': { ids: (a) => ({ id: a.meetingId }) },
  'POST /meetings/:id/minutes': { ids: (a) => ({ id: a.meetingId }), body: () => ({ narrative: 'Planted' }) },
  'POST /meetings/:id/approve': { ids: (a) => ({ id: a.meetingId }) },
  'GET /meetings/:id/pack': { ids: (a) => ({ id: a.meetingId }) },
  'GET /meetings/:id/items': { ids: (a) => ({ id: a.meetingId }) },
  'POST /meetings/:id/items': { ids: (a) => ({ id: a.meetingId }), body: () => ({ title: 'Planted item' }) },
  'GET /meetings/:id/items/:itemId': { ids: (a) => ({ id: a.meetingId, itemId: a.agendaItemId }) },
  'POST /meetings/:id/items/:itemId': { ids: (a) => ({ id: a.meetingId, itemId: a.agendaItemId }), body: () => ({ remove: 'yes' }) },
  'GET /import/:id': { ids: (a) => ({ id: a.reviewDocumentId }) },
  'GET /import/:id/findings/:findingId': { ids: (a) => ({ id: a.reviewDocumentId, findingId: a.findingIds[0] }) },
  'POST /import/:id/findings/:findingId': {
    ids: (a) => ({ id: a.reviewDocumentId, findingId: a.findingIds[0] }),
    body: () => ({ text: 'Rewritten', section: 'Areas for improvement', timescale: 'immediately' }),
  },
  'POST /import/:id/findings/:findingId/split': {
    ids: (a) => ({ id: a.reviewDocumentId, findingId: a.findingIds[0] }),
    body: () => ({ parts: 'One half\n\nThe other half' }),
  },
  'POST /import/:id/findings/:findingId/drop': { ids: (a) => ({ id: a.reviewDocumentId, findingId: a.findingIds[0] }) },
  'POST /import/:id/merge': { ids: (a) => ({ id: a.reviewDocumentId }), body: (a) => ({ findingIds: a.findingIds.slice(0, 2) }) },
  'POST /import/:id/plan': { ids: (a) => ({ id: a.reviewDocumentId }), body: (a) => ({ title: 'Planted plan', boardId: a.boardId }) },
  'POST /notifications/:id/read': { ids: (a) => ({ id: a.notificationId }) },
  'POST /invitations/:id/accept': { ids: (a) => ({ id: a.invitationId }) },
  'GET /reviews/:id': { ids: (a) => ({ id: a.reviewId }) },
  'GET /reviews/:id/paper': { ids: (a) => ({ id: a.signedReviewId }) },
  'POST /reviews/:id/judgements': { ids: (a) => ({ id: a.reviewId }), body: () => ({ area: 'Overall', judgement: 'good', comment: 'Planted' }) },
  'POST /reviews/:id/follow-ups': {
    ids: (a) => ({ id: a.reviewId }),
    body: (a) => ({ title: 'Planted follow-up', ownerId: a.owner.id, 'dueDate-day': '1', 'dueDate-month': '3', 'dueDate-year': '2027' }),
  },
  'POST /reviews/:id/sign-off': { ids: (a) => ({ id: a.reviewId }) },
  'GET /admin/users/:id': { ids: (a) => ({ id: a.owner.id }) },
  'POST /admin/users/:id': { ids: (a) => ({ id: a.owner.id }), body: () => ({ roles: ['admin'], active: 'no' }) },
  'POST /admin/users/:id/remove': { ids: (a) => ({ id: a.owner.id }) },
  'POST /admin/invitations/:id/withdraw': { ids: (a) => ({ id: a.invitationId }) },
  'POST /admin/boards/:id/members': { ids: (a) => ({ id: a.boardId }), body: (_a, b) => ({ userId: b.people.viewer.id }) },
  'GET /admin/plans/:id': { ids: (a) => ({ id: a.activePlan.id }) },
  'POST /admin/plans/:id/settings': { ids: (a) => ({ id: a.activePlan.id }), body: (a) => ({ ...version(a.activePlan), ...planSettings }) },
  'POST /admin/plans/:id/reminders': { ids: (a) => ({ id: a.activePlan.id }), body: () => reminderRules },
};

interface BodyCase extends Case {
  route: string;
  what: string;
}

/** B's own records (or none) in the path, A's ids in the body: as much a way into A as A's ids in the path. */
const A_IDS_IN_BODY: BodyCase[] = [
  {
    route: 'POST /meetings',
    what: "A's plan",
    ids: () => ({}),
    body: (a) => ({ planId: a.activePlan.id, 'date-day': '15', 'date-month': '12', 'date-year': '2026', startTime: '10:00' }),
  },
  {
    route: 'POST /meetings/:id/decisions',
    what: "A's action",
    ids: (_a, b) => ({ id: b.meetingId }),
    body: (a) => ({ actionId: a.action.id, kind: 'note', comment: 'Planted' }),
  },
  {
    route: 'POST /api/v1/boards/:boardId/meetings',
    what: "A's plan",
    ids: (_a, b) => ({ boardId: b.boardId }),
    body: (a) => ({ date: '2026-12-15', planId: a.activePlan.id }),
  },
  {
    route: 'POST /api/v1/meetings/:id/decisions',
    what: "A's action",
    ids: (_a, b) => ({ id: b.meetingId }),
    body: (a) => ({ actionId: a.action.id, kind: 'note', comment: 'Planted' }),
  },
  {
    route: 'POST /api/v1/meetings/:id/decisions',
    what: "A's person as the new owner",
    ids: (_a, b) => ({ id: b.meetingId }),
    body: (a, b) => ({ actionId: b.action.id, kind: 'reassign', ownerId: a.owner.id }),
  },
  {
    route: 'POST /api/v1/meetings/:id/decisions',
    what: "A's person to escalate to",
    ids: (_a, b) => ({ id: b.meetingId }),
    body: (a, b) => ({ actionId: b.action.id, kind: 'escalate', escalateToId: a.people.manager.id, comment: 'Planted' }),
  },
  {
    route: 'PUT /api/v1/meetings/:id/attendance',
    what: "A's person",
    ids: (_a, b) => ({ id: b.meetingId }),
    body: (a) => ({ attendees: [{ userId: a.people.admin.id, attendance: 'present' }] }),
  },
  {
    route: 'POST /api/v1/meetings/:id/agenda/items',
    what: "A's action",
    ids: (_a, b) => ({ id: b.meetingId }),
    body: (a) => ({ actionId: a.action.id }),
  },
  {
    route: 'POST /api/v1/meetings/:id/agenda/items',
    what: "A's presenter",
    ids: (_a, b) => ({ id: b.meetingId }),
    body: (a) => ({ title: 'Planted item', presenterId: a.people.manager.id }),
  },
  { route: 'POST /api/v1/plans', what: "A's board", ids: () => ({}), body: (a) => ({ title: 'Planted plan', boardId: a.boardId, startDate: '2027-01-01' }) },
  {
    route: 'POST /api/v1/plans',
    what: "A's document",
    ids: () => ({}),
    body: (a, b) => ({ title: 'Planted plan', boardId: b.boardId, documentIds: [a.reviewDocumentId] }),
  },
  {
    route: 'POST /api/v1/plans/:planId/actions',
    what: "A's owner",
    ids: (_a, b) => ({ planId: b.activePlan.id }),
    body: (a) => ({ title: 'Planted action', ownerId: a.owner.id }),
  },
  {
    route: 'POST /api/v1/plans/:planId/actions',
    what: "A's manager",
    ids: (_a, b) => ({ planId: b.activePlan.id }),
    body: (a) => ({ title: 'Planted action', managerId: a.people.manager.id }),
  },
  {
    route: 'POST /api/v1/plans/:planId/actions',
    what: "A's organisation",
    ids: (_a, b) => ({ planId: b.activePlan.id }),
    body: (a) => ({ title: 'Planted action', organisationId: a.organisationId }),
  },
  {
    route: 'POST /api/v1/plans/:planId/actions',
    what: "A's finding",
    ids: (_a, b) => ({ planId: b.activePlan.id }),
    body: (a) => ({ title: 'Planted action', findingIds: [a.findingIds[2]] }),
  },
  {
    route: 'PATCH /api/v1/actions/:id',
    what: "A's owner",
    ids: (_a, b) => ({ id: b.draftAction.id }),
    body: (a, b) => ({ ...version(b.draftAction), ownerId: a.owner.id }),
  },
  {
    route: 'PATCH /api/v1/actions/:id',
    what: "A's manager",
    ids: (_a, b) => ({ id: b.draftAction.id }),
    body: (a, b) => ({ ...version(b.draftAction), managerId: a.people.manager.id }),
  },
  {
    route: 'PATCH /api/v1/actions/:id',
    what: "A's organisation",
    ids: (_a, b) => ({ id: b.draftAction.id }),
    body: (a, b) => ({ ...version(b.draftAction), organisationId: a.organisationId }),
  },
  {
    route: 'PATCH /api/v1/actions/:id/milestones/:milestoneId',
    what: "A's milestone",
    ids: (a, b) => ({ id: b.action.id, milestoneId: a.milestoneId }),
    body: () => ({ done: true }),
  },
  { route: 'GET /api/v1/actions/:id/evidence/:evidenceId/file', what: "A's evidence file", ids: (a, b) => ({ id: b.action.id, evidenceId: a.evidenceFileId }) },
  { route: 'PATCH /api/v1/measures/:id', what: "A's person as owner", ids: (_a, b) => ({ id: b.measureIds[0] }), body: (a) => ({ ownerId: a.owner.id }) },
  { route: 'PUT /api/v1/actions/:id/measures/:measureId', what: "A's measure", ids: (a, b) => ({ id: b.action.id, measureId: a.measureIds[1] }) },
  { route: 'PUT /api/v1/actions/:id/measures/:measureId', what: "A's action", ids: (a, b) => ({ id: a.action.id, measureId: b.measureIds[1] }) },
  { route: 'DELETE /api/v1/actions/:id/measures/:measureId', what: "A's measure", ids: (a, b) => ({ id: b.action.id, measureId: a.measureIds[0] }) },
  {
    route: 'POST /api/v1/reviews/:id/follow-ups',
    what: "A's person as owner",
    ids: (_a, b) => ({ id: b.reviewId }),
    body: (a) => ({ title: 'Planted follow-up', ownerId: a.owner.id, dueDate: '2027-03-01' }),
  },
  {
    route: 'PATCH /api/v1/documents/:id/findings/:findingId',
    what: "A's finding",
    ids: (a, b) => ({ id: b.reviewDocumentId, findingId: a.findingIds[0] }),
    body: () => ({ text: 'Rewritten' }),
  },
  { route: 'DELETE /api/v1/documents/:id/findings/:findingId', what: "A's finding", ids: (a, b) => ({ id: b.reviewDocumentId, findingId: a.findingIds[0] }) },
  {
    route: 'POST /api/v1/documents/:id/findings/:findingId/split',
    what: "A's finding",
    ids: (a, b) => ({ id: b.reviewDocumentId, findingId: a.findingIds[0] }),
    body: () => ({ parts: ['One', 'Two'] }),
  },
  {
    route: 'POST /api/v1/documents/:id/findings/merge',
    what: "A's finding",
    ids: (_a, b) => ({ id: b.reviewDocumentId }),
    body: (a, b) => ({ findingIds: [b.findingIds[0], a.findingIds[0]] }),
  },
  {
    route: 'POST /api/v1/plans/:id/carry-over',
    what: "A's plan to carry into",
    ids: (_a, b) => ({ id: b.closedPlan.id }),
    body: (a) => ({ toPlanId: a.draftPlan.id }),
  },
  { route: 'POST /api/v1/boards', what: "A's person as chair", ids: () => ({}), body: (a) => ({ name: 'Planted board', chairId: a.people.board_chair.id }) },
  {
    route: 'POST /api/v1/boards',
    what: "A's person as member",
    ids: () => ({}),
    body: (a) => ({ name: 'Planted board', memberIds: [a.people.board_member.id] }),
  },
  { route: 'POST /api/v1/boards/:id/members', what: "A's person", ids: (_a, b) => ({ id: b.boardId }), body: (a) => ({ userId: a.people.viewer.id }) },
  {
    route: 'POST /api/v1/users',
    what: "A's person as manager",
    ids: () => ({}),
    body: (a) => ({ email: 'planted@example.test', displayName: 'Planted', password: TEST_PASSWORD, roles: ['viewer'], managerId: a.people.manager.id }),
  },
  {
    route: 'POST /api/v1/users',
    what: "A's organisation",
    ids: () => ({}),
    body: (a) => ({ email: 'planted@example.test', displayName: 'Planted', password: TEST_PASSWORD, roles: ['viewer'], organisationId: a.organisationId }),
  },
  { route: 'PATCH /api/v1/users/:id', what: "A's person as manager", ids: (_a, b) => ({ id: b.owner.id }), body: (a) => ({ managerId: a.people.manager.id }) },
  { route: 'PATCH /api/v1/users/:id', what: "A's organisation", ids: (_a, b) => ({ id: b.owner.id }), body: (a) => ({ organisationId: a.organisationId }) },
  {
    route: 'PATCH /api/v1/me/notification-settings',
    what: "A's person as delegate",
    ids: () => ({}),
    body: (a) => ({ onLeave: true, leaveUntil: '2027-01-31', delegateId: a.people.manager.id }),
  },
  // Web pages.
  {
    route: 'POST /measures/values',
    what: "A's measure",
    ids: () => ({}),
    body: (a) => ({ measureId: a.measureIds[0], period: '2026/27 Q3', value: '50' }),
  },
  {
    route: 'POST /measures/owner',
    what: "A's measure",
    ids: () => ({}),
    body: (a) => ({ ownerMeasureId: a.measureIds[0], ownerId: '' }),
  },
  { route: 'POST /measures/owner', what: "A's person as owner", ids: () => ({}), body: (a, b) => ({ ownerMeasureId: b.measureIds[0], ownerId: a.owner.id }) },
  {
    route: 'POST /plans/:id/owners',
    what: "A's person as owner",
    ids: (_a, b) => ({ id: b.draftPlan.id }),
    body: (a, b) => ({ [`owner-${b.draftAction.id}`]: a.owner.id, [`version-${b.draftAction.id}`]: String(b.draftAction.version) }),
  },
  {
    route: 'POST /actions/:id/milestones/:milestoneId',
    what: "A's milestone",
    ids: (a, b) => ({ id: b.action.id, milestoneId: a.milestoneId }),
    body: () => ({ done: 'yes' }),
  },
  {
    route: 'POST /import/:id/findings/:findingId',
    what: "A's finding",
    ids: (a, b) => ({ id: b.reviewDocumentId, findingId: a.findingIds[0] }),
    body: () => ({ text: 'Rewritten', section: 'Areas', timescale: 'immediately' }),
  },
  {
    route: 'POST /import/:id/findings/:findingId/split',
    what: "A's finding",
    ids: (a, b) => ({ id: b.reviewDocumentId, findingId: a.findingIds[0] }),
    body: () => ({ parts: 'One\n\nTwo' }),
  },
  { route: 'POST /import/:id/findings/:findingId/drop', what: "A's finding", ids: (a, b) => ({ id: b.reviewDocumentId, findingId: a.findingIds[0] }) },
  {
    route: 'POST /import/:id/merge',
    what: "A's finding",
    ids: (_a, b) => ({ id: b.reviewDocumentId }),
    body: (a, b) => ({ findingIds: [b.findingIds[0], a.findingIds[0]] }),
  },
  {
    route: 'POST /import/:id/plan',
    what: "A's board",
    ids: (_a, b) => ({ id: b.reviewDocumentId }),
    body: (a) => ({ title: 'Planted plan', boardId: a.boardId }),
  },
  {
    route: 'POST /admin/users',
    what: "A's person as manager",
    ids: () => ({}),
    body: (a) => ({ displayName: 'Planted', email: 'planted@example.test', password: TEST_PASSWORD, roles: 'viewer', managerId: a.people.manager.id }),
  },
  {
    route: 'POST /admin/users/:id',
    what: "A's person as manager",
    ids: (_a, b) => ({ id: b.owner.id }),
    body: (a) => ({ roles: 'viewer', active: 'yes', managerId: a.people.manager.id }),
  },
  { route: 'POST /admin/boards', what: "A's person as chair", ids: () => ({}), body: (a) => ({ name: 'Planted board', chairId: a.people.board_chair.id }) },
  { route: 'POST /admin/boards/:id/members', what: "A's person", ids: (_a, b) => ({ id: b.boardId }), body: (a) => ({ userId: a.people.viewer.id }) },
  { route: 'POST /councils', what: 'A as the council to work in', ids: () => ({}), body: (a) => ({ authorityId: a.authorityId }) },
  {
    route: 'POST /settings/notifications',
    what: "A's person as delegate",
    ids: () => ({}),
    body: (a) => ({ onLeave: 'yes', 'leaveUntil-day': '31', 'leaveUntil-month': '1', 'leaveUntil-year': '2027', delegateId: a.people.manager.id }),
  },
];

/** List routes asked about A's records by id in the query: they answer as if A's records did not exist. */
const A_IDS_IN_QUERY: ((a: Council) => string)[] = [
  (a) => `/api/v1/actions?planId=${a.activePlan.id}`,
  (a) => `/api/v1/actions?ownerId=${a.owner.id}`,
  (a) => `/api/v1/actions?organisationId=${a.organisationId}`,
  (a) => `/api/v1/admin/reminders?actionId=${a.action.id}`,
];

const isPage = (url: string) => !url.startsWith('/api/');

/** Form bodies repeat a field for each value of a list, as a browser sends checkboxes. */
function formBody(body: Body): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) for (const v of [value].flat()) form.append(name, String(v));
  return form.toString();
}

function send(t: TestApp, user: TestUser, route: string, ids: Record<string, string>, body?: Body, upload?: boolean) {
  const [method, pattern] = route.split(' ');
  const url = pattern.replace(/:(\w+)/g, (_, name: string) => {
    if (!ids[name]) throw new Error(`${route}: no id for :${name}`);
    return ids[name];
  });
  let request = t.http()[method.toLowerCase() as 'post'](url).set(bearer(user));
  if (isPage(url)) request = request.set('Accept', 'text/html');
  if (upload) {
    for (const [name, value] of Object.entries(body ?? {})) request = request.field(name, String(value));
    return { url, request: request.attach('file', PDF, 'evidence.pdf') };
  }
  if (body) request = isPage(url) ? request.type('form').send(formBody(body)) : request.send(body);
  return { url, request };
}

describe.each(DB_KINDS)("nobody reaches another council's data (%s)", (kind) => {
  let t: TestApp;
  let a: Council;
  let b: Council;
  let secrets: string[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    a = await newCouncil(t, 'Aldermoor');
    b = await newCouncil(t, 'Brackenfield');
    await t.get(RemindersService).runDue(t.clock.now());
    await addDeliveryRows(t, a);
    await addDeliveryRows(t, b);
    secrets = await secretsOf(t, a);
  }, 120_000);
  afterAll(() => t?.close());

  /** What in the answer would give A away: any of A's ids, names or emails the request did not itself carry. */
  const leaked = (answer: string | undefined, asked: string) => secrets.filter((s) => !asked.includes(s) && (answer ?? '').includes(s));

  /** Calls the route as each of B's people; returns every answer that is not the expected refusal, or that gives A away. */
  async function attempt(route: string, c: Case, statuses: number[]) {
    const problems: string[] = [];
    for (const role of ROLES) {
      const body = c.body?.(a, b);
      const { url, request } = send(t, b.people[role], route, c.ids(a, b), body, c.upload);
      const response = await request;
      if (!statuses.includes(response.status)) problems.push(`${role}: ${response.status} ${response.text?.slice(0, 200)}`);
      if (isPage(url) && !String(response.headers['content-type']).startsWith('text/html'))
        problems.push(`${role}: not a page but ${response.headers['content-type']}`);
      const given = leaked(response.text, url + JSON.stringify(body ?? {}));
      if (given.length) problems.push(`${role}: the answer shows ${given.join(', ')}`);
    }
    return problems;
  }

  it('has a case for every route with an id in its path, and every case names a real route', () => {
    const routes = appRoutes(t);
    expect(routes.filter((r) => r.includes(':') && !(r in A_IDS_IN_PATH))).toEqual([]);
    expect([...Object.keys(A_IDS_IN_PATH), ...A_IDS_IN_BODY.map((c) => c.route)].filter((r) => !routes.includes(r))).toEqual([]);
  });

  it("gives A's own people every page and record these ids name (so the refusals below are about the council)", async () => {
    const reads = Object.entries(A_IDS_IN_PATH).filter(([route, c]) => route.startsWith('GET ') && typeof c !== 'string') as [string, Case][];
    const answers = await Promise.all(
      reads.map(async ([route, c]) => `${route} ${(await send(t, a.people[c.reader ?? 'admin'], route, c.ids(a, b)).request).status}`),
    );
    expect(answers).toEqual(reads.map(([route]) => `${route} 200`));
  });

  it.each(Object.entries(A_IDS_IN_PATH).filter(([, c]) => typeof c !== 'string') as [string, Case][])(
    "%s with A's ids: 404 or 403 to each of B's people, and nothing changes",
    async (route, c) => {
      const before = await snapshot(t);
      expect(await attempt(route, c, [403, 404])).toEqual([]);
      expect(await snapshot(t)).toEqual(before);
    },
  );

  it.each(A_IDS_IN_BODY.map((c) => [`${c.route} with ${c.what}`, c] as const))("%s: refused to each of B's people, and nothing changes", async (_name, c) => {
    const before = await snapshot(t);
    // A page form re-shown with "choose from the list" (400) also refuses without revealing anything.
    expect(await attempt(c.route, c, isPage(c.route.split(' ')[1]) ? [400, 403, 404] : [403, 404])).toEqual([]);
    expect(await snapshot(t)).toEqual(before);
  });

  it("shows none of A's records in any list or page B's people can open", async () => {
    const before = await snapshot(t);
    const lists = appRoutes(t)
      .filter((r) => r.startsWith('GET ') && !r.includes(':'))
      .map((r) => r.slice('GET '.length));
    const problems: string[] = [];
    for (const role of ROLES) {
      for (const url of [...lists, ...A_IDS_IN_QUERY.map((q) => q(a))]) {
        const response = await t
          .http()
          .get(url)
          .set(bearer(b.people[role]))
          .set('Accept', isPage(url) ? 'text/html' : 'application/json');
        const given = leaked(response.text, url);
        if (response.status >= 500 || given.length) problems.push(`${role} ${url}: ${response.status} ${given.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshot(t)).toEqual(before);
  });

  it("does not sign B's people in to A", async () => {
    const before = await snapshot(t);
    for (const role of ROLES) {
      const response = await t.http().post('/api/v1/auth/sign-in').send({ email: b.people[role].email, password: TEST_PASSWORD, authorityId: a.authorityId });
      expect([role, response.status, response.headers['set-cookie']]).toEqual([role, 401, undefined]);
    }
    const after = await snapshot(t);
    expect(after.user_session).toEqual(before.user_session);
  });

  // Last: it changes B's draft action, which the cases above send at its version.
  it("still saves owners on the council's own plan", async () => {
    const c = A_IDS_IN_PATH['POST /plans/:id/owners'] as Case;
    const { request } = send(t, b.people.manager, 'POST /plans/:id/owners', c.ids(b, a), c.body!(b, a));
    expect((await request).status).toBe(303);
    const saved = await t.http().get(`/api/v1/actions/${b.draftAction.id}`).set(bearer(b.people.manager)).expect(200);
    expect(saved.body.ownerId).toBe(b.people.viewer.id);
  });
});
