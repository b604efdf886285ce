import { Controller, Get, Inject, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { RemindersService } from '@app/reminders';
import { Public } from '../common/decorators';

/**
 * Liveness for load balancers: up while the database answers (the API works without Redis). The
 * details (database, Redis, reminder counts across every council) only with HEALTH_DETAILS.
 */
@ApiTags('health')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    private readonly db: DataSource,
    private readonly reminders: RemindersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 1000 });
    this.redis.on('error', () => undefined);
  }

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    const database = await this.check(() => this.db.query('SELECT 1'));
    if (database.status !== 'up') res.status(503);
    const status = database.status === 'up' ? 'ok' : 'down';
    if (!this.config.healthDetails) return { status };
    const redis = await this.check(() => this.pingRedis());
    const reminders = database.status === 'up' ? await this.reminders.reminderCounts() : null;
    return { status, database: { ...database, type: this.db.options.type }, redis, reminders };
  }

  async onModuleDestroy() {
    this.redis.disconnect();
  }

  private async pingRedis() {
    if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
    await this.redis.ping();
  }

  private async check(probe: () => Promise<unknown>) {
    const started = performance.now();
    try {
      await probe();
      return { status: 'up' as const, ms: Math.round(performance.now() - started) };
    } catch (error) {
      return { status: 'down' as const, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
