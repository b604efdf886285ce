import { Controller, Get, Inject, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../../../libs/config/src';
import { RemindersService } from '../../../../libs/reminders/src';
import { Public } from '../common/decorators';

/** Liveness for load balancers and operators: the database must answer; Redis is reported (the API works without it). */
@ApiTags('health')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    private readonly db: DataSource,
    private readonly reminders: RemindersService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 1000 });
    this.redis.on('error', () => undefined);
  }

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, redis] = await Promise.all([this.check(() => this.db.query('SELECT 1')), this.check(() => this.pingRedis())]);
    if (database.status !== 'up') res.status(503);
    const reminders = database.status === 'up' ? await this.reminders.reminderCounts() : null;
    return { status: database.status === 'up' ? 'ok' : 'down', database: { ...database, type: this.db.options.type }, redis, reminders };
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
