import Redis from 'ioredis';
import { redisConnection } from './redis-connection';

/**
 * A Redis client for work that must go on without Redis: it connects when first used, and while Redis
 * is not answering a command fails at once (or after a second, if Redis hangs) instead of waiting in a
 * queue. Errors are the caller's to catch; the connection's own error events are dropped here.
 */
export function quickRedis(redisUrl: string): Redis {
  const redis = new Redis({
    ...redisConnection(redisUrl),
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    commandTimeout: 1000,
  });
  redis.on('error', () => undefined);
  return redis;
}

/** Connects a quickRedis client if it is not connected or connecting yet; rejects when Redis does not answer. */
export async function whenConnected(redis: Redis): Promise<void> {
  if (redis.status === 'wait' || redis.status === 'end') await redis.connect();
}
