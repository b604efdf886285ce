import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig, ConfigModule } from '@app/config';
import { QueueModule } from '@app/queue';
import { RemindersModule, RemindersQueueModule } from '@app/reminders';
import { AuditRetention } from './audit-retention';
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
    const services = RemindersModule.forApp();
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(options.config),
        services,
        DiscoveryModule,
        QueueModule.forRoot({ prefix: options.queuePrefix }),
        RemindersQueueModule.forRoot(services),
      ],
      providers: [AuditRetention, HealthServer, JobHandlers, ReminderProcessor, WorkerBootstrap],
    };
  }
}
