/**
 * A webhook de-duplication store shared by every receiver instance, in Redis: one key per
 * `event_id`, holding "processing:<the claim's token>" while a handler has it claimed and "done"
 * once handled, each with Redis's own expiry. Every step is one Lua script, so "is it there?"
 * and "now it is" (or "is it still my claim?" and "then release it") are one atomic step on the
 * server whichever process asks. Through EVALSHA, like the rate limiter, so ioredis and
 * node-redis are driven alike and this file imports no Redis library.
 */
import { checkToken } from "../shared/claim-token.js";
import type { DixaDedupeClaim, DixaWebhookDedupeStore } from "../webhooks/dedupe.js";
import { scriptRunner, type RedisClientLike } from "./redis-client.js";
import type { LuaScript } from "./scripts.js";

export interface RedisDedupeStoreOptions {
  /**
   * A connected ioredis (v5+) or node-redis (v4+) client, or a cluster client of either. You
   * create, connect and close it; with node-redis, listen to its `error` event.
   */
  redis: RedisClientLike;
  /** Prefix of the keys, one per event id. Default `dixa-beta:webhook-event:`. */
  keyPrefix?: string;
}

/** What a shared store does: all four steps, each atomic in Redis. */
export interface RedisDedupeStore extends Required<DixaWebhookDedupeStore> {
  /** `token` may be left out when you claim by hand (a release without one removes any claim). */
  claim(id: string, leaseMs: number, token?: string): Promise<DixaDedupeClaim>;
}

/** ARGV: lease in ms, the claim's token ("" when the caller gave none). */
const claimScript: LuaScript = {
  name: "dedupe-claim",
  source: `
local held = redis.call('GET', KEYS[1])
if held == 'done' then return 'done' end
if held then return 'in-progress' end
redis.call('SET', KEYS[1], 'processing:' .. ARGV[2], 'PX', ARGV[1])
return 'claimed'
`,
};
const seenScript: LuaScript = {
  name: "dedupe-seen",
  source: `
if redis.call('SET', KEYS[1], 'done', 'NX', 'PX', ARGV[1]) then return 0 end
return 1
`,
};
const completeScript: LuaScript = {
  name: "dedupe-complete",
  source: `redis.call('SET', KEYS[1], 'done', 'PX', ARGV[1]) return 1`,
};
/** ARGV: nothing (remove whatever is there), or the token of the claim to release. */
const forgetScript: LuaScript = {
  name: "dedupe-forget",
  source: `
if #ARGV == 0 or redis.call('GET', KEYS[1]) == 'processing:' .. ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`,
};

/**
 * A de-duplication store in Redis, for `createDixaWebhookReceiver({ secret, dedupeStore })`
 * when several processes or servers receive the same subscription's deliveries.
 *
 * ```ts
 * import { Redis } from "ioredis";
 * import { createRedisDedupeStore } from "dixa-beta/redis";
 * import { createDixaWebhookReceiver } from "dixa-beta/webhooks";
 *
 * const redis = new Redis(process.env.REDIS_URL!);
 * const receiver = createDixaWebhookReceiver({
 *   secret: process.env.DIXA_WEBHOOK_SECRET!,
 *   dedupeStore: createRedisDedupeStore({ redis }),
 * });
 * ```
 * @throws TypeError when `redis` is not an ioredis or node-redis client
 */
export function createRedisDedupeStore(options: RedisDedupeStoreOptions): RedisDedupeStore {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("createRedisDedupeStore(options): options must be an object with `redis`");
  }
  const run = scriptRunner(options.redis, "createRedisDedupeStore: `redis`");
  const prefix = options.keyPrefix ?? "dixa-beta:webhook-event:";
  if (typeof prefix !== "string") {
    throw new TypeError("createRedisDedupeStore: `keyPrefix` must be a string");
  }
  const key = (id: string) => {
    if (typeof id !== "string" || id === "") {
      throw new TypeError(`id must be a non-empty string (an event_id), got ${typeof id}`);
    }
    return `${prefix}${id}`;
  };
  return {
    async seen(id, ttlMs) {
      return Number(await run(seenScript, [key(id)], [milliseconds(ttlMs, "ttlMs")])) === 1;
    },
    async claim(id, leaseMs, token?: string): Promise<DixaDedupeClaim> {
      checkToken(token);
      const lease = milliseconds(leaseMs, "leaseMs");
      return String(await run(claimScript, [key(id)], [lease, token ?? ""])) as DixaDedupeClaim;
    },
    async complete(id, ttlMs) {
      await run(completeScript, [key(id)], [milliseconds(ttlMs, "ttlMs")]);
    },
    async forget(id, token) {
      checkToken(token);
      await run(forgetScript, [key(id)], token === undefined ? [] : [token]);
    },
  };
}

/** Redis's PX takes whole milliseconds; a fraction is rounded up, never to 0. */
function milliseconds(value: unknown, name: string): string {
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) {
    throw new TypeError(`${name} must be a positive number of milliseconds, got ${String(value)}`);
  }
  return String(Math.ceil(value));
}
