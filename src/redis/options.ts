import type { AdmissionRule } from "../http/admission-rule.js";
import { dixaRateLimit, ruleOf, type RateLimitOptions } from "../http/rate-limiter.js";
import { createRedactor } from "../redact.js";
import { requiredApiKey } from "../shared/secret-text.js";
import { describeValue } from "../validate.js";
import type { RedisRateLimitEventHook } from "./events.js";
import { scriptRunner, type RedisClientLike, type ScriptRunner } from "./redis-client.js";
import { tokenKeys, type TokenKeys } from "./token-keys.js";

export interface RedisRateLimiterOptions extends RateLimitOptions {
  /**
   * A connected ioredis (v5+) or node-redis (v4+) client, or a cluster client of either. You
   * create, connect and close it; with node-redis, listen to its `error` event.
   */
  redis: RedisClientLike;
  /**
   * The Dixa API token whose limit is shared: the same one the client gets. Only a SHA-256 hash
   * of it names the Redis keys; the token is never sent to Redis.
   */
  apiKey: string;
  /**
   * How many processes share the token. Sets `fallbackShare` to 1/workers. One of the two is
   * required, so a Redis outage never lets every worker spend the whole limit.
   */
  workers?: number;
  /**
   * The share of the limit (0 < share <= 1) this process may use alone while Redis is down or
   * too slow. Default 1/workers.
   */
  fallbackShare?: number;
  /** Prefix of the Redis keys. Default `dixa-beta:rate-limit:`. */
  keyPrefix?: string;
  /** How long one Redis call may take before Redis counts as unavailable. Default 500 ms. */
  commandTimeoutMs?: number;
  /** How often Redis is tried again while this process decides alone. Default 1,000 ms. */
  probeIntervalMs?: number;
  /**
   * How long a waiting caller keeps its place in the shared queue without its process renewing
   * it: the places of a process that died lapse after this long. (A turn it leaves untaken
   * passes to the next process after 50 ms meanwhile.) Default 2,000 ms.
   */
  leaseMs?: number;
  /** Sees the limiter fall back to its share, return to Redis, or find the record lost. */
  onEvent?: RedisRateLimitEventHook;
}

export interface ResolvedRedisOptions {
  run: ScriptRunner;
  /** The Redis keys of the token's shared record, named by its hash. */
  keysOf: () => Promise<TokenKeys>;
  /** Removes the token, in any encoding, from text an event carries. */
  redact: (text: string) => string;
  rule: AdmissionRule;
  transitMs: number;
  networkMs: number;
  share: number;
  shareRule: AdmissionRule;
  commandTimeoutMs: number;
  probeIntervalMs: number;
  leaseMs: number;
  onEvent: RedisRateLimitEventHook | undefined;
}

const what = "createRedisRateLimiter";
const known = new Set([
  "redis",
  "apiKey",
  "workers",
  "fallbackShare",
  "keyPrefix",
  "commandTimeoutMs",
  "probeIntervalMs",
  "leaseMs",
  "onEvent",
  "requestsPerSecond",
  "burst",
  "jitterAllowanceMs",
  "transitAllowanceMs",
  "networkAllowanceMs",
]);

/** Checks the options once, at construction; no message echoes the token. */
export function resolveRedisOptions(options: RedisRateLimiterOptions): ResolvedRedisOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `${what}(options): options must be an object with \`redis\` and \`apiKey\``,
    );
  }
  for (const name of Object.keys(options)) {
    if (!known.has(name)) {
      throw new TypeError(`${what}: unknown option \`${name}\` (known: ${[...known].join(", ")})`);
    }
  }
  if (options.redis === undefined) {
    throw new TypeError(
      `${what}: the \`redis\` option is required (an ioredis or node-redis client)`,
    );
  }
  const run = scriptRunner(options.redis, `${what}: \`redis\``);
  // The client's rule for its token; from here on the token lives only in two closures (the
  // keys' hash and the redactor), never on an object a logger or JSON.stringify could print.
  const apiKey = requiredApiKey(options.apiKey, what);
  const redact = createRedactor(apiKey);
  const { rule, transitMs, networkMs } = rulesOf(options);
  const share = shareOf(options);
  const requestsPerSecond = options.requestsPerSecond ?? dixaRateLimit.requestsPerSecond;
  const burst = options.burst ?? dixaRateLimit.burst;
  const shareRule = ruleOf({
    requestsPerSecond: requestsPerSecond * share,
    burst: Math.max(1, Math.floor(burst * share)),
    jitterAllowanceMs: options.jitterAllowanceMs ?? dixaRateLimit.jitterAllowanceMs,
    transitAllowanceMs: transitMs,
  }).rule;
  const keyPrefix = options.keyPrefix ?? "dixa-beta:rate-limit:";
  if (typeof keyPrefix !== "string") {
    throw new TypeError(`${what}: \`keyPrefix\` must be a string, got ${describeValue(keyPrefix)}`);
  }
  if (options.onEvent !== undefined && typeof options.onEvent !== "function") {
    throw new TypeError(`${what}: \`onEvent\` must be a function`);
  }
  return {
    run,
    keysOf: () => tokenKeys(apiKey, keyPrefix),
    redact: redact.text,
    rule,
    transitMs,
    networkMs,
    share,
    shareRule,
    commandTimeoutMs: milliseconds(options.commandTimeoutMs, "commandTimeoutMs", 500, 1),
    probeIntervalMs: milliseconds(options.probeIntervalMs, "probeIntervalMs", 1_000, 10),
    leaseMs: milliseconds(options.leaseMs, "leaseMs", 2_000, 100),
    onEvent: options.onEvent,
  };
}

function rulesOf(options: RateLimitOptions): ReturnType<typeof ruleOf> {
  try {
    return ruleOf(options);
  } catch (error) {
    if (error instanceof TypeError) {
      throw new TypeError(`${what}: ${error.message.replace(/^rateLimit\./, "")}`);
    }
    throw error;
  }
}

function shareOf(options: RedisRateLimiterOptions): number {
  const { workers, fallbackShare } = options;
  if (workers !== undefined && !(Number.isSafeInteger(workers) && workers >= 1)) {
    throw new TypeError(
      `${what}: \`workers\` must be a whole number of processes, at least 1, got ${describeValue(workers)}`,
    );
  }
  if (fallbackShare !== undefined) {
    if (typeof fallbackShare !== "number" || !(fallbackShare > 0 && fallbackShare <= 1)) {
      throw new TypeError(
        `${what}: \`fallbackShare\` must be a number above 0 and at most 1, got ${describeValue(fallbackShare)}`,
      );
    }
    return fallbackShare;
  }
  if (workers === undefined) {
    throw new TypeError(
      `${what}: say how many processes share the token (\`workers\`) or what share of the limit this one may use while Redis is unavailable (\`fallbackShare\`)`,
    );
  }
  return 1 / workers;
}

function milliseconds(value: unknown, name: string, fallback: number, least: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value >= least && value <= 600_000)) {
    throw new TypeError(
      `${what}: \`${name}\` must be a number of milliseconds from ${least} to 600000, got ${describeValue(value)}`,
    );
  }
  return value;
}
