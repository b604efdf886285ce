import { INestApplicationContext } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '@app/config';
import { ActionService, Actor, AuthorityService, BoardService, Clock, EvidenceService, OrganisationService, PlanService, UserService } from '@app/core';
import { ReportImportService } from '@app/core/imports/report-import.service';
import { addCalendarMonths } from '@app/domain';
import { parseReport } from '@app/importer';
import { seedDemoMeetings } from './demo-meetings';
import { seedReviews } from './demo-reviews';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_AUTHORITY_SLUG = 'demo';
const SAFEGUARDING_KIND = 'inspection_report_safeguarding_and_looked_after_children';

const PEOPLE = [
  { key: 'admin', email: 'admin@demo.example', name: 'Alex Morgan (admin)', roles: ['admin'] },
  { key: 'chair', email: 'chair@demo.example', name: 'Chris Patel (board chair)', roles: ['board_chair'] },
  { key: 'member', email: 'member@demo.example', name: 'Sam Okafor (board member)', roles: ['board_member'] },
  { key: 'manager', email: 'manager@demo.example', name: 'Jo Williams (head of safeguarding)', roles: ['manager'] },
  { key: 'owner', email: 'owner@demo.example', name: 'Priya Shah (team manager)', roles: ['viewer'], manager: 'manager' },
  { key: 'owner2', email: 'owner2@demo.example', name: 'Tom Evans (service manager)', roles: ['viewer'], manager: 'manager' },
  { key: 'health', email: 'health@demo.example', name: 'Dr Ann Lee (designated nurse)', roles: ['viewer'], manager: 'manager', org: 'nhs' },
  { key: 'commissioner', email: 'commissioner@demo.example', name: 'Pat Reid (commissioner)', roles: ['commissioner'] },
] as const;

/**
 * The demo authority: people, a board, the 2012 safeguarding inspection report read by the importer,
 * and an active plan with a realistic spread of progress. The plan starts two months before the day
 * of seeding, so the dashboard shows overdue, due-soon and on-track actions whenever you try it.
 */
export async function seedDemo(app: INestApplicationContext) {
  const authority = await app.get(AuthorityService).create('Demo Council', DEMO_AUTHORITY_SLUG);
  const system: Actor = { userId: 'demo-seed', authorityId: authority.id, roles: ['admin'] };
  const nhs = await app.get(OrganisationService).create(system, 'NHS Demo Primary Care Trust', 'nhs');
  const ids: Record<string, string> = {};
  for (const p of PEOPLE) {
    const person = await app.get(UserService).create(authority.id, {
      email: p.email,
      displayName: p.name,
      password: DEMO_PASSWORD,
      roles: [...p.roles],
      managerId: 'manager' in p ? ids[p.manager] : null,
      organisationId: 'org' in p ? nhs.id : null,
    });
    ids[p.key] = person.id;
  }
  const as = (key: string): Actor => ({ userId: ids[key], authorityId: authority.id, roles: [...PEOPLE.find((p) => p.key === key)!.roles] });
  const board = await app.get(BoardService).create(as('admin'), 'Service Improvement Board', ids.chair, [ids.member, ids.manager, ids.commissioner]);

  const today = app.get(Clock).today();
  const { document, plan } = await app.get(ReportImportService).import(as('member'), demoReport().bytes, {
    createPlan: { boardId: board.id, title: 'Safeguarding and looked after children improvement plan', startDate: addCalendarMonths(today, -2) },
  });
  if (!plan) throw new Error('demo plan was not created');
  // Due dates on a weekend or bank holiday move to the working day before (re-dating the draft's actions).
  const settled = await app.get(PlanService).update(as('admin'), plan.id, { version: plan.version, settings: { moveOffNonWorkingDays: true } });
  // Owners are chosen while the plan is a draft; once it is active, reassigning is the board's decision.
  await assignOwners(
    app,
    as,
    ids,
    nhs.id,
    plan.id,
    document.findings.map((f) => f.ownerOrg),
  );
  // Activating schedules the reminders; the "immediately" actions, a month overdue, are caught up: their
  // owners, their manager and the chair are each told once, by the worker's first run.
  await app.get(PlanService).activate(as('chair'), plan.id, settled.version);
  await progress(app, as, ids, plan.id);
  await seedDemoMeetings(app, as, board.id, plan.id);
  await seedReviews(app, as, ids, plan.id);
  return { authority, planId: plan.id, people: PEOPLE.map((p) => ({ email: p.email, roles: p.roles })) };
}

