import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditEvent } from '@app/database/entities';
import { AnonymousRefusals } from '../apps/api/src/common/anonymous-refusals';
import { Role } from '@app/core/request-context';
import { appRoutes, bearer, createTestApp, DB_KINDS, newAuthority, newUser, TestApp, TestUser } from './support';

type Rule = 'public' | 'member' | Role[];

const EDITORS: Role[] = ['admin', 'board_chair', 'board_member', 'manager'];
const CHAIR: Role[] = ['admin', 'board_chair'];

/** Every route in the app and who may call it. A route missing from this table fails the test. */
const RULES: Record<string, Rule> = {
  'POST /api/v1/auth/sign-in': 'public',
  'GET /health': 'public',
  'POST /api/v1/auth/sign-out': 'member',
  'GET /api/v1/auth/me': 'member',
  'POST /api/v1/auth/tokens': 'member',
  'GET /api/v1/auth/tokens': 'member',
  'DELETE /api/v1/auth/tokens/:id': 'member',
  'POST /api/v1/auth/password': 'member',
  'GET /api/v1/users': 'member',
  'GET /api/v1/users/:id': 'member',
  'POST /api/v1/users': ['admin'],
  'PATCH /api/v1/users/:id': ['admin'],
  'DELETE /api/v1/users/:id': ['admin'],
  'GET /api/v1/invitations': ['admin'],
  'DELETE /api/v1/invitations/:id': ['admin'],
  'GET /api/v1/me/invitations': 'member',
  'POST /api/v1/me/invitations/:id/accept': 'member',
  'GET /api/v1/organisations': 'member',
  'POST /api/v1/organisations': ['admin'],
  'GET /api/v1/boards': 'member',
  'GET /api/v1/boards/:id': 'member',
  'POST /api/v1/boards': ['admin'],
  'POST /api/v1/boards/:id/members': ['admin'],
  'POST /api/v1/boards/:boardId/meetings': ['admin', 'board_chair', 'board_member'],
  'GET /api/v1/boards/:boardId/meetings': 'member',
  'GET /api/v1/meetings/:id': 'member',
  'PATCH /api/v1/meetings/:id': ['admin', 'board_chair', 'board_member'],
  'POST /api/v1/meetings/:id/cancel': ['admin', 'board_chair'],
  'POST /api/v1/meetings/:id/close-plan': ['board_chair'],
  'PUT /api/v1/meetings/:id/attendance': ['admin', 'board_chair', 'board_member'],
  'POST /api/v1/meetings/:id/agenda/draft': ['admin', 'board_chair', 'board_member'],
  'POST /api/v1/meetings/:id/agenda/items': ['admin', 'board_chair', 'board_member'],
  'PATCH /api/v1/meetings/:id/agenda/items/:itemId': ['admin', 'board_chair', 'board_member'],
  'DELETE /api/v1/meetings/:id/agenda/items/:itemId': ['admin', 'board_chair', 'board_member'],
  'POST /api/v1/meetings/:id/decisions': ['board_chair', 'board_member'],
  'POST /api/v1/meetings/:id/held': ['board_chair', 'board_member'],
  'PUT /api/v1/meetings/:id/minutes': ['board_chair'],
  'POST /api/v1/meetings/:id/minutes/approve': ['board_chair'],
  'GET /api/v1/meetings/:id/pack.xlsx': 'member',
  'GET /api/v1/meetings/:id/invitation.ics': 'member',
  'GET /api/v1/documents': 'member',
  'GET /api/v1/documents/:id': 'member',
  'POST /api/v1/documents': EDITORS,
  'POST /api/v1/documents/:id/findings': EDITORS,
  'POST /api/v1/documents/import': EDITORS,
  'POST /api/v1/trackers/preview': EDITORS,
  'POST /api/v1/trackers/import': EDITORS,
  'PATCH /api/v1/documents/:id/findings/:findingId': EDITORS,
  'DELETE /api/v1/documents/:id/findings/:findingId': EDITORS,
  'POST /api/v1/documents/:id/findings/merge': EDITORS,
  'POST /api/v1/documents/:id/findings/:findingId/split': EDITORS,
  'GET /api/v1/plans': 'member',
  'GET /api/v1/plans/:id': 'member',
  'GET /api/v1/plans/:id/dashboard': 'member',
  'POST /api/v1/plans': EDITORS,
  'PATCH /api/v1/plans/:id': EDITORS,
  'POST /api/v1/plans/:id/actions-from-findings': EDITORS,
  'POST /api/v1/plans/:id/activate': CHAIR,
  'POST /api/v1/plans/:id/close': CHAIR,
  'POST /api/v1/plans/:id/carry-over': CHAIR,
  'GET /api/v1/actions': 'member',
  'GET /api/v1/me/actions': 'member',
  'POST /api/v1/plans/:planId/actions': 'member',
  'GET /api/v1/actions/:id': 'member',
  'PATCH /api/v1/actions/:id': 'member',
  'POST /api/v1/actions/:id/status': 'member',
  'POST /api/v1/actions/:id/verify': 'member',
  'GET /api/v1/actions/:id/timeline': 'member',
  'POST /api/v1/actions/:id/notes': 'member',
  'POST /api/v1/actions/:id/milestones': 'member',
  'PATCH /api/v1/actions/:id/milestones/:milestoneId': 'member',
  'POST /api/v1/actions/:id/evidence': 'member',
  'POST /api/v1/actions/:id/evidence/link': 'member',
  'POST /api/v1/actions/:id/evidence/note': 'member',
  'GET /api/v1/actions/:id/evidence/:evidenceId/file': 'member',
  'GET /api/v1/measures': 'member',
  'POST /api/v1/measures': EDITORS,
  'PATCH /api/v1/measures/:id': EDITORS,
  'POST /api/v1/measures/import-from-report': EDITORS,
  'GET /api/v1/imports/:id/progress': 'member',
  'PUT /api/v1/actions/:id/measures/:measureId': EDITORS,
  'DELETE /api/v1/actions/:id/measures/:measureId': EDITORS,
  // Values: the people who set plans up, or the measure's owner (checked in the service).
  'GET /api/v1/measures/:id/values': 'member',
  'POST /api/v1/measures/:id/values': 'member',
  'POST /api/v1/measures/values/upload': 'member',
  'POST /api/v1/plans/:planId/reviews': ['admin', 'commissioner'],
  'GET /api/v1/reviews': 'member',
  'GET /api/v1/reviews/:id': 'member',
  'GET /api/v1/reviews/:id/pack.xlsx': 'member',
  'GET /api/v1/reviews/:id/paper.docx': 'member',
  'POST /api/v1/reviews/:id/judgements': ['commissioner'],
  'POST /api/v1/reviews/:id/follow-ups': ['commissioner'],
  'POST /api/v1/reviews/:id/sign-off': ['commissioner'],
  'GET /api/v1/me/notifications': 'member',
  'POST /api/v1/me/notifications/:id/read': 'member',
  'POST /api/v1/me/notifications/read-all': 'member',
  'GET /api/v1/me/notification-settings': 'member',
  'PATCH /api/v1/me/notification-settings': 'member',
  'POST /api/v1/me/calendar-feed': 'member',
  'DELETE /api/v1/me/calendar-feed': 'member',
  'GET /calendar/:token.ics': 'public',
  'GET /api/v1/plans/:id/reminder-rules': 'member',
  'PUT /api/v1/plans/:id/reminder-rules': ['admin'],
  'GET /api/v1/admin/outbox': ['admin'],
  'GET /api/v1/admin/queue': ['admin'],
  'GET /api/v1/admin/reminders': ['admin'],
  'POST /api/v1/admin/reminders/:id/retry': ['admin'],
  // Web pages (apps/api/src/web): browsers are sent to /sign-in, other clients get the JSON errors.
  'GET /sign-in': 'public',
  'POST /sign-in': 'public',
  'POST /sign-out': 'member',
  'GET /': 'member',
  'GET /plans': 'member',
  'GET /plans/:id': 'member',
  'GET /plans/:id/export': 'member',
  'GET /actions/:id': 'member',
  'POST /actions/:id/status': 'member',
  'POST /actions/:id/rag': 'member',
  'POST /actions/:id/notes': 'member',
  'POST /actions/:id/evidence': 'member',
  'POST /actions/:id/due-date': 'member',
  'POST /actions/:id/milestones': 'member',
  'POST /actions/:id/milestones/:milestoneId': 'member',
  'POST /actions/:id/evidence/link': 'member',
  'POST /actions/:id/evidence/note': 'member',
  'GET /plans/:id/owners': EDITORS,
  'POST /plans/:id/owners': EDITORS,
  'POST /plans/:id/activate': CHAIR,
  'GET /meetings': 'member',
  'POST /meetings': ['admin', 'board_chair', 'board_member'],
  'GET /meetings/:id': 'member',
  'POST /meetings/:id/agenda': ['admin', 'board_chair', 'board_member'],
  'POST /meetings/:id/attendance': ['admin', 'board_chair', 'board_member'],
  'GET /meetings/:id/decision': ['board_chair', 'board_member'],
  'POST /meetings/:id/decisions': ['board_chair', 'board_member'],
  'POST /meetings/:id/held': ['board_chair', 'board_member'],
  'POST /meetings/:id/cancel': ['admin', 'board_chair'],
  'GET /meetings/:id/close-plan': ['board_chair'],
  'POST /meetings/:id/close-plan': ['board_chair'],
  'GET /meetings/:id/minutes': 'member',
  'POST /meetings/:id/minutes': ['board_chair'],
  'POST /meetings/:id/approve': ['board_chair'],
  'GET /meetings/:id/pack': 'member',
  'GET /meetings/:id/items': ['admin', 'board_chair', 'board_member'],
  'POST /meetings/:id/items': ['admin', 'board_chair', 'board_member'],
  'GET /meetings/:id/items/:itemId': ['admin', 'board_chair', 'board_member'],
  'POST /meetings/:id/items/:itemId': ['admin', 'board_chair', 'board_member'],
  'GET /import': EDITORS,
  'POST /import': EDITORS,
  'GET /trackers': EDITORS,
  'POST /trackers': EDITORS,
  'POST /trackers/import': EDITORS,
  'GET /import/:id': EDITORS,
  'GET /import/:id/findings/:findingId': EDITORS,
  'POST /import/:id/findings/:findingId': EDITORS,
  'POST /import/:id/findings/:findingId/split': EDITORS,
  'POST /import/:id/findings/:findingId/drop': EDITORS,
  'POST /import/:id/merge': EDITORS,
  'POST /import/:id/plan': EDITORS,
  'GET /invitations': 'member',
  'POST /invitations/:id/accept': 'member',
  'GET /councils': 'member',
  'POST /councils': 'member',
  'GET /notifications': 'member',
  'POST /notifications/read-all': 'member',
  'POST /notifications/:id/read': 'member',
  'GET /settings/notifications': 'member',
  'POST /settings/notifications': 'member',
  'POST /settings/notifications/calendar-feed': 'member',
  'POST /settings/notifications/calendar-feed/revoke': 'member',
  'GET /measures': 'member',
  'POST /measures/values': 'member',
  'POST /measures/upload': 'member',
  'GET /measures/import-figures': EDITORS,
  'POST /measures/import-figures': EDITORS,
  'POST /measures/import-figures/import': EDITORS,
  'GET /measures/import-figures/done': EDITORS,
  'POST /measures/owner': EDITORS,
  'GET /reviews': 'member',
  'POST /reviews': ['admin', 'commissioner'],
  'GET /reviews/:id': 'member',
  'GET /reviews/:id/paper': 'member',
  'POST /reviews/:id/judgements': ['commissioner'],
  'POST /reviews/:id/follow-ups': ['commissioner'],
  'POST /reviews/:id/sign-off': ['commissioner'],
  'GET /admin': ['admin'],
  'GET /admin/users': ['admin'],
  'GET /admin/users/new': ['admin'],
  'POST /admin/users': ['admin'],
  'GET /admin/users/:id': ['admin'],
  'POST /admin/users/:id': ['admin'],
  'POST /admin/users/:id/remove': ['admin'],
  'POST /admin/invitations/:id/withdraw': ['admin'],
  'GET /admin/organisations': ['admin'],
  'POST /admin/organisations': ['admin'],
  'GET /admin/boards': ['admin'],
  'POST /admin/boards': ['admin'],
  'POST /admin/boards/:id/members': ['admin'],
  'GET /admin/plans': ['admin'],
  'GET /admin/plans/:id': ['admin'],
  'POST /admin/plans/:id/settings': ['admin'],
  'POST /admin/plans/:id/reminders': ['admin'],
};

