import { randomUUID } from 'node:crypto';
import { ActionStatus, assertTransition, deriveRag, effectiveRag, needsEvidence, Rag } from '@app/domain';
import { ragSql, ragSqlParams, tally } from '@app/core/actions/action-rag';
import { RawDb, SqlRow } from './raw-db';
import { Caller, HttpFailure } from './raw-auth';

/**
 * The raw limit of each benchmarked route: the SQL ActionService runs for it, through the same
 * driver, with no framework around it. Kept in step with libs/core/src/actions/action.service.ts.
 */
const OPEN = `('not_started', 'in_progress', 'blocked')`;
const EDITOR_ROLES = ['admin', 'board_chair', 'board_member', 'manager'];
const BOARD_DECISION_ROLES = ['admin', 'board_chair'];
const COLUMNS_BOOL = ['atRisk', 'moveOffNonWorkingDays'];

const row = (r: SqlRow) => {
  for (const c of COLUMNS_BOOL) if (c in r) r[c] = r[c] === true || r[c] === 1;
  return r;
};

function summary(action: SqlRow, plan: SqlRow, today: string) {
  const status = action.status as ActionStatus;
  const dueDate = action.dueDate as string | null;
  const derived = deriveRag({ status, dueDate, today, warningWindowDays: plan.warningWindowDays as number, atRisk: action.atRisk as boolean });
  const { warnFrom: _warnFrom, ...fields } = action;
  return {
    ...fields,
    overdue: !!dueDate && dueDate < today && ['not_started', 'in_progress', 'blocked'].includes(status),
    rag: {
      derived,
      override: action.ragOverride as Rag | null,
      overrideReason: action.ragOverrideReason,
      effective: effectiveRag(derived, action.ragOverride as Rag | null),
    },
  };
}

export async function listActions(db: RawDb, caller: Caller, query: URLSearchParams, today: string, ownerId = query.get('ownerId')) {
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 25);
  const params: Record<string, unknown> = { authorityId: caller.authorityId, today, limit: pageSize, offset: (page - 1) * pageSize };
  let where = `a."authorityId" = :authorityId`;
  if (ownerId) {
    where += ` AND a."ownerId" = :ownerId`;
    params.ownerId = ownerId;
  }
  const overdue = query.get('overdue');
  if (overdue === 'true') where += ` AND a."dueDate" < :today AND a."status" IN ${OPEN}`;
  if (overdue === 'false') where += ` AND NOT (a."dueDate" < :today AND a."status" IN ${OPEN})`;
  const rows = (await db.all(`SELECT a.* FROM "action" a WHERE ${where} ORDER BY a."dueDate" ASC, a."ref" ASC LIMIT :limit OFFSET :offset`, params)).map(row);
  // As ActionRepository.list: a page that is not full, and not past the end, tells the total without counting; so does an empty first page.
  const offset = (page - 1) * pageSize;
  const total =
    rows.length > 0 && rows.length < pageSize
      ? offset + rows.length
      : rows.length === 0 && offset === 0
        ? 0
        : Number((await db.one(`SELECT COUNT(*) AS "count" FROM "action" a WHERE ${where}`, params))?.count ?? 0);
  const plans = await plansById(
    db,
    caller.authorityId,
    rows.map((r) => r.planId as string),
  );
  return { items: rows.map((a) => summary(a, plans.get(a.planId as string)!, today)), page, pageSize, total };
}

/** PlanRepository.findMany: the plans of a page's rows, in one statement (none for no rows). */
async function plansById(db: RawDb, authorityId: string, ids: string[]) {
  if (!ids.length) return new Map<string, SqlRow>();
  const sql = 'SELECT * FROM "improvement_plan" WHERE "id" IN (:...ids) AND "authorityId" = :authorityId';
  const plans = await db.all(sql, { ids: [...new Set(ids)], authorityId });
  return new Map(plans.map((p) => [p.id as string, row(p)]));
}

async function loadPlan(db: RawDb, authorityId: string, id: string) {
  const plan = await db.one(`SELECT * FROM "improvement_plan" WHERE "id" = :id AND "authorityId" = :authorityId`, { id, authorityId });
  if (!plan) throw new HttpFailure(404, 'not_found', 'Plan not found');
  return row(plan);
}

async function loadAction(db: RawDb, authorityId: string, id: string) {
  const action = await db.one(`SELECT * FROM "action" WHERE "id" = :id AND "authorityId" = :authorityId`, { id, authorityId });
  if (!action) throw new HttpFailure(404, 'not_found', 'Action not found');
  return row(action);
}

