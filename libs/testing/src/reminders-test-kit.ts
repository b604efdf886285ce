// Helpers for the reminders integration tests: real databases, a real SMTP server, small factories.
// The reminders bench builds its world with these too, so the build sees jest's globals (useRemindersModule) by type only.
/// <reference types="jest" />
import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigModule, DatabaseConfig, loadConfig } from '@app/config';
import { ActionService, Actor, Clock, PlanService } from '@app/core';
import type { Role } from '@app/domain';
import { Action, Authority, Board, Membership, Plan, User } from '@app/database';
import { Reminder, ReminderSettingsService, RemindersModule, RemindersService } from '@app/reminders';
import { actionRow } from './plan-rows';
import { createTestDatabase, DbKind } from './test-database';

// One definition of the test databases for every suite, so TEST_DATABASES narrows these too.
export { createTestDatabase, DB_KINDS } from './test-database';
export type { DbKind } from './test-database';

export function testConfig(database: DatabaseConfig, env: Record<string, string> = {}): AppConfig {
  return { ...loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://tracker.test', ...env }), database };
}

export async function remindersTestModule(config: AppConfig): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), RemindersModule.forApp()] }).compile();
  return moduleRef.init();
}

/**
 * For the enclosing suite: the reminders module on a fresh, migrated database of the kind, started before its
 * tests and closed, with the database dropped, after them. Read the fields once the suite has started.
 */
export function useRemindersModule(kind: DbKind, env: Record<string, string> = {}): { readonly moduleRef: TestingModule; readonly db: DataSource } {
  let moduleRef: TestingModule | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createTestDatabase(kind);
    drop = created.drop;
    moduleRef = await remindersTestModule(testConfig(created.config, env));
  });
  afterAll(async () => {
    await moduleRef?.close();
    await drop?.();
  });
  return {
    get moduleRef() {
      return moduleRef!;
    },
    get db() {
      return moduleRef!.get(DataSource);
    },
  };
}

/**
 * An SMTP server inside the test that receives and parses every message; can be stopped and restarted on its port.
 * With `keep: false` it keeps none and only counts them (still parsing each): a bench sending thousands would
 * otherwise hold every parsed message on its heap.
 */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  /** Messages received in full, kept or not. */
  received = 0;
  private server: SMTPServer | null = null;
  port = 0;

  constructor(private readonly options: { keep: boolean } = { keep: true }) {}

  async start(): Promise<number> {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then((mail) => {
          this.received++;
          if (this.options.keep) this.messages.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => [m.to].flat().some((t) => t?.text.includes(address)));
  }
}

export interface World {
  authorityId: string;
  admin: Actor;
  owner: User;
  manager: User;
  chair: User;
  delegate: User;
  bystander: User;
  boardId: string;
}

/** One council with an owner, their line manager, a board chair, a delegate and someone with nothing to do. */
export async function seedWorld(db: DataSource, now: string): Promise<World> {
  const authorityId = randomUUID();
  await db.manager.insert(Authority, { id: authorityId, name: 'Test Council', slug: `test-${authorityId.slice(0, 8)}`, createdAt: now });
  const person = async (name: string, managerId: string | null = null, roles: Role[] = []) => {
    const user: User = {
      id: randomUUID(),
      email: `${name}.${authorityId.slice(0, 6)}@council.test`,
      displayName: name,
      passwordHash: 'x',
      active: true,
      createdAt: now,
    };
    await db.manager.insert(User, user);
    await db.manager.insert(Membership, { id: randomUUID(), authorityId, userId: user.id, roles, managerId, organisationId: null, createdAt: now });
    return user;
  };
  const adminUser = await person('admin', null, ['admin']);
  const manager = await person('manager', null, ['manager']);
  const owner = await person('owner', manager.id);
  const chair = await person('chair', null, ['board_chair']);
  const delegate = await person('delegate', manager.id);
  const bystander = await person('bystander', manager.id);
  const boardId = randomUUID();
  await db.manager.insert(Board, { id: boardId, authorityId, name: 'Improvement Board', chairId: chair.id, createdAt: now });
  return { authorityId, admin: { userId: adminUser.id, authorityId, roles: ['admin'] }, owner, manager, chair, delegate, bystander, boardId };
}

/**
 * A new council for the next test, the clock at `now`: the reminders, notifications and emails of earlier tests are
 * deleted and every earlier plan closed, so earlier councils send nothing more.
 */
export async function freshWorld(moduleRef: TestingModule, now: string): Promise<World> {
  const db = moduleRef.get(DataSource);
  for (const table of ['notification', 'outbox_email', 'reminder']) await db.query(`DELETE FROM "${table}"`);
  await db.query(`UPDATE "improvement_plan" SET "status" = 'closed'`);
  setClock(moduleRef, now);
  return seedWorld(db, now);
}

/** An active plan (through the plan service, so hooks run). */
export async function activePlan(moduleRef: TestingModule, world: World, title = 'Improvement Plan'): Promise<Plan> {
  const plans = moduleRef.get(PlanService);
  const plan = await plans.create(world.admin, { title, boardId: world.boardId, startDate: '2026-01-05' });
  return plans.activate(world.admin, plan.id, plan.version);
}

export async function newAction(
  moduleRef: TestingModule,
  world: World,
  planId: string,
  dueDate: string,
  over: { ownerId?: string | null; title?: string } = {},
) {
  return moduleRef.get(ActionService).create(world.admin, planId, {
    title: over.title ?? `Action due ${dueDate}`,
    dueDate,
    ownerId: over.ownerId === undefined ? world.owner.id : over.ownerId,
  });
}

export const setClock = (moduleRef: TestingModule, instant: string) => moduleRef.get(Clock).set(instant);

/**
 * `count` open actions of a new plan, all owned by the world's owner and due on `dueDate`, whose
 * plan sends one reminder each (on the day, 08:00 London) and no digest. The actions are inserted in
 * bulk, to make many quickly; the reminders service schedules their rows. Returns the rows.
 */
export async function dueReminders(moduleRef: TestingModule, world: World, count: number, dueDate: string): Promise<Reminder[]> {
  const plan = await activePlan(moduleRef, world);
  await moduleRef.get(ReminderSettingsService).update(world.admin, plan.id, {
    beforeDays: [],
    overdueOwnerDays: null,
    managerAfterDays: null,
    chairAfterDays: null,
    weeklyDigest: false,
  });
  const now = moduleRef.get(Clock).nowIso();
  const actions: Action[] = Array.from({ length: count }, (_, i) =>
    actionRow(
      {
        authorityId: world.authorityId,
        planId: plan.id,
        ref: `A${i + 1}`,
        title: `Action ${i + 1}`,
        ownerId: world.owner.id,
        managerId: world.manager.id,
        dueDate,
        warnFrom: dueDate,
      },
      now,
    ),
  );
  const db = moduleRef.get(DataSource);
  for (let i = 0; i < actions.length; i += 100) await db.manager.insert(Action, actions.slice(i, i + 100));
  await moduleRef.get(RemindersService).scheduleActions(actions);
  return db.manager.find(Reminder, { where: { planId: plan.id }, order: { id: 'ASC' } });
}

/** Polls `check` until it holds; on timeout, fails naming what it waited for (and `detail()`, if given). */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; detail?: () => string } = {},
): Promise<void> {
  const until = Date.now() + (options.timeoutMs ?? 20_000);
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}${options.detail ? `\n${options.detail()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
