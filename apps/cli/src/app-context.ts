import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigModule } from '@app/config';
import { QueueModule } from '@app/queue';
import { RemindersModule, RemindersQueueModule } from '@app/reminders';

@Module({})
class CliModule {}

/**
 * Opens the database (migrating it) with the core services and reminders, runs the work, and closes
 * everything. Only commands that talk to the queue (`queue: true`) connect to Redis.
 */
export async function withAppContext<T>(config: AppConfig, work: (app: INestApplicationContext) => Promise<T>, options: { queue?: boolean } = {}): Promise<T> {
  const services = RemindersModule.forApp();
  const queue = options.queue ? [QueueModule.forRoot(), RemindersQueueModule.forRoot(services)] : [];
  const app = await NestFactory.createApplicationContext(
    { module: CliModule, imports: [ConfigModule.forRoot(config), services, ...queue] },
    { logger: ['error'] },
  );
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
