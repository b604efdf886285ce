import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { QueueName } from './queue-names';
import { redisConnection } from './redis-connection';

export interface QueueModuleOptions {
  /** Overrides the configured QUEUE_PREFIX; tests use a unique one per run so runs never collide. */
  prefix?: string;
}

/** BullMQ on the configured Redis, with every queue registered. */
@Module({})
export class QueueModule {
  static forRoot(options: QueueModuleOptions = {}): DynamicModule {
    const root = BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ connection: redisConnection(config.redisUrl), prefix: options.prefix ?? config.queuePrefix }),
    });
    const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));
    return { module: QueueModule, global: true, imports: [root, queues], exports: [queues] };
  }
}
