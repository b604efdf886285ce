import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigModule } from '../../../libs/config/src';
import { CoreModule } from '../../../libs/core/src';
import { DatabaseModule } from '../../../libs/database/src';

@Module({})
class CliModule {}

/** Opens the database (migrating it) with the core services, runs the work, and closes everything. */
export async function withAppContext<T>(config: AppConfig, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(
    { module: CliModule, imports: [ConfigModule.forRoot(config), DatabaseModule, CoreModule] },
    { logger: ['error'] },
  );
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
