/**
 * The Redis limiter in one process against a real redis-server, with both Redis libraries:
 * the rule, settle, abort, fairness between limiters (as two processes would hold), separate
 * budgets per token, what reaches Redis, and what happens when Redis goes away and comes back.
 * Timing checks are lower bounds the rule guarantees, never upper bounds a busy machine could miss.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRedisRateLimiter,
  type RedisRateLimitEvent,
  type RedisRateLimiter,
} from "../../src/redis/index.js";
import { createDixaClient, DixaAbortError } from "../../src/index.js";
import type { RateLimitTicket } from "../../src/http/rate-limit.js";
import { tokenKeys } from "../../src/redis/token-keys.js";
import { sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { connectRedis, redisLibraries, type ConnectedRedis } from "../support/redis-clients.js";
import { startRedisServer, type RedisServer } from "../../scripts/lib/redis-server.js";

let redisServer: RedisServer;
/** For looking at the record directly. */
let inspect: Redis;
const opened: ConnectedRedis[] = [];

beforeAll(async () => {
  redisServer = await startRedisServer();
  inspect = new Redis(redisServer.url);
});

afterAll(async () => {
  for (const connection of opened) await connection.close();
  inspect?.disconnect();
  await redisServer?.stop();
});

let tokens = 0;
const freshToken = () => `redis-limiter-test-token-${process.pid}-${++tokens}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe.each(redisLibraries)("with %s", (library) => {
  async function limiterFor(
    apiKey: string,
    extra: Partial<Parameters<typeof createRedisRateLimiter>[0]> = {},
  ) {
    const connection = await connectRedis(library, redisServer.url);
    opened.push(connection);
    return createRedisRateLimiter({ redis: connection.client, apiKey, workers: 4, ...extra });
  }

  it("lets three through at once, then one per 100 ms (burst 4, one kept for jitter)", async () => {
    const limiter = await limiterFor(freshToken());
    const started = performance.now();
    const grantedAt: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const ticket = await limiter.acquire();
        grantedAt.push(performance.now() - started);
        ticket.settle();
      }),
    );
    grantedAt.sort((a, b) => a - b);
    // The fourth waits for the bucket to refill: at least 100 ms after the first three.
    expect(grantedAt[3]! - grantedAt[2]!).toBeGreaterThanOrEqual(90);
    expect(grantedAt[4]! - grantedAt[0]!).toBeGreaterThanOrEqual(190);
    expect(grantedAt[5]! - grantedAt[0]!).toBeGreaterThanOrEqual(290);
    expect(limiter.queued).toBe(0);
    expect(limiter.mode).toBe("redis");
  });

  it("records each request until its answer, then at the moment the answer came", async () => {
    const apiKey = freshToken();
    const limiter = await limiterFor(apiKey);
    const keys = await tokenKeys(apiKey, "dixa-beta:rate-limit:");
    const ticket = await limiter.acquire();
    const recorded = await zrange(keys.sent);
    expect(recorded).toHaveLength(1);
    const [id, score] = recorded[0]!;
    const before = await redisTime();
    // Counted as arriving up to transitAllowanceMs (250 ms) after it was let through.
    expect(score - before).toBeGreaterThan(150);
    expect(score - before).toBeLessThanOrEqual(250);
    ticket.settle();
    ticket.settle(); // twice is harmless
    await until("the settle to reach Redis", async () => (await zscore(keys.sent, id)) < score);
    expect(await zscore(keys.sent, id)).toBeLessThanOrEqual(await redisTime());
  });

  it("a caller that aborts while waiting is rejected with its reason and leaves the queue", async () => {
    const apiKey = freshToken();
    const limiter = await limiterFor(apiKey);
    const keys = await tokenKeys(apiKey, "dixa-beta:rate-limit:");
    const first = await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    await until(
      "the waiter to join the shared queue",
      async () => (await inspect.zcard(keys.lanes)) === 1,
    );
    const reason = new Error("caller gave up");
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    await until(
      "the queue to be empty",
      async () => (await inspect.zcard(keys.lanes)) === 0,
      3_000,
    );
    expect(limiter.queued).toBe(0);
    // An already aborted signal never queues.
    await expect(limiter.acquire(AbortSignal.abort("late"))).rejects.toBe("late");
    // The next caller is not held up by the one that left.
    for (const ticket of first) ticket.settle();
    const next = await limiter.acquire();
    next.settle();
    expect(await inspect.zcard(keys.sent)).toBe(4);
  });

  it("two tokens on one Redis do not share a budget", async () => {
    const busy = await limiterFor(freshToken());
    const other = await limiterFor(freshToken());
    const busyTickets = Array.from({ length: 8 }, () => busy.acquire());
    await sleep(20);
    expect(busy.queued).toBeGreaterThan(0);
    const otherTickets = await Promise.all([other.acquire(), other.acquire(), other.acquire()]);
    // The other token's burst went through while the busy one still had callers waiting.
    expect(otherTickets.every((t) => t.waitedMs < 90)).toBe(true);
    expect(busy.queued).toBeGreaterThan(0);
    for (const ticket of [...(await Promise.all(busyTickets)), ...otherTickets]) ticket.settle();
  });

  it("callers of two limiters on one token (as two processes) are served in arrival order", async () => {
    const apiKey = freshToken();
    const keys = await tokenKeys(apiKey, "dixa-beta:rate-limit:");
    const a = await limiterFor(apiKey);
    const b = await limiterFor(apiKey);
    const burst = await Promise.all([a.acquire(), a.acquire(), a.acquire()]);
    const served: string[] = [];
    const pending: Promise<RateLimitTicket>[] = [];
    for (let i = 0; i < 6; i++) {
      const [limiter, name] = i % 2 === 0 ? [a, `a${i}`] : [b, `b${i}`];
      pending.push(
        limiter.acquire().then((ticket) => {
          served.push(name);
          return ticket;
        }),
      );
      // Each joins the shared queue before the next arrives.
      await until(
        `${name} to join the queue`,
        async () => (await inspect.zcard(keys.lanes)) >= i + 1 - served.length,
      );
    }
    const tickets = await Promise.all(pending);
    // Arrival order; a turn left untaken for 50 ms passes to the next process, so a stall of
    // this busy test process could swap two neighbours, never more.
    const arrival = ["a0", "b1", "a2", "b3", "a4", "b5"];
    expect([...served].sort()).toEqual([...arrival].sort());
    expect(inversions(served, arrival)).toBeLessThanOrEqual(1);
    for (const ticket of [...burst, ...tickets]) ticket.settle();
  });

  it("sends Redis a hash of the token, never the token, and puts a TTL on every key", async () => {
    const apiKey = `secret-token-${library}-${process.pid}-0123456789abcdef`;
    const monitor = await inspect.monitor();
    const seen: string[] = [];
    monitor.on("monitor", (_time: string, args: string[]) => seen.push(args.join(" ")));
    try {
      const limiter = await limiterFor(`  ${apiKey}  `);
      const tickets = await Promise.all(Array.from({ length: 5 }, () => limiter.acquire()));
      for (const ticket of tickets) ticket.settle();
      await sleep(100);
    } finally {
      monitor.disconnect();
    }
    const all = seen.join("\n");
    expect(all).toMatch(/evalsha/i);
    const encodings = [
      apiKey,
      Buffer.from(apiKey).toString("base64"),
      Buffer.from(apiKey).toString("base64url"),
      Buffer.from(apiKey).toString("hex"),
      encodeURIComponent(apiKey),
      "secret-token",
    ];
    for (const encoded of encodings) expect(all).not.toContain(encoded);
    // Padding around the token is trimmed as the client trims it: same keys.
    const keys = await tokenKeys(apiKey, "dixa-beta:rate-limit:");
    expect(all).toContain(keys.sent);
    for (const key of await inspect.keys("dixa-beta:rate-limit:*")) {
      const ttl = await inspect.pttl(key);
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(60_000);
    }
  });

  it("an idle limiter keeps no timer", async () => {
    const limiter = await limiterFor(freshToken());
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const tickets = await Promise.all(Array.from({ length: 5 }, () => limiter.acquire()));
    for (const ticket of tickets) ticket.settle();
    await sleep(50);
    expect(limiter.queued).toBe(0);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it("holds when Redis lost the record (flushed, as by a restart), and reloads flushed scripts", async () => {
    const events: RedisRateLimitEvent[] = [];
    const limiter = await limiterFor(freshToken(), { onEvent: (event) => events.push(event) });
    (await limiter.acquire()).settle();
    await inspect.flushall();
    await inspect.script("FLUSH");
    const started = performance.now();
    const ticket = await limiter.acquire();
    ticket.settle();
    // Requests the lost record held may still be arriving: nothing starts for 1.26 s.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_250);
    expect(events).toEqual([{ type: "redis-rate-limit-record-lost", holdMs: 1260 }]);
    expect(limiter.mode).toBe("redis");
  });

  it("Redis too slow (busy with a 1.5 s script): falls back after commandTimeoutMs, then returns", async () => {
    const events: RedisRateLimitEvent[] = [];
    const apiKey = freshToken();
    const limiter = await limiterFor(apiKey, {
      commandTimeoutMs: 300,
      probeIntervalMs: 300,
      onEvent: (event) => events.push(event),
    });
    const keys = await tokenKeys(apiKey, "dixa-beta:rate-limit:");
    const first = await limiter.acquire();
    const [[id, score]] = (await zrange(keys.sent)) as [[string, number]];
    first.settle();
    // settle() is sent without waiting; had it not reached Redis before the busy script, it
    // would be the call that times out (reason "the settle script"), not the next step.
    await until("the settle to reach Redis", async () => (await zscore(keys.sent, id)) < score);
    const blocker = new Redis(redisServer.url);
    // Connected first, so the script is written at once and runs before the next step arrives.
    await blocker.ping();
    try {
      // Redis runs one script at a time: every other command waits until this one ends.
      const busy = blocker.eval(
        "local s = redis.call('TIME') local t = s repeat t = redis.call('TIME') until (t[1] - s[1]) * 1000000 + (t[2] - s[2]) > 1500000 return 1",
        0,
      );
      await sleep(50);
      const tickets = await Promise.all(Array.from({ length: 3 }, () => limiter.acquire()));
      for (const ticket of tickets) ticket.settle();
      expect(events[0]).toMatchObject({
        type: "redis-rate-limit-fallback",
        reason: "the step script took longer than commandTimeoutMs (300 ms)",
      });
      await busy;
      await until(
        "the limiter to find Redis again",
        async () => {
          (await limiter.acquire()).settle();
          return limiter.mode === "redis";
        },
        15_000,
      );
      expect(events.map((e) => e.type)).toEqual([
        "redis-rate-limit-fallback",
        "redis-rate-limit-restored",
      ]);
    } finally {
      blocker.disconnect();
    }
  }, 30_000);

  it("decides alone at its share while Redis is down, holds first, and returns when it is back", async () => {
    const own = await startRedisServer();
    const connection = await connectRedis(library, own.url);
    const events: RedisRateLimitEvent[] = [];
    const limiter = createRedisRateLimiter({
      redis: connection.client,
      apiKey: freshToken(),
      workers: 2,
      commandTimeoutMs: 300,
      probeIntervalMs: 300,
      onEvent: (event) => events.push(event),
    });
    try {
      (await limiter.acquire()).settle();
      await own.kill();
      const lostAt = performance.now();
      const grantedAt: number[] = [];
      const tickets = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const ticket = await limiter.acquire();
          grantedAt.push(performance.now() - lostAt);
          ticket.settle();
          return ticket;
        }),
      );
      expect(tickets).toHaveLength(4);
      expect(limiter.mode).toBe("fallback");
      const fallback = events.find((e) => e.type === "redis-rate-limit-fallback");
      expect(fallback).toMatchObject({ share: 0.5, holdMs: 1260 });
      expect(fallback && "reason" in fallback && fallback.reason).toBeTruthy();
      // Nothing starts within the hold: requests Redis let through may still be arriving.
      expect(Math.min(...grantedAt)).toBeGreaterThanOrEqual(1_250);
      // Half the limit alone (5/s, burst 2 → capacity 1, at most 5 per window): 4 take 600 ms.
      expect(Math.max(...grantedAt) - Math.min(...grantedAt)).toBeGreaterThanOrEqual(550);

      await own.restart();
      await until(
        "the limiter to find Redis again",
        async () => {
          (await limiter.acquire()).settle();
          return limiter.mode === "redis";
        },
        15_000,
      );
      expect(events.map((e) => e.type)).toContain("redis-rate-limit-restored");
      (await limiter.acquire()).settle();
    } finally {
      await connection.close();
      await own.stop();
    }
  }, 30_000);
});

it("a client call aborted while waiting on the shared limiter fails with DixaAbortError, unsent", async () => {
  const http = await startLoopbackServer((_request, response) =>
    sendJson(response, 200, { data: {} }),
  );
  const connection = await connectRedis("node-redis", redisServer.url);
  opened.push(connection);
  try {
    const apiKey = freshToken();
    const rateLimit = createRedisRateLimiter({ redis: connection.client, apiKey, workers: 2 });
    const dixa = createDixaClient({ apiKey, baseUrl: http.url, rateLimit, retry: false });
    await Promise.all([1, 2, 3].map(() => dixa.organization.get()));
    const controller = new AbortController();
    const call = dixa.organization.get({ signal: controller.signal });
    await sleep(30);
    controller.abort();
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DixaAbortError);
    expect((error as DixaAbortError).attempts).toBe(0);
    expect(http.requests).toHaveLength(3);
    expect(rateLimit.queued).toBe(0);
  } finally {
    await http.close();
  }
});

it("refuses bad options with a TypeError that names the option", async () => {
  const connection = await connectRedis("ioredis", redisServer.url);
  opened.push(connection);
  const redis = connection.client;
  const make = (options: unknown) => () =>
    createRedisRateLimiter(options as Parameters<typeof createRedisRateLimiter>[0]);
  expect(make(undefined)).toThrow(TypeError);
  expect(make({ apiKey: "t", workers: 1 })).toThrow(/`redis` option is required/);
  expect(make({ redis: {}, apiKey: "t", workers: 1 })).toThrow(/ioredis or node-redis/);
  expect(make({ redis: { eval() {} }, apiKey: "t", workers: 1 })).toThrow(/evalsha/);
  expect(make({ redis, apiKey: " ", workers: 1 })).toThrow(/`apiKey`.*blank string/);
  expect(make({ redis, apiKey: "t" })).toThrow(/`workers`.*`fallbackShare`/);
  expect(make({ redis, apiKey: "t", workers: 0 })).toThrow(/`workers` must be a whole number/);
  expect(make({ redis, apiKey: "t", fallbackShare: 1.5 })).toThrow(/`fallbackShare` must be/);
  expect(make({ redis, apiKey: "t", workers: 2, burst: 0 })).toThrow(
    /createRedisRateLimiter: burst must be a positive integer/,
  );
  expect(make({ redis, apiKey: "t", workers: 2, commandTimeoutMs: 0 })).toThrow(/commandTimeoutMs/);
  expect(make({ redis, apiKey: "t", workers: 2, leaseMs: 5 })).toThrow(/leaseMs/);
  expect(make({ redis, apiKey: "t", workers: 2, onEvent: "log" })).toThrow(/onEvent/);
  expect(make({ redis, apiKey: "t", workers: 2, rateLimit: {} })).toThrow(
    /unknown option `rateLimit`/,
  );
  // None of them echoes the token.
  try {
    make({ redis, apiKey: "tok-secret-42" })();
  } catch (error) {
    expect(String(error)).not.toContain("tok-secret-42");
  }
  const ok: RedisRateLimiter = createRedisRateLimiter({ redis, apiKey: "t", fallbackShare: 0.25 });
  expect(ok.mode).toBe("redis");
});

async function redisTime(): Promise<number> {
  const [seconds, micros] = await inspect.time();
  return Number(seconds) * 1000 + Number(micros) / 1000;
}

async function zrange(key: string): Promise<[string, number][]> {
  const flat = await inspect.zrange(key, "0", "-1", "WITHSCORES");
  const pairs: [string, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, Number(flat[i + 1])]);
  return pairs;
}

async function zscore(key: string, member: string): Promise<number> {
  return Number(await inspect.zscore(key, member));
}

/** How many pairs `served` has in the other order than `arrival`. */
function inversions(served: string[], arrival: string[]): number {
  const rank = served.map((name) => arrival.indexOf(name));
  let count = 0;
  for (let i = 0; i < rank.length; i++) {
    for (let j = i + 1; j < rank.length; j++) if (rank[i]! > rank[j]!) count++;
  }
  return count;
}
