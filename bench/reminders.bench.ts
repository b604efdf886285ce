// Reminders speed, side by side with raw BullMQ and raw nodemailer on the same Redis and SMTP server.
import 'reflect-metadata';
import { Test, TestingModule } from '@nestjs/testing';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as os from 'node:os';
import * as path from 'node:path';
import * as nodemailer from 'nodemailer';
import { DataSource } from 'typeorm';
import { WorkerBootstrap } from '../apps/worker/src/worker-bootstrap';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { ReminderProcessor } from '../apps/worker/src/reminder.processor';
import { AppConfig } from '@app/config';
import { Action, insertMany } from '@app/database';
import { redisConnection } from '@app/queue';
import { NotificationSettings, OutboxEmail, reminderMessageId, Reminder, ReminderPlanSettings, RemindersService } from '@app/reminders';
import { actionRow } from '@app/testing/plan-rows';
import { activePlan, createTestDatabase, DbKind, remindersTestModule, seedWorld, SmtpSink, testConfig, World } from '@app/testing/reminders-test-kit';
import { QUARTER_END_SIZES, QuarterEndResult, quarterEndRun } from './reminders/quarter-end';
import { untilSent, WakeWhen } from './reminders/until-sent';
import { inTurn, roundsFor } from './suite/in-turn';

/** Where the time went: scheduling the rows, then a worker starting and delivering them. */
export interface Phases {
  scheduleSeconds: number;
  deliverSeconds: number;
  /**
   * CPU of this process (the product's scheduler, its worker, the bench's polling and, for email,
   * the SMTP server) per reminder, in ms, for each phase. The database's own work on PostgreSQL is
   * in its server processes and not counted.
   */
  scheduleCpuMsPerReminder: number;
  deliverCpuMsPerReminder: number;
}

export interface RemindersBenchResult {
  actions: number;
  database: DbKind;
  quick: boolean;
  /** The machine's load average (1, 5, 15 min) when the bench started and ended: others' work skews the figures. */
  loadAverage: { atStart: number[]; atEnd: number[] };
  /**
   * `actions` reminders in each of `rounds` rounds taken in turn with raw (suite/in-turn.ts; absent in results
   * from before the rounds, which ran once), summed: the phases' seconds are the rounds' total. `rawCpuMsPerReminder`: this
   * process's CPU per job or message of the raw runs (its Redis and SMTP server work included).
   */
  inApp?: { rounds?: number; roundRatios?: number[]; perSecond: number; rawBullmqPerSecond: number; ratio: number; rawCpuMsPerReminder: number } & Phases;
  /**
   * `messages` in each of `rounds` rounds, as for `inApp` (email had rounds first). `received`: the
   * messages the SMTP server took from each side (a message sent twice counts twice).
   */
  email?: {
    messages: number;
    rounds?: number;
    roundRatios?: number[];
    perSecond: number;
    rawNodemailerPerSecond: number;
    ratio: number;
    rawCpuMsPerReminder: number;
    received: { ours: number; raw: number };
  } & Phases;
  lateness?: { reminders: number; p50Ms: number; p99Ms: number };
  /** 100,000 due in the same minute across 150 councils, digests included (2,000 across 10 with `quick`). */
  quarterEnd?: QuarterEndResult;
}

/** The parts of the bench: in-app and email against raw, with the 10,000-at-once lateness; and the national quarter-end. */
export type RemindersBenchPart = 'ratios' | 'quarter-end';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CONCURRENCY = 16;
const loadAverage = () => os.loadavg().map((v) => Math.round(v * 100) / 100);