// The columns of each entity in its order, under a table alias, as selectPairs (libs/database/src/sql.ts) names them.
const ACTION_COLUMNS = [
  ...['id', 'authorityId', 'planId', 'ref', 'title', 'description', 'timescale', 'ownerId', 'managerId', 'organisationId', 'dueDate', 'warnFrom'],
  ...['status', 'statusReason', 'atRisk', 'ragOverride', 'ragOverrideReason', 'carriedFromId', 'version', 'createdAt', 'updatedAt'],
];
const PLAN_COLUMNS = [
  ...['id', 'authorityId', 'boardId', 'title', 'status', 'startDate', 'immediateWindowDays', 'defaultHorizonMonths', 'warningWindowDays'],
  ...['moveOffNonWorkingDays', 'predecessorId', 'version', 'createdAt', 'updatedAt'],
];
const aliased = (alias: string, columns: string[]) => columns.map((c) => `${alias}."${c}" AS "${alias}.${c}"`).join(', ');
const WITH_PLAN_SQL =
  `SELECT ${aliased('a', ACTION_COLUMNS)}, ${aliased('p', PLAN_COLUMNS)} ` +
  'FROM "action" a JOIN "improvement_plan" p ON p."id" = a."planId" AND p."authorityId" = a."authorityId" ' +
  'WHERE a."id" = :id AND a."authorityId" = :authorityId';
const unaliased = (r: SqlRow, alias: string, columns: string[]) => row(Object.fromEntries(columns.map((c) => [c, r[`${alias}.${c}`]])));

/** ActionRepository.findWithPlan: the action and its plan in one joined statement. */
async function loadWithPlan(db: RawDb, authorityId: string, id: string) {
  const found = await db.one(WITH_PLAN_SQL, { id, authorityId });
  if (!found) throw new HttpFailure(404, 'not_found', 'Action not found');
  return { action: unaliased(found, 'a', ACTION_COLUMNS), plan: unaliased(found, 'p', PLAN_COLUMNS) };
}

export async function dashboard(db: RawDb, caller: Caller, planId: string, today: string) {
  const plan = await loadPlan(db, caller.authorityId, planId);
  const params = { planId, authorityId: caller.authorityId, ...ragSqlParams(today) };
  const rag = ragSql('a');
  const rows = await db.all(
    `SELECT a."status", ${rag} AS "rag", COUNT(*) AS "count" FROM "action" a WHERE a."planId" = :planId AND a."authorityId" = :authorityId GROUP BY a."status", ${rag}`,
    params,
  );
  return { plan, today, byStatus: tally(rows, 'status'), byRag: tally(rows, 'rag') };
}

export async function timeline(db: RawDb, caller: Caller, id: string) {
  await loadAction(db, caller.authorityId, id);
  const rows = await db.all(
    'SELECT * FROM "audit_event" WHERE "authorityId" = :a AND "entityType" = :entityType AND "entityId" = :entityId ORDER BY "seq" ASC',
    { a: caller.authorityId, entityType: 'action', entityId: id },
  );
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    event: r.event,
    actorId: r.actorId,
    before: r.before ? JSON.parse(r.before as string) : null,
    after: r.after ? JSON.parse(r.after as string) : null,
  }));
}

const canEdit = (caller: Caller, action: SqlRow) => caller.roles.some((r) => EDITOR_ROLES.includes(r)) || action.ownerId === caller.userId;

/**
 * One row inserted as insertMany (libs/database/src/sql.ts) inserts it: VALUES on SQLite; on PostgreSQL
 * one array per column through unnest, each cast to the column's type.
 */
function insertRow(db: RawDb, table: string, columns: [name: string, postgresType: string][], values: SqlRow) {
  const head = `INSERT INTO "${table}" (${columns.map(([c]) => `"${c}"`).join(', ')}) `;
  if (db.kind === 'postgres') {
    const casts = columns.map(([c, type]) => `:${c}::${type}[]`).join(', ');
    return db.run(`${head}SELECT * FROM unnest(${casts})`, Object.fromEntries(columns.map(([c]) => [c, [values[c] ?? null]])));
  }
  return db.run(`${head}VALUES (${columns.map(([c]) => `:${c}`).join(', ')})`, Object.fromEntries(columns.map(([c]) => [c, values[c] ?? null])));
}

