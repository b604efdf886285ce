import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig, ConfigModule } from '../../../libs/config/src';
import { CoreModule } from '../../../libs/core/src';
import { DatabaseModule } from '../../../libs/database/src';
import { QueueModule } from '../../../libs/queue/src';
import { RemindersModule, RemindersQueueModule } from '../../../libs/reminders/src';
import { HealthServer } from './health.server';
import { JobHandlers } from './job-handlers';
import { ReminderProcessor } from './reminder.processor';
import { WorkerBootstrap } from './worker-bootstrap';

export interface WorkerModuleOptions {
  config?: AppConfig;
  /** Redis key prefix (tests use a unique one). */
  queuePrefix?: string;
}

/** The worker process: queue processors and the reconciler, no HTTP except the health check. */
@Module({})
export class WorkerModule {
  static forRoot(options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(options.config), DatabaseModule, CoreModule, DiscoveryModule,
        QueueModule.forRoot({ prefix: options.queuePrefix }), RemindersModule, RemindersQueueModule,
      ],
      providers: [HealthServer, JobHandlers, ReminderProcessor, WorkerBootstrap],
    };
  }
}