export async function runRemindersBench(opts: {
  actions: number;
  database?: DbKind;
  quick?: boolean;
  parts?: RemindersBenchPart[];
}): Promise<RemindersBenchResult> {
  const kind: DbKind = opts.database ?? (process.env.DATABASE_URL ? 'postgres' : 'sqlite');
  const quick = opts.quick ?? false;
  const parts = opts.parts ?? ['ratios', 'quarter-end'];
  const atStart = loadAverage();
  const prefix = `it-bench-${randomUUID().slice(0, 8)}`;
  const created = await createTestDatabase(kind);
  const sink = new SmtpSink({ keep: false });
  await sink.start();
  const config = testConfig(created.config, { REDIS_URL });
  const api = await remindersTestModule(config);
  try {
    const db = api.get(DataSource);
    const ratios = parts.includes('ratios') ? await ratiosRun(api, db, config, prefix, opts.actions, sink, quick) : {};
    const quarterEnd = parts.includes('quarter-end')
      ? await quarterEndRun(api, quick ? QUARTER_END_SIZES.quick : QUARTER_END_SIZES.full, () => worker(config, prefix), quick ? 10 : 30)
      : undefined;
    return { actions: opts.actions, database: kind, quick, loadAverage: { atStart, atEnd: loadAverage() }, ...ratios, ...(quarterEnd ? { quarterEnd } : {}) };
  } finally {
    await api.close();
    await sink.stop();
    await wipe(prefix);
    await created.drop();
  }
}

/** In-app delivery against raw BullMQ, email against raw nodemailer, and the lateness of up to 10,000 due at once. */
async function ratiosRun(api: TestingModule, db: DataSource, config: AppConfig, prefix: string, actions: number, sink: SmtpSink, quick: boolean) {
  const rounds = quick ? roundsFor(quick) : REMINDER_ROUNDS;
  // Both in-app paths warmed before either is timed, as the email paths are below: ours ran first, so it
  // alone paid for compiling the scheduler's, the worker's and BullMQ's code.
  await deliveryRun(api, db, config, prefix, WARM_UP_REMINDERS, true);
  await rawBullmq(prefix, WARM_UP_REMINDERS);
  const inApp = await oursAndRaw(
    rounds,
    () => deliveryRun(api, db, config, prefix, actions, true),
    () => phase('raw-bullmq', () => rawBullmq(prefix, actions)),
  );
  const emails = Math.min(actions, 2000);
  const smtpConfig = { ...config, smtpUrl: `smtp://127.0.0.1:${sink.port}?pool=true&maxConnections=${CONCURRENCY}` };
  // Both email paths warmed before either is timed, as the in-app paths are above. The first run paid for
  // compiling nodemailer's, the SMTP server's and the parser's code (4.8 against 3.0 ms of CPU a message
  // warm); ours still paid alone for its own SMTP path (2.2 against 1.3 ms a message when run again).
  await rawNodemailer(smtpConfig, WARM_UP_MAILS, WARM_UP_MAIL);
  await deliveryRun(api, db, smtpConfig, prefix, WARM_UP_MAILS, false);
  const received = { ours: 0, raw: 0 };
  const counted = async <T>(side: 'ours' | 'raw', run: () => Promise<T>) => {
    const before = sink.received;
    const result = await run();
    received[side] += sink.received - before;
    return result;
  };
  const email = await oursAndRaw(
    rounds,
    () => counted('ours', () => deliveryRun(api, db, smtpConfig, prefix, emails, false)),
    // Raw sends copies of the message ours has just sent, so both send mail of the same size and content.
    async () => {
      const sample = await oneOfOurMails(db);
      return counted('raw', () => phase('raw-nodemailer', () => rawNodemailer(smtpConfig, emails, sample)));
    },
  );
  const lateness = await latenessRun(api, db, config, prefix, Math.min(actions, 10_000));
  const seconds = (p: Phases) => p.scheduleSeconds + p.deliverSeconds;
  const items = { inApp: actions * rounds, email: emails * rounds };
  return {
    inApp: {
      rounds,
      perSecond: items.inApp / seconds(inApp.ours),
      rawBullmqPerSecond: items.inApp / inApp.raw.seconds,
      ratio: inApp.raw.seconds / seconds(inApp.ours),
      rawCpuMsPerReminder: inApp.raw.cpuMs / items.inApp,
      roundRatios: inApp.roundRatios,
      ...inApp.ours,
    },
    email: {
      messages: emails,
      perSecond: items.email / seconds(email.ours),
      rawNodemailerPerSecond: items.email / email.raw.seconds,
      ratio: email.raw.seconds / seconds(email.ours),
      rawCpuMsPerReminder: email.raw.cpuMs / items.email,
      roundRatios: email.roundRatios,
      rounds,
      received,
      ...email.ours,
    },
    lateness,
  };
}

