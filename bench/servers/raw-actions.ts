import { randomUUID } from 'node:crypto';
import { ActionStatus, assertTransition, deriveRag, effectiveRag, Rag } from '@app/domain';
import { ragSql } from '@app/core/actions/action-rag';
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
  // As ActionService.list: a page that is not full, and not past the end, tells the total without counting.
  const offset = (page - 1) * pageSize;
  const total =
    rows.length > 0 && rows.length < pageSize ? { cnt: offset + rows.length } : await db.one(`SELECT COUNT(*) AS "cnt" FROM "action" a WHERE ${where}`, params);
  const plans = await plansById(
    db,
    rows.map((r) => r.planId as string),
  );
  return { items: rows.map((a) => summary(a, plans.get(a.planId as string)!, today)), page, pageSize, total: Number(total?.cnt ?? 0) };
}

async function plansById(db: RawDb, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, SqlRow>();
  const params = Object.fromEntries(unique.map((id, i) => [`p${i}`, id]));
  const plans = await db.all(`SELECT * FROM "improvement_plan" WHERE "id" IN (${unique.map((_, i) => `:p${i}`).join(', ')})`, params);
  return new Map(plans.map((p) => [p.id as string, row(p)]));
}

async function loadPlan(db: RawDb, authorityId: string, id: string) {
  const plan = await db.one(`SELECT * FROM "improvement_plan" WHERE "id" = :id AND "authorityId" = :authorityId LIMIT 1`, { id, authorityId });
  if (!plan) throw new HttpFailure(404, 'not_found', 'Plan not found');
  return row(plan);
}

async function loadAction(db: RawDb, authorityId: string, id: string) {
  const action = await db.one(`SELECT * FROM "action" WHERE "id" = :id AND "authorityId" = :authorityId LIMIT 1`, { id, authorityId });
  if (!action) throw new HttpFailure(404, 'not_found', 'Action not found');
  return row(action);
}

export async function dashboard(db: RawDb, caller: Caller, planId: string, today: string) {
  const plan = await loadPlan(db, caller.authorityId, planId);
  const params = { planId, authorityId: caller.authorityId, today, atRiskTrue: true };
  const where = `a."planId" = :planId AND a."authorityId" = :authorityId`;
  const byStatus = await db.all(`SELECT a."status" AS "key", COUNT(*) AS "count" FROM "action" a WHERE ${where} GROUP BY a."status"`, params);
  const byRag = await db.all(`SELECT ${ragSql('a')} AS "key", COUNT(*) AS "count" FROM "action" a WHERE ${where} GROUP BY ${ragSql('a')}`, params);
  const tally = (rows: SqlRow[]) => Object.fromEntries(rows.filter((r) => r.key !== null).map((r) => [r.key, Number(r.count)]));
  return { plan, today, byStatus: tally(byStatus), byRag: tally(byRag) };
}

export async function timeline(db: RawDb, caller: Caller, id: string) {
  await loadAction(db, caller.authorityId, id);
  const rows = await db.all(
    `SELECT * FROM "audit_event" WHERE "authorityId" = :authorityId AND "entityType" = 'action' AND "entityId" = :id ORDER BY "seq" ASC`,
    { authorityId: caller.authorityId, id },
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

function audit(db: RawDb, caller: Caller, id: string, event: string, before: unknown, after: unknown) {
  return db.run(
    `INSERT INTO "audit_event" ("authorityId", "entityType", "entityId", "event", "actorId", "subject", "ip", "before", "after", "at") VALUES (:authorityId, 'action', :id, :event, :actorId, NULL, NULL, :before, :after, :at)`,
    {
      authorityId: caller.authorityId,
      id,
      event,
      actorId: caller.userId,
      before: before === undefined ? null : JSON.stringify(before),
      after: JSON.stringify(after),
      at: new Date().toISOString(),
    },
  );
}

export async function changeStatus(db: RawDb, caller: Caller, id: string, input: { version: number; status: ActionStatus; reason?: string }, today: string) {
  return db.tx(async (tx) => {
    const action = await loadAction(tx, caller.authorityId, id);
    const plan = await loadPlan(tx, caller.authorityId, action.planId as string);
    if (!canEdit(caller, action)) throw new HttpFailure(403, 'forbidden', 'Only the action owner, a manager or a board member can change this action');
    if (action.version !== input.version)
      throw new HttpFailure(409, 'stale_version', 'Someone else changed this action', { current: summary(action, plan, today) });
    if (plan.status === 'closed') throw new HttpFailure(422, 'plan_closed', 'The plan is closed');
    const evidence = await tx.one(`SELECT COUNT(*) AS "cnt" FROM "evidence" WHERE "actionId" = :id`, { id });
    const boardDecision = caller.roles.some((r) => BOARD_DECISION_ROLES.includes(r));
    if ((input.status === 'verified' || action.status === 'completed') && !boardDecision)
      throw new HttpFailure(403, 'forbidden', 'Only the board chair records a board decision');
    try {
      assertTransition(action.status as ActionStatus, input.status, {
        evidenceCount: Number(evidence?.cnt ?? 0),
        reason: input.reason,
        byBoardDecision: boardDecision,
      });
    } catch (error) {
      throw new HttpFailure(422, 'invalid_transition', (error as Error).message);
    }
    const changes = { status: input.status, statusReason: input.reason?.trim() || null };
    const now = new Date().toISOString();
    const updated = await tx.run(
      `UPDATE "action" SET "status" = :status, "statusReason" = :statusReason, "version" = :next, "updatedAt" = :now WHERE "id" = :id AND "authorityId" = :authorityId AND "version" = :version`,
      {
        ...changes,
        next: input.version + 1,
        now,
        id,
        authorityId: caller.authorityId,
        version: input.version,
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

export async function addNote(db: RawDb, caller: Caller, id: string, body: string) {
  return db.tx(async (tx) => {
    const action = await loadAction(tx, caller.authorityId, id);
    if (!canEdit(caller, action)) throw new HttpFailure(403, 'forbidden', 'Only the action owner, a manager or a board member can change this action');
    const plan = await loadPlan(tx, caller.authorityId, action.planId as string);
    if (plan.status === 'closed') throw new HttpFailure(422, 'plan_closed', 'The plan is closed');
    const note = {
      id: randomUUID(),
      authorityId: caller.authorityId,
      actionId: id,
      authorId: caller.userId,
      body: body.trim(),
      createdAt: new Date().toISOString(),
    };
    await tx.run(
      `INSERT INTO "progress_note" ("id", "authorityId", "actionId", "authorId", "body", "createdAt") VALUES (:id, :authorityId, :actionId, :authorId, :body, :createdAt)`,
      note,
    );
    await audit(tx, caller, id, 'progress_note_added', undefined, note);
    return note;
  });
}
