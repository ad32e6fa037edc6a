/**
 * dixa-beta/redis: one rate limit shared by every process that uses a token, decided in Redis.
 *
 * ```ts
 * import { Redis } from "ioredis";
 * import { createDixaClient } from "dixa-beta";
 * import { createRedisRateLimiter } from "dixa-beta/redis";
 *
 * const redis = new Redis(process.env.REDIS_URL!);
 * const apiKey = process.env.DIXA_API_KEY!;
 * const rateLimit = createRedisRateLimiter({ redis, apiKey, workers: 4 });
 * const dixa = createDixaClient({ apiKey, rateLimit });
 * ```
 *
 * `createRedisDedupeStore({ redis })` shares webhook de-duplication between receivers the same
 * way (see dixa-beta/webhooks).
 *
 * The Redis client (ioredis v5+ or node-redis v4+) is yours: this entry imports no Redis library
 * and no Node.js module, so it runs wherever the client does.
 *
 * @module
 */
export { createRedisRateLimiter, RedisRateLimiter } from "./redis-rate-limiter.js";
export type { RedisRateLimiterOptions } from "./options.js";
export type { RedisRateLimitEvent, RedisRateLimitEventHook } from "./events.js";
export type { IoRedisLike, NodeRedisLike, RedisClientLike } from "./redis-client.js";
export {
  createRedisDedupeStore,
  type RedisDedupeStore,
  type RedisDedupeStoreOptions,
} from "./dedupe-store.js";