/**
 * Ours and raw in turn (suite/in-turn.ts), summed: the phases' seconds are the rounds' total, their CPU
 * per reminder the rounds' mean. `roundRatios` keeps each round's, to show the spread.
 */
async function oursAndRaw(rounds: number, ours: () => Promise<Phases>, raw: () => Promise<{ seconds: number; cpuMs: number }>) {
  const runs = await inTurn(rounds, ours, raw);
  const sum = (pick: (p: Phases) => number) => runs.first.reduce((n, p) => n + pick(p), 0);
  return {
    ours: {
      scheduleSeconds: sum((p) => p.scheduleSeconds),
      deliverSeconds: sum((p) => p.deliverSeconds),
      scheduleCpuMsPerReminder: sum((p) => p.scheduleCpuMsPerReminder) / rounds,
      deliverCpuMsPerReminder: sum((p) => p.deliverCpuMsPerReminder) / rounds,
    },
    raw: { seconds: runs.second.reduce((n, r) => n + r.seconds, 0), cpuMs: runs.second.reduce((n, r) => n + r.cpuMs, 0) },
    roundRatios: runs.first.map((p, i) => runs.second[i].seconds / (p.scheduleSeconds + p.deliverSeconds)),
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * A phase's wall time and this process's CPU over it. With REMINDERS_CPU_PROFILE=<directory>, a V8
 * CPU profile of the phase is written there as `<label>.cpuprofile` (summarise it with
 * dist/bench/profile/profile-buckets.js); the profiler slows the phase, so its figures are not the bench's.
 */
async function phase(label: string, work: () => Promise<unknown>): Promise<{ seconds: number; cpuMs: number }> {
  const dir = process.env.REMINDERS_CPU_PROFILE;
  const session = dir ? new Session() : null;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session!.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  if (session) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    await post('Profiler.start');
  }
  const cpuFrom = process.cpuUsage();
  const seconds = await timed(work);
  const cpu = process.cpuUsage(cpuFrom);
  if (session) {
    const { profile } = (await post('Profiler.stop')) as { profile: object };
    fs.mkdirSync(dir!, { recursive: true });
    fs.writeFileSync(path.join(dir!, `${label}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
  return { seconds, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** A fresh council whose plan has one reminder per action (on the due date, `dueAt`) and no digest. */
async function world(api: TestingModule, db: DataSource, inAppOnly: boolean): Promise<{ w: World; planId: string }> {
  const now = new Date().toISOString();
  await db.query(`UPDATE "improvement_plan" SET "status" = 'closed'`);
  const w = await seedWorld(db, now);
  const plan = await activePlan(api, w);
  await db.manager.insert(ReminderPlanSettings, {
    id: randomUUID(),
    authorityId: w.authorityId,
    planId: plan.id,
    updatedAt: now,
    rules: { sendTime: '08:00', beforeDays: [], onDueDate: true, overdueOwnerDays: null, managerAfterDays: null, chairAfterDays: null, weeklyDigest: false },
  });
  if (inAppOnly) {
    await db.manager.insert(NotificationSettings, {
      id: randomUUID(),
      authorityId: w.authorityId,
      userId: w.owner.id,
      updatedAt: now,
      digestOnly: false,
      onLeave: false,
      leaveUntil: null,
      delegateId: null,
      email: { before_due: false, due_today: false, overdue: false, escalation: false, digest: false },
    });
  }
  return { w, planId: plan.id };
}

/** The bench's own fixture, not timed: `count` open actions of the plan, inserted in bulk. */
async function newActions(db: DataSource, w: World, planId: string, count: number): Promise<Action[]> {
  const now = new Date().toISOString();
  const actions: Action[] = Array.from({ length: count }, (_, i) =>
    actionRow(
      {
        authorityId: w.authorityId,
        planId,
        ref: `B${i + 1}`,
        title: `Bench action ${i + 1}`,
        ownerId: w.owner.id,
        managerId: w.manager.id,
        dueDate: '2099-01-01',
        warnFrom: '2098-12-18',
      },
      now,
    ),
  );
  await db.transaction((tx) => insertMany(tx, Action, actions));
  return actions;
}

/** Timed: the product schedules the actions' reminder rows. Then, not timed, the bench moves every row to `dueAt`. */
async function scheduled(api: TestingModule, db: DataSource, w: World, actions: Action[], dueAt: string, label: string) {
  const took = await phase(label, () => api.get(RemindersService).scheduleActions(actions));
  await db.manager.update(Reminder, { authorityId: w.authorityId }, { dueAt, runAt: dueAt });
  return took;
}

/**
 * A worker in this process, reconciling at the product's cadence (RECONCILE_EVERY_MS): its start-up
 * reconcile queues every row due within the lookahead, as a worker's does after downtime.
 */
async function worker(config: AppConfig, prefix: string): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot({ config, queuePrefix: prefix })] }).compile();
  await moduleRef.init();
  await moduleRef.get(WorkerBootstrap).start();
  return moduleRef;
}

/** Wakes a wait each time the worker completes a job: a delivery job ends once its rows are recorded. */
const jobsCompleted =
  (moduleRef: TestingModule): WakeWhen =>
  (wake) => {
    const { worker } = moduleRef.get(ReminderProcessor);
    worker.on('completed', wake);
    return () => worker.off('completed', wake);
  };

/**
 * Schedules and delivers `count` reminders. Timed, as raw BullMQ's adding and running of jobs is:
 * scheduling the rows, and a worker starting and delivering them. Not timed: the bench's fixture.
 */
async function deliveryRun(api: TestingModule, db: DataSource, config: AppConfig, prefix: string, count: number, inAppOnly: boolean): Promise<Phases> {
  const { w, planId } = await world(api, db, inAppOnly);
  const label = `${inAppOnly ? 'in-app' : 'email'}-${db.options.type}`;
  const schedule = await scheduled(api, db, w, await newActions(db, w, planId, count), new Date().toISOString(), `${label}-schedule`);
  const deliver = await phase(`${label}-deliver`, async () => {
    const w1 = await worker(config, prefix);
    try {
      await untilSent(db, [w.authorityId], { wakeWhen: jobsCompleted(w1) });
    } finally {
      await w1.close();
    }
  });
  await dropRun(db, w.authorityId);
  return {
    scheduleSeconds: schedule.seconds,
    deliverSeconds: deliver.seconds,
    scheduleCpuMsPerReminder: schedule.cpuMs / count,
    deliverCpuMsPerReminder: deliver.cpuMs / count,
  };
}

/**
 * Not timed: a run's actions, reminders and notifications go once it is measured, so each round starts
 * on tables the size the first did (raw BullMQ's jobs are removed as they complete). Its emails stay:
 * raw nodemailer copies the latest.
 */
async function dropRun(db: DataSource, authorityId: string) {
  for (const table of ['notification', 'reminder', 'action'])
    await db.createQueryBuilder().delete().from(table).where('"authorityId" = :authorityId', { authorityId }).execute();
}

async function rawBullmq(prefix: string, count: number) {
  const connection = redisConnection(REDIS_URL);
  const queue = new Queue('raw-noop', { connection, prefix });
  let done = 0;
  const finished = new Promise<void>((resolve) => {
    const w = new Worker('raw-noop', async () => undefined, { connection, prefix, concurrency: CONCURRENCY });
    w.on('completed', () => {
      if (++done === count) void w.close().then(resolve);
    });
  });
  for (let i = 0; i < count; i += 1000) {
    await queue.addBulk(Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({ name: 'noop', data: { i: i + j }, opts: { removeOnComplete: true } })));
  }
  await finished;
  await queue.close();
}

/** One reminder email as we sent it, so raw nodemailer sends messages of the same size and content. */
async function oneOfOurMails(db: DataSource): Promise<OutboxEmail> {
  const mail = await db.manager.findOne(OutboxEmail, { where: { transport: 'smtp' }, order: { createdAt: 'DESC' } });
  if (!mail) throw new Error('The email run sent nothing');
  return mail;
}

/**
 * Rounds of reminders, more than the routes' three: a round is two or three seconds, and in one of
 * them on this machine everything (nodemailer's own header building, the SMTP server's parsing) ran
 * at two thirds of its speed, taking that round's ratio from 0.83 to 0.52. Five rounds weigh such a
 * moment less; the ratio is still the rounds' total time, and each round's is shown.
 */
const REMINDER_ROUNDS = 5;

/** Reminders delivered, untimed, to warm the in-app path (ours and raw BullMQ) before its timed runs. */
const WARM_UP_REMINDERS = 200;
/** The same for email, ours and raw nodemailer: 200 left ours at 1.9 ms of CPU a message, against 1.3 once run in full. */
const WARM_UP_MAILS = 1000;

/** A message of about a reminder's size, to warm the SMTP path with. */
const WARM_UP_MAIL = {
  toAddress: 'warm-up@tracker.test',
  subject: '[Improvement Tracker] Warming up',
  textBody: 'Dear reader,\n\nNothing is due.\n'.repeat(12),
  htmlBody: `<p>Dear reader,</p><p>${'Nothing is due. '.repeat(30)}</p>`,
};

/** Sends `count` copies of `mail` with the headers ours sets: the configured From (a display name and address) and a Message-ID each. */
async function rawNodemailer(config: AppConfig, count: number, mail: Pick<OutboxEmail, 'toAddress' | 'subject' | 'textBody' | 'htmlBody'>) {
  const transport = nodemailer.createTransport(config.smtpUrl!);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      next++;
      const messageId = reminderMessageId(randomUUID(), config.publicUrl);
      await transport.sendMail({ from: config.mailFrom, to: mail.toAddress, subject: mail.subject, text: mail.textBody, html: mail.htmlBody, messageId });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  transport.close();
}

/** N reminders due in the same instant a few seconds ahead, delivered by a running worker: lateness = sentAt - dueAt. */
async function latenessRun(api: TestingModule, db: DataSource, config: AppConfig, prefix: string, count: number) {
  const { w, planId } = await world(api, db, true);
  const actions = await newActions(db, w, planId, count);
  const dueAt = new Date(Date.now() + 5_000).toISOString();
  await scheduled(api, db, w, actions, dueAt, `lateness-${db.options.type}-schedule`);
  const w1 = await worker(config, prefix);
  try {
    await untilSent(db, [w.authorityId]);
  } finally {
    await w1.close();
  }
  const rows = await db.manager.find(Reminder, { where: { authorityId: w.authorityId }, select: { id: true, dueAt: true, sentAt: true } });
  const late = rows.map((r) => Date.parse(r.sentAt!) - Date.parse(r.dueAt));
  late.sort((a, b) => a - b);
  const pct = (p: number) => late[Math.min(late.length - 1, Math.floor((p / 100) * late.length))];
  return { reminders: count, p50Ms: pct(50), p99Ms: pct(99) };
}

async function wipe(prefix: string) {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}

export function printRemindersBench(r: RemindersBenchResult): void {
  const f = (n: number) => n.toFixed(n < 10 ? 2 : 0);
  const each = (ratios?: number[]) => (ratios ?? []).map(f).join(' ');
  const cpu = (p: Phases) => `${p.scheduleCpuMsPerReminder.toFixed(3)} / ${p.deliverCpuMsPerReminder.toFixed(3)}`;
  const rows: Record<string, string>[] = [];
  if (r.inApp && r.email && r.lateness) {
    rows.push(
      {
        measure: `in-app reminders/s (${r.actions} × ${r.inApp.rounds ?? 1}, ${r.database})`,
        ours: f(r.inApp.perSecond),
        raw: f(r.inApp.rawBullmqPerSecond),
        ratio: f(r.inApp.ratio),
        aim: '>= 0.75',
      },
      { measure: '  each round', ours: '', raw: '', ratio: each(r.inApp.roundRatios), aim: '' },
      { measure: '  of which schedule / deliver s', ours: `${f(r.inApp.scheduleSeconds)} / ${f(r.inApp.deliverSeconds)}`, raw: '', ratio: '', aim: '' },
      { measure: '  CPU ms per reminder, schedule / deliver', ours: cpu(r.inApp), raw: r.inApp.rawCpuMsPerReminder.toFixed(3), ratio: '', aim: '' },
      {
        measure: `email reminders/s (${r.email.messages} × ${r.email.rounds ?? 1})`,
        ours: f(r.email.perSecond),
        raw: f(r.email.rawNodemailerPerSecond),
        ratio: f(r.email.ratio),
        aim: '>= 0.75',
      },
      { measure: '  each round', ours: '', raw: '', ratio: each(r.email.roundRatios), aim: '' },
      { measure: '  of which schedule / deliver s', ours: `${f(r.email.scheduleSeconds)} / ${f(r.email.deliverSeconds)}`, raw: '', ratio: '', aim: '' },
      { measure: '  CPU ms per reminder, schedule / deliver', ours: cpu(r.email), raw: r.email.rawCpuMsPerReminder.toFixed(3), ratio: '', aim: '' },
      { measure: '  messages the SMTP server received', ours: String(r.email.received.ours), raw: String(r.email.received.raw), ratio: '', aim: '' },
      {
        measure: `lateness p50 / p99 ms (${r.lateness.reminders} due at once)`,
        ours: `${r.lateness.p50Ms} / ${r.lateness.p99Ms}`,
        raw: '',
        ratio: '',
        aim: 'p99 < 60000',
      },
    );
  }
  const q = r.quarterEnd;
  if (q) {
    const what = `${q.actionReminders} + ${q.digests} digests, ${q.councils} councils`;
    rows.push(
      {
        measure: `quarter-end lateness p50 / p99 / max ms (${what})`,
        ours: `${q.lateness.p50Ms} / ${q.lateness.p99Ms} / ${q.lateness.maxMs}`,
        raw: '',
        ratio: '',
        aim: 'p99 < 15000',
      },
      {
        measure: '  digests only: p50 / p99 / max ms',
        ours: `${q.digestLateness.p50Ms} / ${q.digestLateness.p99Ms} / ${q.digestLateness.maxMs}`,
        raw: '',
        ratio: '',
        aim: '',
      },
      { measure: '  delivered/s after the instant (not sent)', ours: `${f(q.perSecond)} (${q.notSent})`, raw: '', ratio: '', aim: '' },
      { measure: '  CPU s of the worker process, start to last sent', ours: f(q.workerCpuSeconds), raw: '', ratio: '', aim: '' },
      {
        measure: '  schedule s; worker start s, of the lead s (ready in time)',
        ours: `${f(q.scheduleSeconds)}; ${f(q.workerStartSeconds)} of ${q.leadSeconds} (${q.readyBeforeDue ? 'yes' : 'NO'})`,
        raw: '',
        ratio: '',
        aim: '',
      },
    );
  }
  console.table(rows);
  console.log(`load average ${r.loadAverage.atStart.join(' ')} at the start, ${r.loadAverage.atEnd.join(' ')} at the end`);
}

const USAGE = 'node dist/bench/reminders.bench.js [actions, default 100000] [--quick] [--only ratios|quarter-end]';

if (require.main === module) {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const count = args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--only');
  if ((only && only !== 'ratios' && only !== 'quarter-end') || args.some((a) => a.startsWith('--') && a !== '--quick' && a !== '--only')) {
    console.error(`Usage: ${USAGE}`);
    process.exit(2);
  }
  runRemindersBench({ actions: Number(count ?? 100_000), quick: args.includes('--quick'), parts: only ? [only as RemindersBenchPart] : undefined })
    .then(printRemindersBench)
    .then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
}
