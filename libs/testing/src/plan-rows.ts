import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Action, Authority, Board, Plan, User } from '@app/database/entities';

export interface PlanRows {
  authorityId: string;
  userId: string;
  planId: string;
}

const NOW = '2026-01-01T00:00:00.000Z';

/**
 * The rows an action refers to (an authority, a person, a board and a draft plan), written straight
 * to the tables for tests that insert actions themselves: the foreign keys refuse made-up ids.
 */
export async function insertPlanRows(manager: EntityManager, ids: Partial<PlanRows> = {}): Promise<PlanRows> {
  const { authorityId = randomUUID(), userId = randomUUID(), planId = randomUUID() } = ids;
  const boardId = randomUUID();
  await manager.insert(Authority, { id: authorityId, name: 'Council', slug: `council-${randomUUID()}`, createdAt: NOW });
  await manager.insert(User, { id: userId, email: `${randomUUID()}@council.test`, displayName: 'Person', passwordHash: 'x', active: true, createdAt: NOW });
  await manager.insert(Board, { id: boardId, authorityId, name: 'Board', chairId: userId, createdAt: NOW });
  const plan: Plan = {
    ...{ id: planId, authorityId, boardId, title: 'Plan', status: 'draft', startDate: '2026-01-01', immediateWindowDays: 28, defaultHorizonMonths: 12 },
    ...{ warningWindowDays: 14, moveOffNonWorkingDays: false, predecessorId: null, version: 1, createdAt: NOW, updatedAt: NOW },
  };
  await manager.insert(Plan, plan);
  return { authorityId, userId, planId };
}

/**
 * An action row to insert straight into the table: open (not started), with no owner, manager, due date or
 * override unless `fields` gives them, made at `at`.
 */
export function actionRow(fields: Pick<Action, 'authorityId' | 'planId' | 'ref' | 'title'> & Partial<Action>, at = NOW): Action {
  return {
    ...{ id: randomUUID(), description: '', timescale: 'unspecified', ownerId: null, managerId: null, organisationId: null, dueDate: null, warnFrom: null },
    ...{ status: 'not_started', statusReason: null, atRisk: false, ragOverride: null, ragOverrideReason: null, carriedFromId: null, version: 1 },
    ...{ createdAt: at, updatedAt: at },
    ...fields,
  };
}
