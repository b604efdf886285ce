import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import * as http from 'node:http';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { QueueName } from '@app/queue';
import { RemindersService } from '@app/reminders';

const withTimeout = <T>(work: Promise<T>, ms: number) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);

/**
 * GET /health on the worker's own port: ok or degraded; with HEALTH_DETAILS also the database,
 * Redis, reminder and job counts (across every council) as JSON. Nothing else is served.
 */
@Injectable()
export class HealthServer implements OnApplicationShutdown {
  private server: http.Server | null = null;
  private readonly log = new Logger('WorkerHealth');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly reminders: RemindersService,
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
  ) {}

  async listen(port = this.config.workerHealthPort): Promise<number> {
    this.server = http.createServer((req, res) => void this.respond(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, this.config.host, resolve));
    const bound = (this.server.address() as { port: number }).port;
    this.log.log(`Health check on http://${this.config.host}:${bound}/health`);
    return bound;
  }

  async report(details = this.config.healthDetails) {
    const database = await withTimeout(this.db.query('SELECT 1'), 2000).then(
      () => 'up',
      () => 'down',
    );
    const jobs = await withTimeout(this.queue.getJobCounts(), 2000).catch(() => null);
    const redis = jobs ? 'up' : 'down';
    const status = database === 'up' && redis === 'up' ? 'ok' : 'degraded';
    if (!details) return { status };
    const reminders = database === 'up' ? await this.reminders.reminderCounts().catch(() => null) : null;
    return { status, database, redis, reminders, jobs };
  }

  private async respond(req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/health') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const body = await this.report();
    res.writeHead(body.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  async onApplicationShutdown() {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
