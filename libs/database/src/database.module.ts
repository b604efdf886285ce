import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { openDatabase } from './data-source';
import { REPOSITORIES } from './repositories';
import { DatabaseSchema } from './schema';
import { Transactions } from './transactions';

/**
 * Provides the one DataSource (and Transactions over it), migrated to the latest schema before anything uses it. The app module
 * passes the full schema (libs/reminders' APP_SCHEMA), since the libs above this one add tables.
 */
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  static forRoot(schema: DatabaseSchema): DynamicModule {
    const dataSource = { provide: DataSource, inject: [APP_CONFIG], useFactory: (config: AppConfig) => openDatabase(config.database, schema) };
    return { module: DatabaseModule, providers: [dataSource, Transactions, ...REPOSITORIES], exports: [DataSource, Transactions, ...REPOSITORIES] };
  }

  async onApplicationShutdown() {
    if (this.db.isInitialized) await this.db.destroy();
  }
}