// insertMany's casts: driver.normalizeType of each column (ids are varchar(36) in this schema).
const AUDIT_COLUMNS: [string, string][] = [
  ['authorityId', 'character varying'],
  ['entityType', 'character varying'],
  ['entityId', 'character varying'],
  ['event', 'character varying'],
  ['actorId', 'character varying'],
  ['subject', 'character varying'],
  ['ip', 'character varying'],
  ['before', 'text'],
  ['after', 'text'],
  ['at', 'character varying'],
];
const NOTE_COLUMNS: [string, string][] = [
  ['id', 'character varying'],
  ['authorityId', 'character varying'],
  ['actionId', 'character varying'],
  ['authorId', 'character varying'],
  ['body', 'text'],
  ['createdAt', 'character varying'],
];

/** AuditService.record of a change to an action. */
function audit(db: RawDb, caller: Caller, id: string, event: string, before: unknown, after: unknown) {
  return insertRow(db, 'audit_event', AUDIT_COLUMNS, {
    authorityId: caller.authorityId,
    entityType: 'action',
    entityId: id,
    event,
    actorId: caller.userId,
    subject: null,
    ip: null,
    before: before === undefined ? null : JSON.stringify(before),
    after: JSON.stringify(after),
    at: new Date().toISOString(),
  });
}

/** ActionService.changeStatus: the action and its plan in one statement, the evidence counted only when completing, a versioned update, the audit. */
export async function changeStatus(db: RawDb, caller: Caller, id: string, input: { version: number; status: ActionStatus; reason?: string }, today: string) {
  return db.tx(async (tx) => {
    const { action, plan } = await loadWithPlan(tx, caller.authorityId, id);
    if (!canEdit(caller, action)) throw new HttpFailure(403, 'forbidden', 'Only the action owner, a manager or a board member can change this action');
    if (action.version !== input.version)
      throw new HttpFailure(409, 'stale_version', 'Someone else changed this action', { current: summary(action, plan, today) });
    if (plan.status === 'closed') throw new HttpFailure(422, 'plan_closed', 'The plan is closed');
    const evidence = needsEvidence(input.status)
      ? await tx.one(`SELECT COUNT(*) AS "count" FROM "evidence" WHERE "actionId" = :actionId AND "authorityId" = :authorityId`, {
          actionId: id,
          authorityId: caller.authorityId,
        })
      : undefined;
    const boardDecision = caller.roles.some((r) => BOARD_DECISION_ROLES.includes(r));
    if ((input.status === 'verified' || action.status === 'completed') && !boardDecision)
      throw new HttpFailure(403, 'forbidden', 'Only the board chair records a board decision');
    try {
      assertTransition(action.status as ActionStatus, input.status, {
        evidenceCount: Number(evidence?.count ?? 0),
        reason: input.reason,
        byBoardDecision: boardDecision,
      });
    } catch (error) {
      throw new HttpFailure(422, 'invalid_transition', (error as Error).message);
    }
    const changes = { status: input.status, statusReason: input.reason?.trim() || null };
    const now = new Date().toISOString();
    // As updateRows (libs/database/src/sql.ts) writes ActionRepository.updateVersioned.
    const updated = await tx.run(
      `UPDATE "action" SET "status" = :set_status, "statusReason" = :set_statusReason, "version" = :set_version, "updatedAt" = :set_updatedAt WHERE "id" = :id AND "authorityId" = :authorityId AND "version" = :version`,
      {
        id,
        authorityId: caller.authorityId,
        version: input.version,
        set_status: changes.status,
        set_statusReason: changes.statusReason,
        set_version: input.version + 1,
        set_updatedAt: now,
      },
    );
    if (!updated) throw new HttpFailure(409, 'stale_version', 'Someone else changed this action');
    const after = { ...action, ...changes, version: input.version + 1, updatedAt: now };
    await audit(
      tx,
      caller,
      id,
      input.status === 'verified' ? 'action_verified' : 'action_status_changed',
      { status: action.status, statusReason: action.statusReason },
      changes,
    );
    return summary(after, plan, today);
  });
}

/** ActionService.addNote: the action and its plan in one statement, the note, the audit. */
export async function addNote(db: RawDb, caller: Caller, id: string, body: string) {
  return db.tx(async (tx) => {
    const { action, plan } = await loadWithPlan(tx, caller.authorityId, id);
    if (!canEdit(caller, action)) throw new HttpFailure(403, 'forbidden', 'Only the action owner, a manager or a board member can change this action');
    if (plan.status === 'closed') throw new HttpFailure(422, 'plan_closed', 'The plan is closed');
    const note = {
      id: randomUUID(),
      authorityId: caller.authorityId,
      actionId: id,
      authorId: caller.userId,
      body: body.trim(),
      createdAt: new Date().toISOString(),
    };
    await insertRow(tx, 'progress_note', NOTE_COLUMNS, note);
    await audit(tx, caller, id, 'progress_note_added', undefined, note);
    return note;
  });
}