const call = (t: TestApp, route: string) => {
  const [method, path] = route.split(' ');
  const url = path.replace(/:\w+/g, () => randomUUID());
  return t.http()[method.toLowerCase() as 'get'](url);
};

describe.each(DB_KINDS)('every route is guarded (%s)', (kind) => {
  let t: TestApp;
  const people = {} as Record<Role, TestUser>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    for (const role of ['admin', 'board_chair', 'board_member', 'manager', 'commissioner', 'viewer'] as Role[])
      people[role] = await newUser(t, authority.id, [role]);
  });
  afterAll(() => t.close());

  it('has a rule for every route, and every rule names a real route', () => {
    const routes = appRoutes(t);
    expect(routes.filter((r) => !(r in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it.each(Object.entries(RULES).filter(([, rule]) => rule !== 'public'))('%s answers 401 without a session', async (route) => {
    const response = await call(t, route);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthenticated');
  });

  it.each(Object.entries(RULES).filter(([, rule]) => Array.isArray(rule)))('%s is allowed and refused by role', async (route, rule) => {
    for (const [role, person] of Object.entries(people)) {
      const response = await call(t, route).set(bearer(person)).send({});
      if ((rule as Role[]).includes(role as Role)) expect([role, response.status]).not.toEqual([role, 403]);
      else expect([role, response.status]).toEqual([role, 403]);
      expect(response.status).not.toBe(401);
    }
  });

  it('audits refused access', async () => {
    await t.get(AnonymousRefusals).flush();
    await t.http().get('/api/v1/plans').expect(401);
    await t.http().post('/api/v1/users').set(bearer(people.viewer)).send({}).expect(403);
    await t.get(AnonymousRefusals).flush();
    const events = await t
      .get(DataSource)
      .manager.find(AuditEvent, { where: [{ event: 'access_refused_unauthenticated' }, { event: 'access_refused_forbidden' }] });
    const named = events.flatMap((e) =>
      (e.event === 'access_refused_forbidden' ? [e.subject] : JSON.parse(e.after!).routes).map((r: string) => `${e.event} ${r}`),
    );
    expect(named).toEqual(expect.arrayContaining(['access_refused_unauthenticated GET /api/v1/plans', 'access_refused_forbidden POST /api/v1/users']));
  });
});
