import { Controller, Get, Inject, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { quickRedis, whenConnected } from '@app/queue';
import { RemindersService } from '@app/reminders';
import { Public } from '../common/decorators';
import { HealthResponse } from './health.responses';

/**
 * For load balancers: 200 while the database answers, since the API works without Redis; then
 * "ok", or "degraded" while Redis does not answer (changes are kept, reminders wait for it). 503
 * "down" without the database. The details (database, Redis, reminder counts across every council)
 * only with HEALTH_DETAILS.
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
    this.redis = quickRedis(config.redisUrl);
  }

  @Public()
  @ApiOperation({ summary: 'Whether the API can work: its database, and Redis for reminders' })
  @ApiOkResponse({ type: HealthResponse, description: 'ok, or degraded while Redis does not answer' })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: 'down: the database does not answer' })
  @Get()
  async health(@Res({ passthrough: true }) res: FastifyReply) {
    const [database, redis] = await Promise.all([this.check(() => this.db.query('SELECT 1')), this.check(() => this.pingRedis())]);
    if (database.status !== 'up') res.status(503);
    const status = database.status !== 'up' ? 'down' : redis.status !== 'up' ? 'degraded' : 'ok';
    if (!this.config.healthDetails) return { status };
    const reminders = database.status === 'up' ? await this.reminders.reminderCounts() : null;
    return { status, database: { ...database, type: this.db.options.type }, redis, reminders };
  }

  async onModuleDestroy() {
    this.redis.disconnect();
  }

  private async pingRedis() {
    await whenConnected(this.redis);
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
