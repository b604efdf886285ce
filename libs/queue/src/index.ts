export * from './job-ids';
export * from './job-options';
export * from './on-job.decorator';
export * from './queue-names';
export * from './queue.module';
export * from './redis-connection';
export * from './quick-redis';
