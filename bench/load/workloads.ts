import { SESSION_COOKIE } from '../../apps/api/src/common/auth.guard';
import { Sessions } from '../dataset/browser-sessions';
import { DatasetFixtures, Ref } from '../dataset/generate-dataset';
import { Tokens } from '../dataset/api-tokens';
import { Random } from '../dataset/random';
import { RawDb } from '../servers/raw-db';
import { RequestSpec, StatusToggle } from './load-spec';

export type ScenarioKey = 'my-actions' | 'dashboard' | 'overdue-list' | 'timeline' | 'status-update' | 'progress-note';
export type PageKey =
  'page-my-actions' | 'page-dashboard' | 'page-action' | 'page-notifications' | 'page-meeting' | 'page-review' | 'page-meetings' | 'page-reviews';

export interface Workload {
  key: ScenarioKey | PageKey;
  label: string;
  write: boolean;
  requests?: RequestSpec[];
  toggles?: StatusToggle[];
  /** A web page: only a 200 answer with HTML counts as a success. */
  html?: boolean;
}

const shuffled = <T>(items: T[], seed: number) => {
  const random = new Random(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const k = random.int(0, i);
    [copy[i], copy[k]] = [copy[k], copy[i]];
  }
  return copy;
};

/** The requests of each benchmarked route, spread over councils, people, plans and actions. */
export function buildWorkloads(fixtures: DatasetFixtures, tokens: Tokens): Workload[] {
  const chairOf = new Map(fixtures.chairs.map((c) => [c.authorityId, tokens.get(c.userId)!]));
  const get = (path: string, token: string): RequestSpec => ({ method: 'GET', path, token });
  return [
    {
      key: 'my-actions',
      label: 'GET /me/actions',
      write: false,
      requests: shuffled(
        fixtures.tokenOwners.map((o) => get('/api/v1/me/actions', tokens.get(o.userId)!)),
        1,
      ),
    },
    {
      key: 'dashboard',
      label: 'GET /plans/:id/dashboard',
      write: false,
      requests: shuffled(
        fixtures.activePlans.map((p) => get(`/api/v1/plans/${p.id}/dashboard`, chairOf.get(p.authorityId)!)),
        2,
      ),
    },
    {
      key: 'overdue-list',
      label: 'GET /actions?overdue&ownerId',
      write: false,
      requests: shuffled(
        fixtures.tokenOwners.map((o) => get(`/api/v1/actions?overdue=true&ownerId=${o.userId}`, chairOf.get(o.authorityId)!)),
        3,
      ),
    },
    {
      key: 'timeline',
      label: 'GET /actions/:id/timeline',
      write: false,
      requests: shuffled(
        fixtures.timelineActions.map((a) => get(`/api/v1/actions/${a.id}/timeline`, chairOf.get(a.authorityId)!)),
        4,
      ),
    },
    {
      key: 'status-update',
      label: 'POST /actions/:id/status',
      write: true,
      toggles: shuffled(
        fixtures.writableActions.map((a) => ({ id: a.id, token: tokens.get(a.ownerId)!, version: a.version, status: a.status })),
        5,
      ),
    },
    {
      key: 'progress-note',
      label: 'POST /actions/:id/notes',
      write: true,
      requests: shuffled(
        fixtures.writableActions.map((a) => ({
          method: 'POST' as const,
          path: `/api/v1/actions/${a.id}/notes`,
          token: tokens.get(a.ownerId)!,
          body: JSON.stringify({ body: 'Bench: evidence of progress reviewed with the team manager this week.' }),
        })),
        6,
      ),
    },
  ];
}

/**
 * The main web pages, each requested by someone signed in through the sign-in page (a session cookie), with no query: the filters' defaults.
 * The chair reads a plan's board meeting (the latest held), its review (this quarter's draft), and both lists.
 */
export function buildPageWorkloads(fixtures: DatasetFixtures, sessions: Sessions): Workload[] {
  const page = (path: string, userId: string): RequestSpec => ({ method: 'GET', path, cookie: `${SESSION_COOKIE}=${sessions.get(userId)}` });
  const owners = fixtures.tokenOwners.filter((o) => sessions.has(o.userId));
  const chairs = fixtures.chairs.filter((c) => sessions.has(c.userId));
  const chairOf = new Map(chairs.map((c) => [c.authorityId, c.userId]));
  const asChair = (items: Ref[], path: (id: string) => string) =>
    items.filter((r) => chairOf.has(r.authorityId)).map((r) => page(path(r.id), chairOf.get(r.authorityId)!));
  const pageWorkload = (key: PageKey, label: string, requests: RequestSpec[], seed: number): Workload => ({
    key,
    label,
    write: false,
    html: true,
    requests: shuffled(requests, seed),
  });
  return [
    pageWorkload(
      'page-my-actions',
      'My actions (GET /)',
      owners.map((o) => page('/', o.userId)),
      11,
    ),
    pageWorkload(
      'page-dashboard',
      'Plan dashboard (GET /plans/:id)',
      asChair(fixtures.activePlans, (id) => `/plans/${id}`),
      12,
    ),
    pageWorkload(
      'page-action',
      'Action (GET /actions/:id)',
      asChair(fixtures.timelineActions, (id) => `/actions/${id}`),
      13,
    ),
    pageWorkload(
      'page-notifications',
      'Notifications (GET /notifications)',
      owners.map((o) => page('/notifications', o.userId)),
      14,
    ),
    pageWorkload(
      'page-meeting',
      'Board meeting (GET /meetings/:id)',
      asChair(fixtures.heldMeetings, (id) => `/meetings/${id}`),
      15,
    ),
    pageWorkload(
      'page-review',
      'Quarterly review (GET /reviews/:id)',
      asChair(fixtures.draftReviews, (id) => `/reviews/${id}`),
      16,
    ),
    pageWorkload(
      'page-meetings',
      'Board meetings (GET /meetings)',
      chairs.map((c) => page('/meetings', c.userId)),
      17,
    ),
    pageWorkload(
      'page-reviews',
      'Quarterly reviews (GET /reviews)',
      chairs.map((c) => page('/reviews', c.userId)),
      18,
    ),
  ];
}

/** The read routes interleaved, for comparing database settings on a mixed read load. */
export function readMix(workloads: Workload[]): RequestSpec[] {
  const reads = workloads.filter((w) => !w.write).map((w) => w.requests!);
  const longest = Math.max(...reads.map((r) => r.length));
  const mix: RequestSpec[] = [];
  for (let i = 0; i < longest; i++) for (const r of reads) mix.push(r[i % r.length]);
  return mix;
}

/** Re-reads the versions and statuses of the toggled actions, since every run moves them on. */
export async function refreshToggles(db: RawDb, toggles: StatusToggle[]): Promise<StatusToggle[]> {
  const current = new Map<string, { version: number; status: string }>();
  for (let i = 0; i < toggles.length; i += 500) {
    const slice = toggles.slice(i, i + 500);
    const params = Object.fromEntries(slice.map((t, k) => [`id${k}`, t.id]));
    const rows = await db.all(`SELECT "id", "version", "status" FROM "action" WHERE "id" IN (${slice.map((_, k) => `:id${k}`).join(', ')})`, params);
    for (const r of rows) current.set(r.id as string, { version: Number(r.version), status: r.status as string });
  }
  return toggles.flatMap((t) => {
    const now = current.get(t.id);
    return now && (now.status === 'not_started' || now.status === 'in_progress') ? [{ ...t, version: now.version, status: now.status }] : [];
  });
}
