export * from './batches';
export * from './data-source';
export * from './database.module';
export * from './entities';
export * from './sql';
export * from './schema';
