import { Test } from '@nestjs/testing';
import { loadConfig } from '@app/config';
import { ActionService, PlanService } from '@app/core';
import { ApiModule } from '../../apps/api/src/app.module';
import { bearer, newAuthority, newBoard, newUser, TestDatabase, TestUser } from '../support';

/** A person with a token and an action, made through the services on `db`, which a built API process then opens. */
export async function seedPersonAndAction(db: TestDatabase): Promise<{ person: TestUser; actionId: string }> {
  const config = { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: db.dataDir }), database: db.config };
  const app = await (await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] }).compile()).init();
  try {
    const person = await newUser(app, (await newAuthority(app, 'Faultshire')).id, ['admin', 'board_chair']);
    const board = await newBoard(app, person);
    const actor = { userId: person.id, authorityId: person.authorityId, roles: person.roles };
    const plan = await app.get(PlanService).create(actor, { title: 'Plan', boardId: board.id, startDate: '2026-12-01' });
    const action = await app.get(ActionService).create(actor, plan.id, { title: 'Write everything down' });
    return { person, actionId: action.id };
  } finally {
    await app.close();
  }
}

/** Calls the API on `port` as `person`. */
export const caller =
  (port: string, person: TestUser) =>
  (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...bearer(person), 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(20_000),
    });