async function assignOwners(
  app: INestApplicationContext,
  as: (k: string) => Actor,
  ids: Record<string, string>,
  nhsId: string,
  planId: string,
  partners: (string | null)[],
) {
  const actions = app.get(ActionService);
  const { items } = await actions.list(as('member'), { planId, page: 1, pageSize: 100 });
  for (const [i, a] of items.entries()) {
    const partner = partners[Number(a.ref.slice(1)) - 1];
    const owner = partner ? 'health' : i % 2 === 0 ? 'owner' : 'owner2';
    await actions.update(as('member'), a.id, { version: a.version, ownerId: ids[owner], organisationId: partner ? nhsId : null });
  }
}

async function progress(app: INestApplicationContext, as: (k: string) => Actor, ids: Record<string, string>, planId: string) {
  const actions = app.get(ActionService);
  const evidence = app.get(EvidenceService);
  const [first, second, third, fourth, fifth] = (await actions.list(as('member'), { planId, page: 1, pageSize: 100 })).items;
  const owned = (a: { ownerId: string | null }) => as(Object.keys(ids).find((k) => ids[k] === a.ownerId)!);

  let v = (await actions.changeStatus(owned(first), first.id, { version: first.version, status: 'in_progress' })).version;
  await actions.addNote(owned(first), first.id, 'Audit of 40 recent core assessments under way; findings to the next board.');
  await evidence.addNote(
    owned(first),
    first.id,
    'Core assessment audit',
    'All 40 cases audited; 38 completed within timescale. Report filed with the board papers.',
  );
  v = (await actions.changeStatus(owned(first), first.id, { version: v, status: 'completed' })).version;
  await actions.changeStatus(as('chair'), first.id, { version: v, status: 'verified', reason: 'Audit evidence accepted by the board' });

  v = (await actions.changeStatus(owned(second), second.id, { version: second.version, status: 'in_progress' })).version;
  await evidence.addLink(owned(second), second.id, 'Case recording guidance (intranet)', 'https://intranet.demo.example/guidance/case-recording');
  await actions.changeStatus(owned(second), second.id, { version: v, status: 'completed' });

  await actions.changeStatus(owned(third), third.id, {
    version: third.version,
    status: 'blocked',
    reason: 'Waiting for the hospital information system supplier to enable flags',
  });
  const started = await actions.changeStatus(owned(fourth), fourth.id, { version: fourth.version, status: 'in_progress' });
  await actions.update(owned(fourth), fourth.id, { version: started.version, atRisk: true });
  await actions.addNote(owned(fifth), fifth.id, 'Draft protocol shared with partners for comment.');
}

/** The 2012 safeguarding report from the shared fixtures when present, else our own document of that kind. */
export function demoReport(): { file: string; bytes: Buffer } {
  const root = repoRoot();
  const folders = [path.join(root, '..', 'shared', 'fixtures', 'reports'), path.join(root, 'libs', 'importer', 'test-documents')];
  for (const folder of folders.filter((f) => fs.existsSync(f))) {
    for (const name of fs
      .readdirSync(folder)
      .filter((n) => n.endsWith('.txt'))
      .sort()) {
      const file = path.join(folder, name);
      const bytes = fs.readFileSync(file);
      try {
        if (parseReport(bytes.toString('utf8')).kind === SAFEGUARDING_KIND) return { file, bytes };
      } catch {
        // not a report the importer reads; try the next
      }
    }
  }
  throw new Error('No safeguarding inspection report found to build the demo from');
}
