import { EntityManager } from 'typeorm';
import { ACCOUNTABLE_MANAGER_ID_SQL, accountableManagerAmongSql } from '@app/core/actions/accountable-manager';
import { chunks, IDS_PER_STATEMENT } from '@app/database/batches';
import { Action, Plan, User } from '@app/database/entities';
import { runSql, selectEntities, selectEntitiesWithRows } from '@app/database/sql';
import { OPEN_STATUSES } from '@app/domain';
import { rulesOf } from './plan-rules';

export type DigestKind = 'digest_owner' | 'digest_manager';

/** Someone a Monday digest is for, in one council. */
export interface DigestReader {
  authorityId: string;
  userId: string;
  kind: DigestKind;
}

/** One line of a digest: an action, its plan and its owner's name. */
export interface DigestItem {
  action: Action;
  plan: Plan;
  ownerName: string | null;
}

export const digestReaderKey = (r: DigestReader) => `${r.authorityId}|${r.userId}|${r.kind}`;

/** Readers per statement: a whole delivery batch (DELIVERY_BATCH_SIZE), well inside the bound-parameter limits of SQLite and PostgreSQL. */
const READERS_PER_QUERY = 2000;

/**
 * What each reader's digest lists: the open actions with a due date, in active plans whose rules
 * keep the digest on, that the reader owns (`digest_owner`) or is the accountable manager of for
 * someone else (`digest_manager`: the action's manager, or where it names none, its owner's line
 * manager; accountable-manager.ts), by due date then reference. A delivery batch's digests are read
 * together: one statement per council for the actions (each with its accountable manager), then one
 * for their plans and one for the owners' names.
 */
export async function loadDigestActions(tx: EntityManager, readers: DigestReader[]): Promise<Map<string, DigestItem[]>> {
  const byCouncil = new Map<string, DigestReader[]>();
  for (const r of readers) {
    const list = byCouncil.get(r.authorityId);
    if (list) list.push(r);
    else byCouncil.set(r.authorityId, [r]);
  }
  // By action: an action is found once for its owner and again for its manager when they are read in different statements.
  // Each with its accountable manager, read in the same statement.
  const found = new Map<string, { action: Action; managerId: string | null }>();
  for (const [authorityId, theirs] of byCouncil) {
    for (const part of chunks(theirs, READERS_PER_QUERY)) {
      const owners = [...new Set(part.filter((r) => r.kind === 'digest_owner').map((r) => r.userId))];
      const managers = [...new Set(part.filter((r) => r.kind === 'digest_manager').map((r) => r.userId))];
      // Each side of the OR has its indexes (an action's owner and manager; a manager's line reports); an empty list is never sent.
      const whose = [owners.length && `a."ownerId" IN (:...owners)`, managers.length && accountableManagerAmongSql('managers')].filter(Boolean).join(' OR ');
      const rows = await selectEntitiesWithRows(
        tx,
        Action,
        `SELECT a.*, ${ACCOUNTABLE_MANAGER_ID_SQL} AS "accountableManagerId" FROM "action" a JOIN "improvement_plan" p ON p."id" = a."planId"
        WHERE a."authorityId" = :authorityId AND (${whose}) AND p."status" = 'active' AND a."status" IN (:...open) AND a."dueDate" IS NOT NULL
        ORDER BY a."dueDate", a."ref"`,
        { authorityId, owners, managers, open: [...OPEN_STATUSES] },
      );
      for (const [action, row] of rows)
        if (!found.has(action.id)) found.set(action.id, { action, managerId: (row.accountableManagerId as string | null | undefined) ?? null });
    }
  }
  const plans = new Map<string, Plan>();
  for (const ids of chunks([...new Set([...found.values()].map((f) => f.action.planId))], READERS_PER_QUERY)) {
    for (const plan of await selectEntities(tx, Plan, 'SELECT * FROM "improvement_plan" WHERE "id" IN (:...ids)', { ids })) plans.set(plan.id, plan);
  }
  const rules = await rulesOf(tx, [...plans.keys()]);
  const listed = [...found.values()].filter((f) => rules.get(f.action.planId)!.weeklyDigest).map((f) => [f, plans.get(f.action.planId)!] as const);
  const names = await ownerNames(
    tx,
    listed.map(([f]) => f.action.ownerId),
  );
  // Each action under the keys of the readers it may be for, in the statement's order.
  const byKey = new Map<string, DigestItem[]>();
  const add = (key: string, item: DigestItem) => {
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  };
  for (const [{ action, managerId }, plan] of listed) {
    const item = { action, plan, ownerName: action.ownerId ? (names.get(action.ownerId) ?? null) : null };
    if (action.ownerId) add(digestReaderKey({ authorityId: action.authorityId, userId: action.ownerId, kind: 'digest_owner' }), item);
    if (managerId && managerId !== action.ownerId) add(digestReaderKey({ authorityId: action.authorityId, userId: managerId, kind: 'digest_manager' }), item);
  }
  return new Map(readers.map((r) => [digestReaderKey(r), byKey.get(digestReaderKey(r)) ?? []]));
}

async function ownerNames(tx: EntityManager, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  const names = new Map<string, string>();
  const table = tx.connection.getMetadata(User).tableName;
  for (const part of chunks(unique, IDS_PER_STATEMENT)) {
    for (const u of await runSql(tx, `SELECT "id", "displayName" FROM "${table}" WHERE "id" IN (:...ids)`, { ids: part }))
      names.set(String(u.id), String(u.displayName));
  }
  return names;
}
