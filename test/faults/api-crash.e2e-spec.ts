import Database from 'better-sqlite3';
import * as path from 'node:path';
import { Test } from '@nestjs/testing';
import { loadConfig } from '@app/config';
import { ActionService, PlanService } from '@app/core';
import { openDatabase } from '@app/database/data-source';
import { APP_SCHEMA } from '@app/reminders/schema';
import { AppProcess, freePort, requireBuild } from '@app/testing/worker-process';
import { ApiModule } from '../../apps/api/src/app.module';
import { bearer, createTestDatabase, DB_KINDS, newAuthority, newBoard, newUser, TestDatabase, TestUser } from '../support';

jest.setTimeout(180_000);

/** A person with a token and an action, made through the services on `db`, which the API process then opens. */
async function seed(db: TestDatabase): Promise<{ person: TestUser; actionId: string }> {
  const config = { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: db.dataDir }), database: db.config };
  const app = await (await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] }).compile()).init();
  try {
    const person = await newUser(app, (await newAuthority(app, 'Crashshire')).id, ['admin', 'board_chair']);
    const board = await newBoard(app, person);
    const actor = { userId: person.id, authorityId: person.authorityId, roles: person.roles };
    const plan = await app.get(PlanService).create(actor, { title: 'Plan', boardId: board.id, startDate: '2026-12-01' });
    const action = await app.get(ActionService).create(actor, plan.id, { title: 'Write everything down' });
    return { person, actionId: action.id };
  } finally {
    await app.close();
  }
}

describe.each(DB_KINDS)('the API killed (SIGKILL) in the middle of writes (%s)', (kind) => {
  let db: TestDatabase;
  let api: AppProcess | null = null;
  beforeAll(async () => {
    requireBuild();
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await api?.kill();
    await db.drop();
  });

  it('keeps every write it acknowledged, and the database is whole', async () => {
    const { person, actionId } = await seed(db);
    const port = String(await freePort());
    const env = { PORT: port, HOST: '127.0.0.1', DATA_DIR: db.dataDir, ...(db.config.kind === 'postgres' ? { DATABASE_URL: db.config.url } : {}) };
    api = await AppProcess.api(env);
    const acknowledged: string[] = [];
    let sent = 0;
    const writer = async () => {
      while (api?.running) {
        const n = sent++;
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/actions/${actionId}/notes`, {
          method: 'POST',
          headers: { ...bearer(person), 'content-type': 'application/json' },
          body: JSON.stringify({ body: `note ${n}` }),
        }).catch(() => null);
        if (response?.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    while (acknowledged.length < 100) await new Promise((resolve) => setTimeout(resolve, 5));
    await api.kill();
    await Promise.all(writers);

    api = await AppProcess.api(env);
    await api.kill();
    const ds = await openDatabase(db.config, APP_SCHEMA);
    try {
      const stored = new Set((await ds.query(`SELECT "id" FROM "progress_note" WHERE "actionId" = '${actionId}'`)).map((r: { id: string }) => r.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      const audited = await ds.query(`SELECT COUNT(*) AS n FROM "audit_event" WHERE "entityId" = '${actionId}' AND "event" = 'progress_note_added'`);
      expect(Number(audited[0].n)).toBe(stored.size);
    } finally {
      await ds.destroy();
    }
    if (db.config.kind === 'sqlite') {
      const file = new Database(path.join(db.dataDir, 'improvement-tracker.sqlite'));
      try {
        expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(file.pragma('foreign_key_check')).toEqual([]);
      } finally {
        file.close();
      }
    }
  });
});
