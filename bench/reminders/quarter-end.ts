// A national quarter-end: every council's reminders for the quarter's last day fall due in the same minute, on a digest Monday.
import { TestingModule } from '@nestjs/testing';
import { DataSource, In } from 'typeorm';
import { newId } from '@app/core/ids';
import { Action, Authority, Board, insertMany, Membership, Plan, User } from '@app/database';
import { actionRow } from '@app/testing/plan-rows';
import { untilSent } from './until-sent';
import { DigestPlanner, isDigestKind, NotificationSettings, Reminder, ReminderPlanSettings, RemindersService, withDefaults } from '@app/reminders';

/** The full case and the CI smoke. */
export const QUARTER_END_SIZES = {
  full: { reminders: 100_000, councils: 150 },
  quick: { reminders: 2_000, councils: 10 },
};

/** As in the main bench's data set: one owner per ~40 actions, one manager per eight owners, plans of at most 200 actions. */
const ACTIONS_PER_OWNER = 40;
const OWNERS_PER_MANAGER = 8;
const ACTIONS_PER_PLAN = 200;
/** Where the rows wait (their actions are due then) until the bench moves them all to the same instant. */
const PARKED_AT = '2099-01-01T08:00:00.000Z';

export interface QuarterEndResult {
  councils: number;
  /** One per action, due on its due date. */
  actionReminders: number;
  /** Monday digests of the same people (owners, and managers of others' actions), due at the same instant. */
  digests: number;
  /** Rows not sent (skipped or cancelled): expected 0. */
  notSent: number;
  /** How long before the instant they fell due the bench moved them there and started the worker, which queues them as it starts. */
  leadSeconds: number;
  /** The worker's start-up, queueing every row included: it must end before the instant, or the lateness includes it. */
  workerStartSeconds: number;
  readyBeforeDue: boolean;
  /**
   * CPU time of this process (the worker runs in it, with SQLite's own work) from the worker's start to
   * the last row sent: on a busy machine the drain waits for a core, and this is what it needed of one.
   */
  workerCpuSeconds: number;
  scheduleSeconds: number;
  /** From the instant they fell due to the last one sent. */
  drainSeconds: number;
  perSecond: number;
  lateness: { p50Ms: number; p99Ms: number; maxMs: number };
  digestLateness: { p50Ms: number; p99Ms: number; maxMs: number };
}

/**
 * The bench's own fixture, not timed: `councils` councils with owners, managers, a chair and an
 * admin, active plans whose rules send one reminder on the due date and the Monday digest, and
 * `reminders` open actions spread evenly over them, made a month ago (a digest lists only actions
 * that existed when it fell due). Everyone has email switched off: this measures in-app delivery.
 */
async function nationalFixture(db: DataSource, reminders: number, councils: number): Promise<{ authorityIds: string[]; actions: Action[] }> {
  const now = new Date().toISOString();
  const made = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const run = newId().slice(-8);
  const authorityIds: string[] = [];
  const actions: Action[] = [];
  const rows = { authorities: [] as Authority[], users: [] as User[], memberships: [] as Membership[], boards: [] as Board[], plans: [] as Plan[] };
  const settings: ReminderPlanSettings[] = [];
  const prefs: NotificationSettings[] = [];
  const rules = { ...withDefaults({}), beforeDays: [], overdueOwnerDays: null, managerAfterDays: null, chairAfterDays: null, weeklyDigest: true };
  for (let c = 0; c < councils; c++) {
    const authorityId = newId();
    const count = Math.floor(reminders / councils) + (c < reminders % councils ? 1 : 0);
    rows.authorities.push({ id: authorityId, name: `Quarter-end Council ${c + 1}`, slug: `qe-${run}-${c + 1}`, createdAt: made });
    const person = (role: string, i: number, managerId: string | null, roles: Membership['roles'] = []) => {
      const id = newId();
      rows.users.push({
        id,
        email: `${role}-${i}.${c + 1}.${run}@quarter-end.test`,
        displayName: `${role} ${i}`,
        passwordHash: 'x',
        active: true,
        createdAt: made,
      });
      rows.memberships.push({ id: newId(), authorityId, userId: id, roles, managerId, organisationId: null, active: true, createdAt: made });
      prefs.push({
        id: newId(),
        authorityId,
        userId: id,
        updatedAt: now,
        digestOnly: false,
        onLeave: false,
        leaveUntil: null,
        delegateId: null,
        email: { before_due: false, due_today: false, overdue: false, escalation: false, digest: false },
      });
      return id;
    };
    const chair = person('chair', 1, null, ['board_chair']);
    person('admin', 1, null, ['admin']);
    const ownerCount = Math.max(1, Math.ceil(count / ACTIONS_PER_OWNER));
    const managers = Array.from({ length: Math.ceil(ownerCount / OWNERS_PER_MANAGER) }, (_, i) => person('manager', i + 1, null, ['manager']));
    const managerOf = new Map<string, string>();
    const owners = Array.from({ length: ownerCount }, (_, i) => {
      const id = person('owner', i + 1, managers[Math.floor(i / OWNERS_PER_MANAGER)]);
      managerOf.set(id, managers[Math.floor(i / OWNERS_PER_MANAGER)]);
      return id;
    });
    const boardId = newId();
    rows.boards.push({ id: boardId, authorityId, name: 'Improvement Board', chairId: chair, createdAt: made });
    const planIds = Array.from({ length: Math.max(1, Math.ceil(count / ACTIONS_PER_PLAN)) }, (_, p) => {
      const id = newId();
      rows.plans.push({
        id,
        authorityId,
        boardId,
        title: `Improvement Plan ${p + 1}`,
        status: 'active',
        startDate: '2026-01-05',
        immediateWindowDays: 28,
        defaultHorizonMonths: 12,
        warningWindowDays: 14,
        moveOffNonWorkingDays: false,
        predecessorId: null,
        version: 1,
        createdAt: made,
        updatedAt: made,
      });
      settings.push({ id: newId(), authorityId, planId: id, updatedAt: now, rules });
      return id;
    });
    for (let i = 0; i < count; i++) {
      const ownerId = owners[i % ownerCount];
      actions.push(
        actionRow(
          {
            ...{ id: newId(), authorityId, planId: planIds[Math.floor(i / ACTIONS_PER_PLAN)], ref: `Q${i + 1}`, title: `Quarter-end action ${i + 1}` },
            ...{ ownerId, managerId: managerOf.get(ownerId)!, dueDate: PARKED_AT.slice(0, 10), warnFrom: '2098-12-18' },
          },
          made,
        ),
      );
    }
    authorityIds.push(authorityId);
  }
  // Earlier runs' plans are over: only this national case's actions are in active plans.
  await db.query(`UPDATE "improvement_plan" SET "status" = 'closed'`);
  await db.transaction(async (tx) => {
    await insertMany(tx, Authority, rows.authorities);
    await insertMany(tx, User, rows.users);
    await insertMany(tx, Membership, rows.memberships);
    await insertMany(tx, Board, rows.boards);
    await insertMany(tx, Plan, rows.plans);
    await insertMany(tx, ReminderPlanSettings, settings);
    await insertMany(tx, NotificationSettings, prefs);
    await insertMany(tx, Action, actions);
  });
  return { authorityIds, actions };
}

const percentiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0);
  return { p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted.length ? sorted[sorted.length - 1] : 0 };
};

/**
 * The fixture's actions, scheduled by the product (timed). The actions are not kept: the worker runs in this
 * process, and they were still live on its heap at the instant, as they would not be in a worker process of
 * its own (with `--only quarter-end`, 137 MB live then, against 40 MB without).
 */
async function scheduledFixture(api: TestingModule, size: { reminders: number; councils: number }) {
  const { authorityIds, actions } = await nationalFixture(api.get(DataSource), size.reminders, size.councils);
  const started = process.hrtime.bigint();
  await api.get(RemindersService).scheduleActions(actions);
  return { authorityIds, scheduleSeconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * The national quarter-end: `size.reminders` actions' reminders and their owners' and managers'
 * Monday digests, in `size.councils` councils, all due at one instant, delivered by a worker that has
 * started and queued them before the instant (in production its reconciler queues rows a minute ahead). Timed: scheduling, and
 * lateness (sentAt - dueAt) of every row. `startWorker` starts a worker; its reconciler should run at the
 * product's cadence, as each run scans every queued row (84 ms at 100,000 on SQLite here).
 */
export async function quarterEndRun(
  api: TestingModule,
  size: { reminders: number; councils: number },
  startWorker: () => Promise<TestingModule>,
  leadSeconds: number,
): Promise<QuarterEndResult> {
  const db = api.get(DataSource);
  const { authorityIds, scheduleSeconds } = await scheduledFixture(api, size);
  // This week's Monday digests, planned by the product; they wait with the rest until the instant.
  await api.get(DigestPlanner).planDigests(new Date(), { force: true });
  const mine = { authorityId: In(authorityIds) };
  // The instant, on a whole second, far enough ahead for the worker to start and queue every row first. Moved
  // before the worker starts: on SQLite a write from this process while an in-process worker holds the lock would wait on itself.
  const dueAt = new Date(Math.ceil((Date.now() + leadSeconds * 1000) / 1000) * 1000).toISOString();
  await db.transaction((tx) => tx.update(Reminder, { ...mine, state: 'pending' }, { dueAt, runAt: dueAt }));
  const starting = process.hrtime.bigint();
  const cpuFrom = process.cpuUsage();
  const worker = await startWorker();
  const workerStartSeconds = Number(process.hrtime.bigint() - starting) / 1e9;
  const readyBeforeDue = Date.now() < Date.parse(dueAt);
  let cpu: NodeJS.CpuUsage | undefined;
  try {
    await untilSent(db, authorityIds);
    cpu = process.cpuUsage(cpuFrom);
  } finally {
    await worker.close();
  }
  const rows = await db.manager.find(Reminder, { where: mine, select: { id: true, kind: true, state: true, dueAt: true, sentAt: true } });
  const sent = rows.filter((r) => r.state === 'sent' && r.sentAt);
  const late = (r: Reminder) => Date.parse(r.sentAt!) - Date.parse(r.dueAt);
  const lateness = percentiles(sent.map(late));
  const drainSeconds = lateness.maxMs / 1000;
  return {
    councils: size.councils,
    actionReminders: rows.filter((r) => !isDigestKind(r.kind)).length,
    digests: rows.filter((r) => isDigestKind(r.kind)).length,
    notSent: rows.length - sent.length,
    leadSeconds,
    workerStartSeconds,
    readyBeforeDue,
    workerCpuSeconds: cpu ? Math.round((cpu.user + cpu.system) / 1e4) / 100 : 0,
    scheduleSeconds,
    drainSeconds,
    perSecond: drainSeconds > 0 ? sent.length / drainSeconds : 0,
    lateness,
    digestLateness: percentiles(sent.filter((r) => isDigestKind(r.kind)).map(late)),
  };
}
