import * as net from 'node:net';
import { AppProcess, freePort, requireBuild } from '@app/testing/worker-process';
import { createTestDatabase, DB_KINDS, TestDatabase } from '../support';
import { caller, seedPersonAndAction } from './seeded-api';

jest.setTimeout(180_000);

/** A TCP relay in front of PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
class CuttableRelay {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
    this.server = null;
  }
}

/** PostgreSQL going away under load (a restart, a failover): requests fail cleanly while it is gone, and the API recovers by itself. */
(DB_KINDS.includes('postgres') ? describe : describe.skip)('the API while PostgreSQL is unreachable', () => {
  let db: TestDatabase;
  let relay: CuttableRelay;
  let api: AppProcess | null = null;
  beforeAll(async () => {
    requireBuild();
    db = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await api?.kill();
    await relay?.cut();
    await db.drop();
  });

  it('answers 503 with a plain message (and /health says down), then serves again without a restart', async () => {
    const { person, actionId } = await seedPersonAndAction(db);
    const url = new URL(db.config.kind === 'postgres' ? db.config.url : '');
    relay = new CuttableRelay(await freePort(), { host: url.hostname, port: Number(url.port || 5432) });
    await relay.open();
    url.port = String(relay.port);
    const port = String(await freePort());
    api = await AppProcess.api({ ...db.env, DATABASE_URL: url.toString(), PORT: port });
    const call = caller(port, person);
    expect((await call(`/api/v1/actions/${actionId}`)).status).toBe(200);

    await relay.cut();
    for (const request of [call(`/api/v1/actions/${actionId}`), call(`/api/v1/actions/${actionId}/notes`, { method: 'POST', body: { body: 'while down' } })]) {
      const response = await request;
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: unknown }).error).toMatchObject({
        code: 'database_unavailable',
        message: expect.stringContaining('try again'),
      });
    }
    expect((await call('/health')).status).toBe(503);

    await relay.open();
    let status = 0;
    for (let tries = 0; tries < 50 && status !== 201; tries++) {
      status = (await call(`/api/v1/actions/${actionId}/notes`, { method: 'POST', body: { body: 'after' } })).status;
      if (status !== 201) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(201);
    expect(api.running).toBe(true);
  });
});
