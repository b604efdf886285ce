import Database from 'better-sqlite3';
import * as path from 'node:path';
import { openDatabase } from '@app/database/data-source';
import { APP_SCHEMA } from '@app/reminders/schema';
import { AppProcess, freePort, requireBuild } from '@app/testing/worker-process';
import { createTestDatabase, DB_KINDS, TestDatabase } from '../support';
import { caller, seedPersonAndAction } from './seeded-api';

jest.setTimeout(180_000);

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
    const { person, actionId } = await seedPersonAndAction(db);
    const port = String(await freePort());
    const env = { ...db.env, PORT: port };
    api = await AppProcess.api(env);
    const call = caller(port, person);
    const acknowledged: string[] = [];
    let sent = 0;
    const writer = async () => {
      while (api?.running) {
        const n = sent++;
        const response = await call(`/api/v1/actions/${actionId}/notes`, { method: 'POST', body: { body: `note ${n}` } }).catch(() => null);
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
